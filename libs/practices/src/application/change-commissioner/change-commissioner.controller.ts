import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticePath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { ChangeCommissionerDto } from './change-commissioner.dto.js';

@PracticeWriteController()
export class ChangeCommissionerController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/commissioner', "Change a practice's commissioner", ChangeCommissionerDto)
  record(@Param() path: PracticePath, @Body() body: ChangeCommissionerDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange(
        { type: 'ChangeCommissioner', odsCode: path.ods, commissionerCode: body.commissionerCode, effectiveDate: body.effectiveDate },
        context,
      ),
    );
  }
}

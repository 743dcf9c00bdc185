import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticePath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { AddSalariedGpDto } from './add-salaried-gp.dto.js';

@PracticeWriteController()
export class AddSalariedGpController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/salaried-gps', 'Record a salaried GP joining', AddSalariedGpDto)
  record(@Param() path: PracticePath, @Body() body: AddSalariedGpDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange(
        { type: 'AddSalariedGp', odsCode: path.ods, gmcNumber: body.gmcNumber, name: body.name, effectiveDate: body.effectiveDate },
        context,
      ),
    );
  }
}

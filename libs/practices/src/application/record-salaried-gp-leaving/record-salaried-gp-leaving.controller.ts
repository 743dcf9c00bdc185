import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticeGpPath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { RecordSalariedGpLeavingDto } from './record-salaried-gp-leaving.dto.js';

@PracticeWriteController()
export class RecordSalariedGpLeavingController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/salaried-gps/:gmc/leave', 'Record a salaried GP leaving', RecordSalariedGpLeavingDto)
  record(@Param() path: PracticeGpPath, @Body() body: RecordSalariedGpLeavingDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange(
        { type: 'RecordSalariedGpLeaving', odsCode: path.ods, gmcNumber: path.gmc, effectiveDate: body.effectiveDate },
        context,
      ),
    );
  }
}

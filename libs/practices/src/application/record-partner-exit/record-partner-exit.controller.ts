import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticeGpPath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { RecordPartnerExitDto } from './record-partner-exit.dto.js';

@PracticeWriteController()
export class RecordPartnerExitController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/partners/:gmc/exit', 'Record a partner exit', RecordPartnerExitDto)
  record(@Param() path: PracticeGpPath, @Body() body: RecordPartnerExitDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange(
        { type: 'RecordPartnerExit', odsCode: path.ods, gmcNumber: path.gmc, reason: body.reason, effectiveDate: body.effectiveDate },
        context,
      ),
    );
  }
}

import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticePath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { LeavePcnDto } from './leave-pcn.dto.js';

@PracticeWriteController()
export class LeavePcnController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/pcn/leave', 'Record the practice leaving its primary care network', LeavePcnDto)
  record(@Param() path: PracticePath, @Body() body: LeavePcnDto, @Write() context: WriteContext) {
    return this.commands.execute(new RecordPracticeChange({ type: 'LeavePcn', odsCode: path.ods, effectiveDate: body.effectiveDate }, context));
  }
}

import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticePath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { ClosePracticeDto } from './close-practice.dto.js';

@PracticeWriteController()
export class ClosePracticeController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/close', 'Record the practice closing', ClosePracticeDto)
  record(@Param() path: PracticePath, @Body() body: ClosePracticeDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange({ type: 'ClosePractice', odsCode: path.ods, reason: body.reason, effectiveDate: body.effectiveDate }, context),
    );
  }
}

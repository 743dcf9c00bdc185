import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticePath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { RenamePracticeDto } from './rename-practice.dto.js';

@PracticeWriteController()
export class RenamePracticeController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/name', 'Rename a practice', RenamePracticeDto)
  record(@Param() path: PracticePath, @Body() body: RenamePracticeDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange({ type: 'RenamePractice', odsCode: path.ods, name: body.name, effectiveDate: body.effectiveDate }, context),
    );
  }
}

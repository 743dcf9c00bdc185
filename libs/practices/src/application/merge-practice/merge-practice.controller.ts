import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticePath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { MergePracticeDto } from './merge-practice.dto.js';

@PracticeWriteController()
export class MergePracticeController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/merge', 'Record the practice merging into another', MergePracticeDto)
  record(@Param() path: PracticePath, @Body() body: MergePracticeDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange(
        { type: 'MergePractice', odsCode: path.ods, intoOdsCode: body.intoOdsCode, effectiveDate: body.effectiveDate },
        context,
      ),
    );
  }
}

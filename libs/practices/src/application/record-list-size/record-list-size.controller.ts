import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticePath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { RecordListSizeDto } from './record-list-size.dto.js';

@PracticeWriteController()
export class RecordListSizeController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/list-size', 'Record the registered list size', RecordListSizeDto)
  record(@Param() path: PracticePath, @Body() body: RecordListSizeDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange(
        { type: 'RecordListSize', odsCode: path.ods, registeredPatients: body.registeredPatients, effectiveDate: body.effectiveDate },
        context,
      ),
    );
  }
}

import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { RetractEventDto, RetractEventPath } from './retract-event.dto.js';

@PracticeWriteController()
export class RetractEventController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/events/:eventId/retract', 'Retract an event recorded in error', RetractEventDto)
  record(@Param() path: RetractEventPath, @Body() body: RetractEventDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange({ type: 'RetractEvent', odsCode: path.ods, eventId: path.eventId.toLowerCase(), reason: body.reason }, context),
    );
  }
}

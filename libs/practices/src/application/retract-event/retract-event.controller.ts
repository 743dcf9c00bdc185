import { Body, Param } from '@nestjs/common';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { RetractEventDto, RetractEventPath } from './retract-event.dto.js';

@PracticeWriteController()
export class RetractEventController extends PracticeChangeController {
  @WriteRoute(':ods/events/:eventId/retract', 'Retract an event recorded in error', RetractEventDto)
  record(@Param() path: RetractEventPath, @Body() body: RetractEventDto, @Write() context: WriteContext) {
    return this.send({ type: 'RetractEvent', odsCode: path.ods, eventId: path.eventId.toLowerCase(), reason: body.reason }, context);
  }
}

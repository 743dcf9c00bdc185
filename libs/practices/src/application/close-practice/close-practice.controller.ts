import { Body, Param } from '@nestjs/common';
import { PracticePath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { ClosePracticeDto } from './close-practice.dto.js';

@PracticeWriteController()
export class ClosePracticeController extends PracticeChangeController {
  @WriteRoute(':ods/close', 'Record the practice closing', ClosePracticeDto)
  record(@Param() path: PracticePath, @Body() body: ClosePracticeDto, @Write() context: WriteContext) {
    return this.send({ type: 'ClosePractice', odsCode: path.ods, reason: body.reason, effectiveDate: body.effectiveDate }, context);
  }
}

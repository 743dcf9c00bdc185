import { Body, Param } from '@nestjs/common';
import { PracticePath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { MergePracticeDto } from './merge-practice.dto.js';

@PracticeWriteController()
export class MergePracticeController extends PracticeChangeController {
  @WriteRoute(':ods/merge', 'Record the practice merging into another', MergePracticeDto)
  record(@Param() path: PracticePath, @Body() body: MergePracticeDto, @Write() context: WriteContext) {
    return this.send({ type: 'MergePractice', odsCode: path.ods, intoOdsCode: body.intoOdsCode, effectiveDate: body.effectiveDate }, context);
  }
}

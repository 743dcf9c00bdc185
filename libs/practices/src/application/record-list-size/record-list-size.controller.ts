import { Body, Param } from '@nestjs/common';
import { PracticePath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { RecordListSizeDto } from './record-list-size.dto.js';

@PracticeWriteController()
export class RecordListSizeController extends PracticeChangeController {
  @WriteRoute(':ods/list-size', 'Record the registered list size', RecordListSizeDto)
  record(@Param() path: PracticePath, @Body() body: RecordListSizeDto, @Write() context: WriteContext) {
    return this.send(
      { type: 'RecordListSize', odsCode: path.ods, registeredPatients: body.registeredPatients, effectiveDate: body.effectiveDate },
      context,
    );
  }
}

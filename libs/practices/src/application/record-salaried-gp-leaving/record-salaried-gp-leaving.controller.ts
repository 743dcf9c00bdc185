import { Body, Param } from '@nestjs/common';
import { PracticeGpPath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { RecordSalariedGpLeavingDto } from './record-salaried-gp-leaving.dto.js';

@PracticeWriteController()
export class RecordSalariedGpLeavingController extends PracticeChangeController {
  @WriteRoute(':ods/salaried-gps/:gmc/leave', 'Record a salaried GP leaving', RecordSalariedGpLeavingDto)
  record(@Param() path: PracticeGpPath, @Body() body: RecordSalariedGpLeavingDto, @Write() context: WriteContext) {
    return this.send({ type: 'RecordSalariedGpLeaving', odsCode: path.ods, gmcNumber: path.gmc, effectiveDate: body.effectiveDate }, context);
  }
}

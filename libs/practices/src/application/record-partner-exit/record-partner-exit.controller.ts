import { Body, Param } from '@nestjs/common';
import { PracticeGpPath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { RecordPartnerExitDto } from './record-partner-exit.dto.js';

@PracticeWriteController()
export class RecordPartnerExitController extends PracticeChangeController {
  @WriteRoute(':ods/partners/:gmc/exit', 'Record a partner exit', RecordPartnerExitDto)
  record(@Param() path: PracticeGpPath, @Body() body: RecordPartnerExitDto, @Write() context: WriteContext) {
    return this.send(
      { type: 'RecordPartnerExit', odsCode: path.ods, gmcNumber: path.gmc, reason: body.reason, effectiveDate: body.effectiveDate },
      context,
    );
  }
}

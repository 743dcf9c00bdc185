import { Body, Param } from '@nestjs/common';
import { PracticePath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { LeavePcnDto } from './leave-pcn.dto.js';

@PracticeWriteController()
export class LeavePcnController extends PracticeChangeController {
  @WriteRoute(':ods/pcn/leave', 'Record the practice leaving its primary care network', LeavePcnDto)
  record(@Param() path: PracticePath, @Body() body: LeavePcnDto, @Write() context: WriteContext) {
    return this.send({ type: 'LeavePcn', odsCode: path.ods, effectiveDate: body.effectiveDate }, context);
  }
}

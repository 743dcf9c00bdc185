import { Body, Param } from '@nestjs/common';
import { PracticePath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { JoinPcnDto } from './join-pcn.dto.js';

@PracticeWriteController()
export class JoinPcnController extends PracticeChangeController {
  @WriteRoute(':ods/pcn', 'Record the practice joining a primary care network', JoinPcnDto)
  record(@Param() path: PracticePath, @Body() body: JoinPcnDto, @Write() context: WriteContext) {
    return this.send(
      { type: 'JoinPcn', odsCode: path.ods, pcnCode: body.pcnCode, pcnName: body.pcnName, effectiveDate: body.effectiveDate },
      context,
    );
  }
}

import { Body, Param } from '@nestjs/common';
import { PracticePath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { EndTrustSubcontractDto } from './end-trust-subcontract.dto.js';

@PracticeWriteController()
export class EndTrustSubcontractController extends PracticeChangeController {
  @WriteRoute(':ods/subcontract/end', 'Record the end of a trust subcontract', EndTrustSubcontractDto)
  record(@Param() path: PracticePath, @Body() body: EndTrustSubcontractDto, @Write() context: WriteContext) {
    return this.send({ type: 'EndTrustSubcontract', odsCode: path.ods, effectiveDate: body.effectiveDate }, context);
  }
}

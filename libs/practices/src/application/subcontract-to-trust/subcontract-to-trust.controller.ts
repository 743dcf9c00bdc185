import { Body, Param } from '@nestjs/common';
import { PracticePath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { SubcontractToTrustDto } from './subcontract-to-trust.dto.js';

@PracticeWriteController()
export class SubcontractToTrustController extends PracticeChangeController {
  @WriteRoute(':ods/subcontract', "Record the practice's contract being subcontracted to an NHS trust", SubcontractToTrustDto)
  record(@Param() path: PracticePath, @Body() body: SubcontractToTrustDto, @Write() context: WriteContext) {
    return this.send(
      { type: 'SubcontractToTrust', odsCode: path.ods, trustCode: body.trustCode, trustName: body.trustName, effectiveDate: body.effectiveDate },
      context,
    );
  }
}

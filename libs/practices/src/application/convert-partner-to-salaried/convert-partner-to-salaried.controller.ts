import { Body, Param } from '@nestjs/common';
import { PracticeGpPath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { ConvertPartnerToSalariedDto } from './convert-partner-to-salaried.dto.js';

@PracticeWriteController()
export class ConvertPartnerToSalariedController extends PracticeChangeController {
  @WriteRoute(':ods/partners/:gmc/salaried-conversion', 'Record a partner becoming a salaried GP', ConvertPartnerToSalariedDto)
  record(@Param() path: PracticeGpPath, @Body() body: ConvertPartnerToSalariedDto, @Write() context: WriteContext) {
    return this.send(
      {
        type: 'ConvertPartnerToSalaried',
        odsCode: path.ods,
        gmcNumber: path.gmc,
        employer: body.employer ?? 'practice',
        effectiveDate: body.effectiveDate,
      },
      context,
    );
  }
}

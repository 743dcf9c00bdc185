import { Body, Param } from '@nestjs/common';
import { PracticePath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { AddPartnerDto } from './add-partner.dto.js';

@PracticeWriteController()
export class AddPartnerController extends PracticeChangeController {
  @WriteRoute(':ods/partners', 'Record a partner joining', AddPartnerDto)
  record(@Param() path: PracticePath, @Body() body: AddPartnerDto, @Write() context: WriteContext) {
    return this.send(
      { type: 'AddPartner', odsCode: path.ods, gmcNumber: body.gmcNumber, name: body.name, effectiveDate: body.effectiveDate },
      context,
    );
  }
}

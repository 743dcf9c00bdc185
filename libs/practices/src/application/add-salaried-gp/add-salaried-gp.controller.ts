import { Body, Param } from '@nestjs/common';
import { PracticePath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { AddSalariedGpDto } from './add-salaried-gp.dto.js';

@PracticeWriteController()
export class AddSalariedGpController extends PracticeChangeController {
  @WriteRoute(':ods/salaried-gps', 'Record a salaried GP joining', AddSalariedGpDto)
  record(@Param() path: PracticePath, @Body() body: AddSalariedGpDto, @Write() context: WriteContext) {
    return this.send(
      { type: 'AddSalariedGp', odsCode: path.ods, gmcNumber: body.gmcNumber, name: body.name, effectiveDate: body.effectiveDate },
      context,
    );
  }
}

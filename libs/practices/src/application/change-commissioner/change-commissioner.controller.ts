import { Body, Param } from '@nestjs/common';
import { PracticePath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { ChangeCommissionerDto } from './change-commissioner.dto.js';

@PracticeWriteController()
export class ChangeCommissionerController extends PracticeChangeController {
  @WriteRoute(':ods/commissioner', "Change a practice's commissioner", ChangeCommissionerDto)
  record(@Param() path: PracticePath, @Body() body: ChangeCommissionerDto, @Write() context: WriteContext) {
    return this.send(
      { type: 'ChangeCommissioner', odsCode: path.ods, commissionerCode: body.commissionerCode, effectiveDate: body.effectiveDate },
      context,
    );
  }
}

import { Body, Param } from '@nestjs/common';
import { PracticePath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { ChangeContractDto } from './change-contract.dto.js';

@PracticeWriteController()
export class ChangeContractController extends PracticeChangeController {
  @WriteRoute(':ods/contract', "Change a practice's contract or contract holder", ChangeContractDto)
  record(@Param() path: PracticePath, @Body() body: ChangeContractDto, @Write() context: WriteContext) {
    return this.send(
      {
        type: 'ChangeContract',
        odsCode: path.ods,
        contract: { type: body.type, holder: { kind: body.holder.kind, id: body.holder.id, name: body.holder.name } },
        effectiveDate: body.effectiveDate,
      },
      context,
    );
  }
}

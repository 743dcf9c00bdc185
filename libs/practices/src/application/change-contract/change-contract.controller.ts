import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticePath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { ChangeContractDto } from './change-contract.dto.js';

@PracticeWriteController()
export class ChangeContractController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/contract', "Change a practice's contract or contract holder", ChangeContractDto)
  record(@Param() path: PracticePath, @Body() body: ChangeContractDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange(
        {
          type: 'ChangeContract',
          odsCode: path.ods,
          contract: { type: body.type, holder: { kind: body.holder.kind, id: body.holder.id, name: body.holder.name } },
          effectiveDate: body.effectiveDate,
        },
        context,
      ),
    );
  }
}

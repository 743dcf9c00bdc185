import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticePath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { EndTrustSubcontractDto } from './end-trust-subcontract.dto.js';

@PracticeWriteController()
export class EndTrustSubcontractController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/subcontract/end', 'Record the end of a trust subcontract', EndTrustSubcontractDto)
  record(@Param() path: PracticePath, @Body() body: EndTrustSubcontractDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange({ type: 'EndTrustSubcontract', odsCode: path.ods, effectiveDate: body.effectiveDate }, context),
    );
  }
}

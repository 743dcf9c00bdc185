import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticePath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { SubcontractToTrustDto } from './subcontract-to-trust.dto.js';

@PracticeWriteController()
export class SubcontractToTrustController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/subcontract', "Record the practice's contract being subcontracted to an NHS trust", SubcontractToTrustDto)
  record(@Param() path: PracticePath, @Body() body: SubcontractToTrustDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange(
        { type: 'SubcontractToTrust', odsCode: path.ods, trustCode: body.trustCode, trustName: body.trustName, effectiveDate: body.effectiveDate },
        context,
      ),
    );
  }
}

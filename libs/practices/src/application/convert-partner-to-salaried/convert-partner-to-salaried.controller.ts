import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticeGpPath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { ConvertPartnerToSalariedDto } from './convert-partner-to-salaried.dto.js';

@PracticeWriteController()
export class ConvertPartnerToSalariedController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/partners/:gmc/salaried-conversion', 'Record a partner becoming a salaried GP', ConvertPartnerToSalariedDto)
  record(@Param() path: PracticeGpPath, @Body() body: ConvertPartnerToSalariedDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange(
        {
          type: 'ConvertPartnerToSalaried',
          odsCode: path.ods,
          gmcNumber: path.gmc,
          employer: body.employer ?? 'practice',
          effectiveDate: body.effectiveDate,
        },
        context,
      ),
    );
  }
}

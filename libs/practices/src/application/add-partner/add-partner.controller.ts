import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticePath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { AddPartnerDto } from './add-partner.dto.js';

@PracticeWriteController()
export class AddPartnerController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/partners', 'Record a partner joining', AddPartnerDto)
  record(@Param() path: PracticePath, @Body() body: AddPartnerDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange(
        { type: 'AddPartner', odsCode: path.ods, gmcNumber: body.gmcNumber, name: body.name, effectiveDate: body.effectiveDate },
        context,
      ),
    );
  }
}

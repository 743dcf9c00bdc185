import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticePath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { JoinFederationDto } from './join-federation.dto.js';

@PracticeWriteController()
export class JoinFederationController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/federations', 'Record the practice joining a federation', JoinFederationDto)
  record(@Param() path: PracticePath, @Body() body: JoinFederationDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange(
        {
          type: 'JoinFederation',
          odsCode: path.ods,
          federationId: body.federationId,
          federationName: body.federationName,
          effectiveDate: body.effectiveDate,
        },
        context,
      ),
    );
  }
}

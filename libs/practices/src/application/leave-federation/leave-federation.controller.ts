import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticeFederationPath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { LeaveFederationDto } from './leave-federation.dto.js';

@PracticeWriteController()
export class LeaveFederationController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/federations/:id/leave', 'Record the practice leaving a federation', LeaveFederationDto)
  record(@Param() path: PracticeFederationPath, @Body() body: LeaveFederationDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange({ type: 'LeaveFederation', odsCode: path.ods, federationId: path.id, effectiveDate: body.effectiveDate }, context),
    );
  }
}

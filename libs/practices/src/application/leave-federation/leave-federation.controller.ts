import { Body, Param } from '@nestjs/common';
import { PracticeFederationPath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { LeaveFederationDto } from './leave-federation.dto.js';

@PracticeWriteController()
export class LeaveFederationController extends PracticeChangeController {
  @WriteRoute(':ods/federations/:id/leave', 'Record the practice leaving a federation', LeaveFederationDto)
  record(@Param() path: PracticeFederationPath, @Body() body: LeaveFederationDto, @Write() context: WriteContext) {
    return this.send({ type: 'LeaveFederation', odsCode: path.ods, federationId: path.id, effectiveDate: body.effectiveDate }, context);
  }
}

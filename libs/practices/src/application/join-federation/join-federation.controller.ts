import { Body, Param } from '@nestjs/common';
import { PracticePath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { JoinFederationDto } from './join-federation.dto.js';

@PracticeWriteController()
export class JoinFederationController extends PracticeChangeController {
  @WriteRoute(':ods/federations', 'Record the practice joining a federation', JoinFederationDto)
  record(@Param() path: PracticePath, @Body() body: JoinFederationDto, @Write() context: WriteContext) {
    return this.send(
      {
        type: 'JoinFederation',
        odsCode: path.ods,
        federationId: body.federationId,
        federationName: body.federationName,
        effectiveDate: body.effectiveDate,
      },
      context,
    );
  }
}

import { Module } from '@nestjs/common';
import { NotaryService } from './notary.service.js';

/** The notary without HTTP: what apps/projector runs, and what ProofModule includes. Needs EventStore and PG_POOL. */
@Module({
  providers: [NotaryService],
  exports: [NotaryService],
})
export class NotaryModule {}

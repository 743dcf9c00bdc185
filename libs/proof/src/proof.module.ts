import { Module } from '@nestjs/common';
import { LogController } from './http/log.controller.js';
import { NotaryModule } from './notary/notary.module.js';

/** The proof surface of the API: tree heads, public key and proofs over HTTP, and the notary that signs the heads. */
@Module({
  imports: [NotaryModule],
  controllers: [LogController],
})
export class ProofModule {}

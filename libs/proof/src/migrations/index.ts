import { ProofLog1764900000000 } from './1764900000000-proof-log.js';

/** Oldest first. A migration, once committed, is never edited: change the schema with a new one. */
export const proofMigrations = [ProofLog1764900000000];

import { ProofLog1763858400000 } from './1763858400000-proof-log.js';

/** Oldest first. A migration, once committed, is never edited: change the schema with a new one. */
export const proofMigrations = [ProofLog1763858400000];

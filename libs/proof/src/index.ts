export * from './merkle/index.js';
export { proofMigrations } from './migrations/index.js';
export { ProofModule } from './proof.module.js';
export { NotaryModule } from './notary/notary.module.js';
export { NotaryService } from './notary/notary.service.js';
export { Notary, type NotaryOptions, type NotaryStep } from './notary/notary.js';
export { leafData, eventLeafHash } from './log-store/leaf-data.js';
export { readNotaryCheckpoint, type NotaryCheckpoint } from './log-store/notary-checkpoint.js';
export { latestTreeHead, treeHeadsAfter, type SignedTreeHead, type TreeHeadContent } from './log-store/tree-heads.js';
export {
  loadOrCreateSigningKey,
  signingKeyPath,
  readPublicKeyFile,
  keyIdOf,
  describePublicKey,
  type LogSigningKey,
} from './signing/log-signing-key.js';
export { signedBytes, treeHeadSignatureValid } from './signing/tree-head-signature.js';
export { verifyLog, type VerifyLogOptions, type VerifyLogReport } from './verify/verify-log.js';
export type { LogProblem, LogProblemKind } from './verify/log-problem.js';
export { publishPublicKey } from './log-store/signing-keys.js';

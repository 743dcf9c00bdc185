import type { KeyObject } from 'node:crypto';
import type { SignedTreeHead } from '../log-store/tree-heads.js';
import { keyIdOf } from '../signing/log-signing-key.js';
import { treeHeadSignatureValid } from '../signing/tree-head-signature.js';
import type { LogProblem } from './log-problem.js';

/**
 * Each head's signature against keys the auditor supplies (never one read from the database), and the order of the
 * heads: growing trees whose recordedThrough never goes back.
 */
export function checkHeads(heads: readonly SignedTreeHead[], publicKeys: readonly KeyObject[]): LogProblem[] {
  const keys = new Map(publicKeys.map((key) => [keyIdOf(key), key]));
  const problems: LogProblem[] = [];
  const problem = (head: SignedTreeHead, kind: LogProblem['kind'], message: string) =>
    problems.push({ kind, eventId: null, leafIndex: null, treeSize: head.treeSize, message });
  heads.forEach((head, i) => {
    const key = keys.get(head.keyId);
    if (!key) problem(head, 'signature', `head of ${head.treeSize} is signed by key ${head.keyId}, which is not a key given to verify with`);
    else if (!treeHeadSignatureValid(head, key))
      problem(head, 'signature', `head of ${head.treeSize}: the signature does not verify (the head was altered or forged)`);
    const previous = heads[i - 1];
    if (previous && Date.parse(head.recordedThrough) < Date.parse(previous.recordedThrough)) {
      problem(head, 'heads', `head of ${head.treeSize} claims recordedThrough ${head.recordedThrough}, earlier than the head before it`);
    }
  });
  return problems;
}

import { sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { SignedTreeHead, TreeHeadContent } from '../log-store/tree-heads.js';

/** The bytes a head's signature covers: RFC 8785 canonical JSON of its four signed fields, and nothing else. */
export function signedBytes(head: TreeHeadContent): Buffer {
  const { recordedThrough, rootHash, timestamp, treeSize } = head;
  return Buffer.from(canonicalize({ recordedThrough, rootHash, timestamp, treeSize })!, 'utf8');
}

export function signTreeHead(content: TreeHeadContent, key: { keyId: string; privateKey: KeyObject }): SignedTreeHead {
  const { recordedThrough, rootHash, timestamp, treeSize } = content;
  const signature = sign(null, signedBytes(content), key.privateKey).toString('base64');
  return { treeSize, rootHash, timestamp, recordedThrough, keyId: key.keyId, signature };
}

export function treeHeadSignatureValid(head: SignedTreeHead, publicKey: KeyObject): boolean {
  return verify(null, signedBytes(head), publicKey, Buffer.from(head.signature, 'base64'));
}

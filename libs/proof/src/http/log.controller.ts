import { BadRequestException, Controller, Get, Inject, NotFoundException, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import { PublicRoute, RequiresRole } from '#access';
import { PG_POOL } from '#platform';
import { findPublicKey } from '../log-store/signing-keys.js';
import { storedConsistencyPath, storedInclusionPath } from '../log-store/stored-proofs.js';
import { latestTreeHead, treeHeadOfSize, treeHeadsAfter, type SignedTreeHead } from '../log-store/tree-heads.js';
import { leafIndexOf } from '../log-store/tree-rows.js';
import { NotaryService } from '../notary/notary.service.js';
import { ConsistencyProofQuery, InclusionProofQuery, PublicKeyQuery, TreeHeadsQuery } from './log-queries.js';

const base64 = (hashes: readonly Buffer[]) => hashes.map((hash) => hash.toString('base64'));

/**
 * SPEC §8: signed tree heads and the proofs that tie events and earlier heads to them. Everything here is computed
 * from the stored tree in O(log n) hashes; nothing is trusted by a client that checks the answers with the public key.
 */
@ApiTags('log')
@Controller('log')
export class LogController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly notary: NotaryService,
  ) {}

  @Get('tree-head')
  @RequiresRole('reader')
  @ApiOperation({ summary: 'The latest signed tree head' })
  @ApiOkResponse({ description: '{treeSize, rootHash, timestamp, recordedThrough, keyId, signature}' })
  @ApiResponse({ status: 404, description: 'no head signed yet (problem+json)' })
  async treeHead(): Promise<SignedTreeHead> {
    const head = await latestTreeHead(this.pool);
    if (!head) throw noHeadYet();
    return head;
  }

  @Get('tree-heads')
  @RequiresRole('reader')
  @ApiOperation({ summary: 'Signed tree heads after a tree size, oldest first' })
  @ApiOkResponse({ description: '{treeHeads[], hasMore}' })
  async treeHeads(@Query() query: TreeHeadsQuery): Promise<{ treeHeads: SignedTreeHead[]; hasMore: boolean }> {
    const limit = query.limit ?? 100;
    const heads = await treeHeadsAfter(this.pool, query.after ?? 0, limit + 1);
    return { treeHeads: heads.slice(0, limit), hasMore: heads.length > limit };
  }

  @Get('public-key')
  @PublicRoute()
  @ApiOperation({ summary: 'The Ed25519 public key that signs tree heads (by keyId for earlier heads)' })
  @ApiOkResponse({ description: '{keyId, algorithm: "Ed25519", publicKeyPem}' })
  @ApiResponse({ status: 404, description: 'no such key (problem+json)' })
  async publicKey(@Query() query: PublicKeyQuery) {
    const keyId = query.keyId ?? (await latestTreeHead(this.pool))?.keyId ?? this.notary.key?.keyId;
    const key = keyId === undefined ? null : await findPublicKey(this.pool, keyId);
    if (key) return key;
    const own = this.notary.key;
    if (own && own.keyId === keyId) return { keyId: own.keyId, algorithm: 'Ed25519', publicKeyPem: own.publicKeyPem };
    throw new NotFoundException({
      title: 'Unknown signing key',
      detail: keyId === undefined ? 'no tree head has been signed yet' : `no key ${keyId} has signed for this log`,
      code: 'UNKNOWN_KEY',
      errors: [],
    });
  }

  @Get('proofs/inclusion')
  @RequiresRole('reader')
  @ApiOperation({ summary: "An event's audit path to the root of a signed tree head (RFC 9162 §2.1.3)" })
  @ApiOkResponse({ description: '{eventId, leafIndex, treeSize, auditPath: [base64]}' })
  @ApiResponse({ status: 400, description: 'treeSize is not that of a published head (problem+json)' })
  @ApiResponse({ status: 404, description: 'the event is not in that tree (problem+json)' })
  async inclusion(@Query() query: InclusionProofQuery) {
    const head = query.treeSize === undefined ? await latestTreeHead(this.pool) : await treeHeadOfSize(this.pool, query.treeSize);
    if (!head) throw query.treeSize === undefined ? noHeadYet() : notAHeadSize('treeSize', query.treeSize);
    const leafIndex = await leafIndexOf(this.pool, query.eventId);
    if (leafIndex === null || leafIndex >= head.treeSize) {
      throw new NotFoundException({
        title: 'Event not in this tree',
        detail: `event ${query.eventId} is not among the ${head.treeSize} leaves of the signed tree of that size`,
        code: 'NOT_IN_TREE',
        errors: [{ field: 'eventId', message: 'not in a signed tree of this size yet' }],
      });
    }
    const auditPath = await storedInclusionPath(this.pool, leafIndex, head.treeSize);
    return { eventId: query.eventId, leafIndex, treeSize: head.treeSize, auditPath: base64(auditPath) };
  }

  @Get('proofs/consistency')
  @RequiresRole('reader')
  @ApiOperation({ summary: 'Proof that an earlier signed tree is a prefix of a later one (RFC 9162 §2.1.4)' })
  @ApiOkResponse({ description: '{from, to, path: [base64]}' })
  @ApiResponse({ status: 400, description: 'from or to is not the size of a published head, or from > to (problem+json)' })
  async consistency(@Query() query: ConsistencyProofQuery) {
    if (query.from > query.to) {
      throw new BadRequestException({
        title: 'Invalid request',
        detail: 'from must not be larger than to',
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'from', message: 'must not be larger than to' }],
      });
    }
    for (const field of ['from', 'to'] as const) {
      if (!(await treeHeadOfSize(this.pool, query[field]))) throw notAHeadSize(field, query[field]);
    }
    const path = await storedConsistencyPath(this.pool, query.from, query.to);
    return { from: query.from, to: query.to, path: base64(path) };
  }
}

function noHeadYet(): NotFoundException {
  return new NotFoundException({ title: 'No tree head yet', detail: 'the log has no signed tree head yet', code: 'NO_TREE_HEAD', errors: [] });
}

function notAHeadSize(field: string, size: number): BadRequestException {
  return new BadRequestException({
    title: 'Not a published tree size',
    detail: `${field} ${size} is not the size of a published tree head (see GET /log/tree-heads)`,
    code: 'UNKNOWN_TREE_SIZE',
    errors: [{ field, message: 'not the size of a published tree head' }],
  });
}

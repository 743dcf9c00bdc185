import { createHash, createPublicKey, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { eventually } from '../../../test/support/eventually.js';
import { verifyConsistency, verifyInclusion } from '../src/merkle/index.js';

/** Written here from SPEC §8 alone, as an auditor would, sharing nothing with the service's code. */
const sha256 = (...parts: Buffer[]) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();
const leafOf = (event: object) => sha256(Buffer.from([0]), Buffer.from(canonicalize(event)!, 'utf8'));
function mth(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0];
  const k = 2 ** Math.ceil(Math.log2(leaves.length) - 1);
  return sha256(Buffer.from([1]), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
const b64 = (text: string) => Buffer.from(text, 'base64');

describe('signed tree heads and proofs over HTTP (notary running in the app)', () => {
  let t: TestApp;
  const contract = (id: string) => ({ type: 'GMS', holder: { kind: 'partnership', id, name: `Holder ${id}` } });

  const write = (path: string, body: object) => t.http().post(path).send(body).expect(201);
  const feed = async () => {
    const events: Record<string, unknown>[] = [];
    let after: string | undefined;
    for (;;) {
      const { body } = await t
        .http()
        .get('/feed')
        .query({ limit: 7, ...(after ? { after } : {}) })
        .expect(200);
      events.push(...body.events);
      after = body.nextCursor;
      if (!body.hasMore) return events;
    }
  };
  const headOfAtLeast = (size: number) =>
    eventually(
      () =>
        t
          .http()
          .get('/log/tree-head')
          .then((response) => response.body),
      (head) => head.treeSize >= size,
      60_000,
    );

  beforeAll(async () => {
    t = await startTestApp();
    await write('/practices', {
      odsCode: 'M92011',
      name: 'Church Street',
      openedOn: '2010-04-01',
      commissionerCode: '5E1',
      contract: contract('church-street'),
    });
    await write('/practices', {
      odsCode: 'M92012',
      name: 'Mill Lane',
      openedOn: '2012-01-01',
      commissionerCode: '5E1',
      contract: contract('mill-lane'),
    });
    await write('/practices/M92011/partners', { gmcNumber: '4012345', name: 'Dr A', effectiveDate: '2010-04-01' });
    await headOfAtLeast(3);
    await write('/practices/M92012/partners', { gmcNumber: '4012346', name: 'Dr B', effectiveDate: '2012-01-01' });
    await write('/practices/M92011/list-size', { registeredPatients: 25_000, effectiveDate: '2016-01-01' });
    await write('/practices/M92012/subcontract', { trustCode: 'RL4', trustName: 'Royal Wolverhampton', effectiveDate: '2016-04-01' });
    await write('/practices/M92012/close', { reason: 'retirement', effectiveDate: '2020-01-01' });
    await headOfAtLeast(7);
    // The embedded database runs one statement at a time for the app, its projector and its notary: slow on a busy machine.
  }, 150_000);
  afterAll(async () => {
    await t?.close();
  });

  it('signs a head whose root is the tree of /feed recomputed here, with a signature the public key verifies', async () => {
    const events = await feed();
    const { body: head } = await t.http().get('/log/tree-head').expect(200);
    expect(head.treeSize).toBe(events.length);
    expect(head.rootHash).toBe(mth(events.map(leafOf)).toString('base64'));
    expect(Date.parse(head.recordedThrough)).toBeGreaterThanOrEqual(Math.max(...events.map((e) => Date.parse(String(e.recordedAt)))));

    const { body: key } = await t.http().get('/log/public-key').expect(200);
    expect(key).toMatchObject({ keyId: head.keyId, algorithm: 'Ed25519' });
    const publicKey = createPublicKey(key.publicKeyPem);
    expect(
      createHash('sha256')
        .update(publicKey.export({ type: 'spki', format: 'der' }))
        .digest('base64url'),
    ).toBe(key.keyId);
    const { recordedThrough, rootHash, timestamp, treeSize } = head;
    const signed = Buffer.from(canonicalize({ recordedThrough, rootHash, timestamp, treeSize })!, 'utf8');
    expect(verify(null, signed, publicKey, b64(head.signature))).toBe(true);
    expect(verify(null, Buffer.from(signed.toString().replace(/"treeSize":\d+/, '"treeSize":1')), publicKey, b64(head.signature))).toBe(false);
  });

  it('lists the heads oldest first, each consistent with the next by the served proof', async () => {
    const { body } = await t.http().get('/log/tree-heads').query({ after: 0, limit: 1000 }).expect(200);
    const heads = body.treeHeads;
    expect(heads.length).toBeGreaterThanOrEqual(2);
    expect(heads.map((h: { treeSize: number }) => h.treeSize)).toEqual([...heads.map((h: { treeSize: number }) => h.treeSize)].sort((a, b) => a - b));
    for (let i = 1; i < heads.length; i++) {
      const [from, to] = [heads[i - 1], heads[i]];
      const { body: proof } = await t.http().get('/log/proofs/consistency').query({ from: from.treeSize, to: to.treeSize }).expect(200);
      expect(verifyConsistency(from.treeSize, to.treeSize, b64(from.rootHash), b64(to.rootHash), proof.path.map(b64))).toBe(true);
    }
    const { body: later } = await t.http().get('/log/tree-heads').query({ after: heads[0].treeSize, limit: 1 }).expect(200);
    expect(later.treeHeads).toEqual([heads[1]]);
  });

  it('proves every event included in the latest head and in an earlier one', async () => {
    const events = await feed();
    const { body: head } = await t.http().get('/log/tree-head').expect(200);
    const { body: first } = await t.http().get('/log/tree-heads').query({ limit: 1 }).expect(200);
    for (const [index, event] of events.entries()) {
      const { body: proof } = await t.http().get('/log/proofs/inclusion').query({ eventId: event.eventId, treeSize: head.treeSize }).expect(200);
      expect(proof).toMatchObject({ eventId: event.eventId, leafIndex: index, treeSize: head.treeSize });
      expect(verifyInclusion(index, head.treeSize, leafOf(event), proof.auditPath.map(b64), b64(head.rootHash))).toBe(true);
    }
    const earlier = first.treeHeads[0];
    const { body: early } = await t.http().get('/log/proofs/inclusion').query({ eventId: events[0].eventId, treeSize: earlier.treeSize }).expect(200);
    expect(verifyInclusion(0, earlier.treeSize, leafOf(events[0]), early.auditPath.map(b64), b64(earlier.rootHash))).toBe(true);
    // An event after that head is not in its tree yet.
    const outside = await t
      .http()
      .get('/log/proofs/inclusion')
      .query({ eventId: events.at(-1)!.eventId, treeSize: earlier.treeSize })
      .expect(404);
    expect(outside.body).toMatchObject({ status: 404, code: 'NOT_IN_TREE' });
  });

  it('refuses sizes that are not those of published heads (400) and unknown events (404), as problem+json', async () => {
    const { body: head } = await t.http().get('/log/tree-head').expect(200);
    const { body: first } = await t.http().get('/log/tree-heads').query({ limit: 1 }).expect(200);
    const notHead = await t
      .http()
      .get('/log/proofs/consistency')
      .query({ from: first.treeHeads[0].treeSize, to: head.treeSize + 1 })
      .expect(400);
    expect(notHead.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(notHead.body).toMatchObject({ code: 'UNKNOWN_TREE_SIZE', errors: [{ field: 'to' }] });
    await t.http().get('/log/proofs/consistency').query({ from: head.treeSize, to: 1 }).expect(400);
    await t.http().get('/log/proofs/consistency').query({ from: 'x', to: 2 }).expect(400);
    const badSize = await t
      .http()
      .get('/log/proofs/inclusion')
      .query({ eventId: '3b241101-e2bb-4255-8caf-4136c566a962', treeSize: head.treeSize + 5 })
      .expect(400);
    expect(badSize.body).toMatchObject({ code: 'UNKNOWN_TREE_SIZE', errors: [{ field: 'treeSize' }] });
    const unknown = await t
      .http()
      .get('/log/proofs/inclusion')
      .query({ eventId: '3b241101-e2bb-4255-8caf-4136c566a962', treeSize: head.treeSize })
      .expect(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_IN_TREE' });
    const badId = await t.http().get('/log/proofs/inclusion').query({ eventId: 'nope' }).expect(400);
    expect(badId.body.errors[0].field).toBe('eventId');
    await t
      .http()
      .get('/log/public-key')
      .query({ keyId: 'A'.repeat(43) })
      .expect(404);
  });
});

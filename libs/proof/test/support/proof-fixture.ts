import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '#event-store';
import { openRuntime, type Runtime } from '#runtime';
import { createServerDatabase, type ServerDatabase } from '../../../../test/support/server-database.js';
import { eventually } from '../../../../test/support/eventually.js';
import { Notary } from '../../src/notary/notary.js';
import { publishPublicKey } from '../../src/log-store/signing-keys.js';
import { loadOrCreateSigningKey, type LogSigningKey } from '../../src/signing/log-signing-key.js';

export interface ProofFixture {
  readonly server: ServerDatabase;
  readonly runtime: Runtime;
  readonly key: LogSigningKey;
  readonly notary: Notary;
  /** Appends `practices` new practices of `eventsEach` events (opened, then list sizes), one append per practice. */
  appendPractices(practices: number, eventsEach: number): Promise<number>;
  /** Steps the notary until it has signed a head covering every event appended so far. */
  signAll(): Promise<void>;
  readonly appended: number;
  close(): Promise<void>;
}

const event = (type: string, data: object, effectiveDate: string): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  effectiveDate,
  metadata: { recordedBy: 'test', correlationId: randomUUID(), causationId: null },
});

/** A fresh database on the PostgreSQL server, a signing key in a temp folder, and a notary stepped by the test. */
export async function openProofFixture(options: { batchSize?: number } = {}): Promise<ProofFixture> {
  const server = await createServerDatabase();
  const runtime = await openRuntime({ settings: { url: server.url, dataDir: 'memory' } });
  const key = loadOrCreateSigningKey(join(mkdtempSync(join(tmpdir(), 'proof-key-')), 'log-signing.key'));
  const notary = new Notary(runtime.eventStore, runtime.database.pool, key, { batchSize: options.batchSize ?? 50, headIntervalMs: 0 });
  let appended = 0;
  let practiceNumber = 10_000;
  return {
    server,
    runtime,
    key,
    notary,
    get appended() {
      return appended;
    },
    async appendPractices(practices, eventsEach) {
      for (let p = 0; p < practices; p++) {
        const odsCode = `P${String(practiceNumber++)}`;
        const events = [event('PracticeOpened', { odsCode, name: `Practice ${odsCode}` }, '2010-01-01')];
        for (let i = 1; i < eventsEach; i++)
          events.push(event('ListSizeRecorded', { registeredPatients: 1000 + i }, `2011-01-${String(i).padStart(2, '0')}`));
        await runtime.eventStore.append([{ streamId: `practice-${odsCode}`, expectedVersion: 0, events }]);
        appended += events.length;
      }
      return appended;
    },
    async signAll() {
      await publishPublicKey(runtime.database.pool, { keyId: key.keyId, algorithm: 'Ed25519', publicKeyPem: key.publicKeyPem });
      // Other test files' transactions on the shared server can hold appends out of the readable log for a moment.
      const signedAll = (step: Awaited<ReturnType<Notary['step']>>) =>
        step.signed?.treeSize === appended || (!step.hasMore && !step.headPending && step.treeSize === appended);
      const last = await eventually(() => notary.step(), signedAll, 90_000);
      if (!signedAll(last)) throw new Error(`the notary did not sign the ${appended} events appended within 90 s (tree at ${last.treeSize})`);
    },
    async close() {
      await runtime.close();
      await server.drop();
    },
  };
}

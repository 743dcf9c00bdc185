import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { EventStore } from '#event-store';
import { BULK_LOADS, PG_POOL, sleepUnlessAborted } from '#platform';
import { publishPublicKey } from '../log-store/signing-keys.js';
import { loadOrCreateSigningKey, signingKeyPath, type LogSigningKey } from '../signing/log-signing-key.js';
import { Notary, type NotaryStep } from './notary.js';

const IDLE_WAIT_MS = 1_000;
const HEAD_INTERVAL_MS = 1_000;
/**
 * Caught up, the notary looks again after this long rather than at every append: a head is due within 10 s, so it
 * need not follow each write the way the projector must, and under a write load each of its steps then takes many
 * events at once instead of costing a read and a transaction per append.
 */
const FOLLOW_INTERVAL_MS = 500;
const MAX_BACKOFF_MS = 30_000;

/**
 * Runs the notary for the life of the application, wherever the projector runs: in the API unless PROJECTOR=off, and
 * in apps/projector (which calls start()). Errors are logged and retried with backoff; the checkpoint makes that safe.
 */
@Injectable()
export class NotaryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notary');
  private abort: AbortController | null = null;
  private running: Promise<void> | null = null;
  private signingKey: LogSigningKey | null = null;

  constructor(
    private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.PROJECTOR?.trim().toLowerCase() === 'off') {
      this.logger.log('PROJECTOR=off: tree heads are signed by the projector process');
      return;
    }
    this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** The key this process signs with, once started. */
  get key(): LogSigningKey | null {
    return this.signingKey;
  }

  start(): void {
    if (this.running) return;
    const key = loadOrCreateSigningKey(signingKeyPath());
    this.signingKey = key;
    // The path and the key's id, never the key.
    this.logger.log(`${key.created ? 'created' : 'signing with'} log signing key ${key.path} (keyId ${key.keyId})`);
    const abort = new AbortController();
    this.abort = abort;
    const notary = new Notary(this.store, this.pool, key, { headIntervalMs: HEAD_INTERVAL_MS });
    this.running = this.loop(notary, key, abort.signal).finally(() => {
      this.running = null;
    });
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.running;
  }

  private async loop(notary: Notary, key: LogSigningKey, signal: AbortSignal): Promise<void> {
    let backoff = 500;
    let published = false;
    while (!signal.aborted) {
      try {
        if (!published) {
          await publishPublicKey(this.pool, { keyId: key.keyId, algorithm: 'Ed25519', publicKeyPem: key.publicKeyPem });
          published = true;
        }
        await BULK_LOADS.idle(signal);
        if (signal.aborted) break;
        const step = await notary.step();
        backoff = 500;
        await this.pause(step, signal);
      } catch (error) {
        if (signal.aborted) break;
        this.logger.error(`notary step failed; retrying in ${backoff} ms: ${error instanceof Error ? error.stack : String(error)}`);
        await sleepUnlessAborted(backoff, signal);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private async pause(step: NotaryStep, signal: AbortSignal): Promise<void> {
    if (step.hasMore || step.conflict) return;
    if (step.leaves > 0 || step.headPending) {
      // A head waiting for its interval is signed by the next step, events or not.
      await sleepUnlessAborted(FOLLOW_INTERVAL_MS, signal);
      return;
    }
    await this.store.waitForAppend(IDLE_WAIT_MS, signal);
    await sleepUnlessAborted(FOLLOW_INTERVAL_MS, signal);
  }
}

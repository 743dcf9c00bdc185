import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { NotificationSignal } from '#event-store';
import { sharesOneSession } from '#platform';
import type { Principal } from '../principal.js';
import { isKeyUsable, type ApiKey } from './api-key.js';
import { apiKeyHash } from './api-key-secret.js';
import { API_KEYS_CHANGED_CHANNEL, ApiKeyRegistry } from './api-key-registry.js';

/** Revocation reaches every instance within this, even if a notification is lost (SPEC §7 asks for 5 s). */
const RELOAD_EVERY_MS = 4_000;
/** An unknown key reloads the table at most this often: a key created a moment ago works at once, garbage costs little. */
const MISS_RELOAD_MIN_MS = 1_000;

/**
 * The key table in memory, so checking a key costs a hash and a map lookup, not a database round trip. Reloaded when
 * any instance announces a change (LISTEN/NOTIFY on a server; on the embedded database every change is made here), and
 * every few seconds regardless.
 */
export class ApiKeyCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ApiKeyCache.name);
  private byHash = new Map<string, ApiKey>();
  private byId = new Map<string, ApiKey>();
  private lastMissReload = 0;
  private reloading: Promise<void> | null = null;
  private readonly signal: NotificationSignal;
  private readonly stopped = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(
    private readonly registry: ApiKeyRegistry,
    pool: pg.Pool,
  ) {
    this.signal = new NotificationSignal(pool, API_KEYS_CHANGED_CHANNEL, async () => !sharesOneSession(pool));
  }

  async start(): Promise<void> {
    await this.reload();
    this.loop ??= this.follow();
  }

  /** In the API: loaded before the first request, followed until shutdown. */
  onModuleInit(): Promise<void> {
    return this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    await this.signal.close();
    await this.loop;
  }

  /** The principal a key stands for, or null for a key that is unknown, revoked or expired. */
  async principalFor(secret: string, now = new Date()): Promise<Principal | null> {
    const key = await this.usableKey(secret, now);
    return key && principalOf(key, 'api-key');
  }

  /** The key a secret belongs to if it may be used now (sign-in needs its id for the session cookie). */
  async usableKey(secret: string, now = new Date()): Promise<ApiKey | null> {
    const hash = apiKeyHash(secret).toString('hex');
    const key = this.byHash.get(hash) ?? (await this.afterMissReload(() => this.byHash.get(hash)));
    return key && isKeyUsable(key, now) ? key : null;
  }

  /** The principal of a session signed in with key `id`: null once that key is revoked or expired. */
  async principalForKeyId(id: string, now = new Date()): Promise<Principal | null> {
    const key = this.byId.get(id) ?? (await this.afterMissReload(() => this.byId.get(id)));
    return key && isKeyUsable(key, now) ? principalOf(key, 'session') : null;
  }

  /** A key not in memory may have been made a moment ago elsewhere: reload, at most once a second. */
  private async afterMissReload(lookUp: () => ApiKey | undefined): Promise<ApiKey | undefined> {
    if (Date.now() - this.lastMissReload < MISS_RELOAD_MIN_MS) return undefined;
    this.lastMissReload = Date.now();
    // Should the database be away, the key is judged on what is already known.
    await this.reload().catch(() => undefined);
    return lookUp();
  }

  /** Reloads the table (concurrent callers share one load). */
  reload(): Promise<void> {
    this.reloading ??= this.registry
      .hashes()
      .then((rows) => {
        this.byHash = new Map(rows.map((row) => [row.hash, row.key]));
        this.byId = new Map(rows.map((row) => [row.key.id, row.key]));
      })
      .finally(() => {
        this.reloading = null;
      });
    return this.reloading;
  }

  private async follow(): Promise<void> {
    while (!this.stopped.signal.aborted) {
      await this.signal.wait(RELOAD_EVERY_MS, this.stopped.signal);
      if (this.stopped.signal.aborted) return;
      // A failed reload keeps the keys already known; the next round tries again.
      await this.reload().catch((error: Error) => this.logger.warn(`could not reload API keys: ${error.message}`));
    }
  }
}

const principalOf = (key: ApiKey, via: Principal['via']): Principal => ({ name: key.name, role: key.role, commissioners: key.commissioners, via });

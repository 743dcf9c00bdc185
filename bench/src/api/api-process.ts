import { createServer } from 'node:net';
import { ChildService, deployableEnv } from './child-service.js';
import { deployedNodeFlags } from './deployed-node-flags.js';
import { KeepAliveClient } from './http-client.js';

export interface ApiProcessOptions {
  /** DATABASE_URL for the child; null runs it on the embedded database in `dataDir`. */
  readonly databaseUrl: string | null;
  readonly dataDir?: string;
  readonly logFile: string;
  readonly logLevel: string;
  readonly startTimeoutMs: number;
  readonly profileDir?: string | null;
  /** False runs the API with PROJECTOR=off (a projector process of its own must then run beside it). */
  readonly projectorInProcess?: boolean;
}

/** The real API deployable (dist/apps/api/src/main.js) in a child process, listening on a free port. */
export class ApiProcess {
  private constructor(
    readonly service: ChildService,
    readonly baseUrl: URL,
  ) {}

  static async start(options: ApiProcessOptions): Promise<ApiProcess> {
    const port = await freePort();
    const env = deployableEnv(options.databaseUrl, options.dataDir, {
      PORT: String(port),
      LOG_LEVEL: options.logLevel,
      PROJECTOR: options.projectorInProcess === false ? 'off' : 'on',
    });
    const script = 'dist/apps/api/src/main.js';
    const nodeFlags = deployedNodeFlags('start', script);
    const service = ChildService.spawn({ script, nodeFlags, env, logFile: options.logFile, profileDir: options.profileDir });
    const api = new ApiProcess(service, new URL(`http://127.0.0.1:${port}`));
    try {
      await api.waitUntilListening(options.startTimeoutMs, options.logFile);
    } catch (error) {
      await service.stop();
      throw error;
    }
    return api;
  }

  peakRssMb(): Promise<number | null> {
    return this.service.peakRssMb();
  }

  rssMb(): Promise<number | null> {
    return this.service.rssMb();
  }

  get unexpectedExit(): Promise<string | null> {
    return this.service.unexpectedExit;
  }

  stop(): Promise<void> {
    return this.service.stop();
  }

  private async waitUntilListening(timeoutMs: number, logFile: string): Promise<void> {
    const client = new KeepAliveClient(this.baseUrl);
    const deadline = Date.now() + timeoutMs;
    let ended: string | undefined;
    void this.service.ended.then((how) => (ended = how));
    try {
      while (Date.now() < deadline) {
        if (ended !== undefined) throw new Error(`the API ${ended} while starting; see ${logFile}`);
        const response = await client.get('/health').catch(() => null);
        // 503 is a live API whose projections are still catching up: listening is what is waited for here.
        if (response?.status === 200 || response?.status === 503) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`the API did not become healthy within ${timeoutMs / 1000} s; see ${logFile}`);
    } finally {
      client.close();
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

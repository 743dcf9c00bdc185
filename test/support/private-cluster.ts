import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = `/usr/lib/postgresql/${execFileSync('ls', ['/usr/lib/postgresql']).toString().trim().split('\n').sort().pop()}/bin`;

/** Runs a PostgreSQL binary as the postgres OS user (the server refuses to run as root). */
function asPostgres(binary: string, args: string[]): string {
  return execFileSync('/usr/sbin/runuser', ['-u', 'postgres', '--', join(BIN, binary), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface PrivateCluster {
  readonly url: string;
  /** A crash: the server stops at once, without a checkpoint (pg_ctl -m immediate). */
  crash(): void;
  /** Starts it again (crash recovery replays the WAL); waits until it accepts connections. */
  start(): void;
  destroy(): void;
}

/**
 * A PostgreSQL cluster of the test's own, on a free loopback port, that the test may crash: never the shared server.
 * Trust authentication on loopback (replication connections included); the socket in its own folder.
 */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const { root, data } = clusterFolder();
  asPostgres('initdb', ['--auth=trust', '--username=postgres', '--no-sync', '-D', data]);
  return started(root, data, await freePort());
}

/**
 * A hot standby streaming from `primary` (a private cluster): its base backup taken with pg_basebackup -R into a folder
 * of its own, so it starts replaying the primary's WAL as it is written.
 */
export async function startStreamingReplica(primary: PrivateCluster): Promise<PrivateCluster> {
  const { root, data } = clusterFolder();
  asPostgres('pg_basebackup', ['-h', '127.0.0.1', '-p', new URL(primary.url).port, '-U', 'postgres', '-D', data, '-R', '-X', 'stream']);
  return started(root, data, await freePort());
}

function clusterFolder(): { root: string; data: string } {
  const root = mkdtempSync(join(tmpdir(), 'gp-register-cluster-'));
  chmodSync(root, 0o777);
  return { root, data: join(root, 'data') };
}

function started(root: string, data: string, port: number): PrivateCluster {
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=100`;
  const cluster: PrivateCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    crash: () => void asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']),
    start: () => void asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(root, 'server.log'), '-w', 'start']),
    destroy() {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

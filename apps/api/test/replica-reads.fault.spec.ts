import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PRACTICE_VERSIONS_TABLE, readCheckpoint, verifyProjections, type ReplicaLag } from '#landscape';
import { REQUEST_TIMEOUTS, type DatabaseSettings } from '#platform';
import { openRuntime, type Runtime } from '#runtime';
import { eventually } from '../../../test/support/eventually.js';
import { startPrivateCluster, startStreamingReplica, type PrivateCluster } from '../../../test/support/private-cluster.js';
import { startProjectorProcess, type ProjectorProcess } from '../../../test/support/projector-process.js';
import { initTestApp, testClients } from '../../../test/support/test-app.js';
import { byStatus, startWriters } from './support/fault-load.js';

/**
 * SPEC §11 as docker/compose.yaml deploys it, on private clusters: a primary, a hot standby streaming from it, two API
 * instances that leave projecting to two projector processes, and the second API serving its reads from the standby.
 */
const WRITERS = ['R10001', 'R10002', 'R10003', 'R10004', 'R10005', 'R10006'];
const READ_BACKS = 20;

interface Instance {
  readonly runtime: Runtime;
  readonly app: NestFastifyApplication;
  readonly http: Awaited<ReturnType<typeof testClients>>['http'];
}

async function startInstance(settings: DatabaseSettings): Promise<Instance> {
  const runtime = await openRuntime({ settings, timeouts: REQUEST_TIMEOUTS });
  const app = await initTestApp(runtime);
  return { runtime, app, http: (await testClients(app, runtime)).http };
}

/** The projector container's healthcheck (docker/compose.yaml) as its own process: its exit code. */
const projectorHealthcheck = (databaseUrl: string) =>
  spawnSync(
    process.execPath,
    [
      '--import',
      fileURLToPath(new URL('../../../test/support/ts-register.mjs', import.meta.url)),
      fileURLToPath(new URL('../../projector/src/healthcheck.ts', import.meta.url)),
    ],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: '' },
      timeout: 30_000,
    },
  ).status;

const percentile = (values: readonly number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

describe('reads from a streaming replica behind a second API, beside two projector processes (fault)', () => {
  const keysDir = mkdtempSync(join(tmpdir(), 'gp-register-projectors-'));
  const projectorSetting = process.env.PROJECTOR;
  let primary: PrivateCluster;
  let replica: PrivateCluster;
  let onPrimary: Instance;
  let onReplica: Instance;
  let projectors: ProjectorProcess[] = [];
  let startingProjectors: Promise<ProjectorProcess>[] = [];

  beforeAll(async () => {
    primary = await startPrivateCluster();
    // Both APIs leave projecting to the projector processes, as in docker/compose.yaml.
    process.env.PROJECTOR = 'off';
    onPrimary = await startInstance({ url: primary.url, dataDir: 'memory' }); // migrates the primary
    // The projectors start (a few seconds each) while the replica is made; afterAll stops them whatever fails meanwhile.
    startingProjectors = [startProjectorProcess(primary.url, keysDir), startProjectorProcess(primary.url, keysDir)];
    startingProjectors.forEach((starting) => starting.catch(() => undefined));
    replica = await startStreamingReplica(primary);
    onReplica = await startInstance({ url: primary.url, readUrl: replica.url, dataDir: 'memory' });
    projectors = await Promise.all(startingProjectors);
  }, 180_000);

  afterAll(async () => {
    const started = await Promise.allSettled(startingProjectors);
    await Promise.all(started.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.stop() : undefined)));
    for (const instance of [onReplica, onPrimary]) {
      await instance?.app.close();
      await instance?.runtime.close().catch(() => undefined);
    }
    replica?.destroy();
    primary?.destroy();
    rmSync(keysDir, { recursive: true, force: true });
    if (projectorSetting === undefined) delete process.env.PROJECTOR;
    else process.env.PROJECTOR = projectorSetting;
  });

  it('reads a write made on one instance back from the replica on the other, with minPosition', async () => {
    const waits: number[] = [];
    let staleWithout = 0;
    let position = '';
    for (let i = 0; i < READ_BACKS; i++) {
      const odsCode = i < WRITERS.length ? WRITERS[i] : `R${20_001 + i}`;
      const written = await onPrimary
        .http()
        .post('/practices')
        .send({ odsCode, name: `Replica ${odsCode}`, openedOn: '2004-04-01' })
        .expect(201);
      position = written.body.position;
      if ((await onReplica.http().get(`/practices/${odsCode}`)).status === 404) staleWithout++;
      const started = Date.now();
      const read = await onReplica.http().get(`/practices/${odsCode}`).query({ minPosition: position });
      waits.push(Date.now() - started);
      expect([read.status, read.body.name]).toEqual([200, `Replica ${odsCode}`]);
    }
    const summary = await onReplica.http().get('/landscape/summary').query({ minPosition: position }).expect(200);
    const health = await onReplica.http().get('/health');
    process.stdout.write(
      `replica read-back: ${READ_BACKS} writes on one API read back from the replica on the other with minPosition, waits ms ` +
        `min ${Math.min(...waits)} median ${percentile(waits, 50)} p95 ${percentile(waits, 95)} max ${Math.max(...waits)}; ` +
        `read at once without minPosition: ${staleWithout}/${READ_BACKS} not yet there (404); /health ${health.status} replica ${JSON.stringify(health.body.replica)}\n`,
    );
    expect(summary.body.practices.open).toBe(READ_BACKS);
    expect(health.body.replica).toMatchObject({ status: 'up', standby: true });
  }, 120_000);

  it('loses nothing when one of two projector processes is SIGKILLed mid-load: the other takes over', async () => {
    const applied = () => readCheckpoint(onPrimary.runtime.database.pool, PRACTICE_VERSIONS_TABLE).then((checkpoint) => checkpoint.eventsApplied);
    const start = await applied();
    const writers = startWriters(onPrimary.http, WRITERS);
    const lags: ReplicaLag[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { body } = await onReplica.http().get('/health');
        if (body.replica?.status === 'up') lags.push(body.replica);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();

    await eventually(applied, (n) => n >= start + 150, 60_000);
    const [killed, survivor] = projectors;
    killed.child.kill('SIGKILL');
    await killed.exited;
    const killedAt = Date.now();
    const atKill = await applied();
    await eventually(applied, (n) => n > atKill, 30_000);
    const takeoverMs = Date.now() - killedAt;
    const acknowledgedAtKill = writers.answers.filter((a) => a.status === 201).length;
    await eventually(
      async () => writers.answers.filter((a) => a.status === 201).length,
      (n) => n >= acknowledgedAtKill + 150,
      60_000,
    );
    await writers.stop();
    sampling = false;
    await sampler;

    // The last write, read back from the replica: the survivor has applied everything before it, and the replica replayed it.
    const last = await onPrimary
      .http()
      .post(`/practices/${WRITERS[0]}/list-size`)
      .send({ registeredPatients: 4_242, effectiveDate: '2016-01-01' })
      .expect(201);
    const readStarted = Date.now();
    const readBack = await eventually(
      async () => await onReplica.http().get(`/practices/${WRITERS[0]}`).query({ minPosition: last.body.position, asOf: '2016-01-01' }),
      (res) => res.status !== 503,
      30_000,
    );
    const readBackMs = Date.now() - readStarted;
    expect([readBack.status, readBack.body.registeredPatients]).toEqual([200, 4_242]);

    const acknowledged = [...writers.answers.filter((a) => a.status === 201).map((a) => a.eventId!), last.body.eventId as string];
    const { rows } = await onPrimary.runtime.database.pool.query<{ stored: number; total: number }>(
      `SELECT count(*) FILTER (WHERE event_id = ANY($1::uuid[]))::int AS stored, count(*)::int AS total FROM event_store.events`,
      [acknowledged],
    );
    // The projector processes keep the trend's model too: the standby's copy is verified with the rest.
    const foldedOnStandby = async () =>
      (await onReplica.runtime.database.readPool.query<{ at: Date | null }>('SELECT folded_through AS at FROM landscape.trend_fold')).rows[0]?.at ??
      null;
    await eventually(foldedOnStandby, (at) => at !== null, 30_000);
    const onStandby = await readCheckpoint(onReplica.runtime.database.readPool, PRACTICE_VERSIONS_TABLE);
    const report = await verifyProjections(onReplica.runtime.eventStore, onReplica.runtime.database.readPool, { dates: 4, knownAts: 2 });
    const lost = acknowledged.length - rows[0].stored + (rows[0].total - onStandby.eventsApplied) + report.mismatches.length;
    const max = (pick: (lag: ReplicaLag) => number | null) => Math.max(0, ...lags.map((lag) => pick(lag) ?? 0));
    process.stdout.write(
      `projector SIGKILL fault: killed at ${atKill} events applied, the survivor's first step ${takeoverMs} ms later, ` +
        `${onStandby.eventsApplied - atKill} events applied by it after the kill (log ${rows[0].total}, replica's projection ${onStandby.eventsApplied}); ` +
        `writes acknowledged ${acknowledged.length}, answers ${JSON.stringify(byStatus(writers.answers))}, lost ${lost}; ` +
        `replica lag over ${lags.length} /health samples: max ${max((lag) => lag.bytesBehind)} bytes, ${max((lag) => lag.ms)} ms, ` +
        `${max((lag) => lag.projectionEventsBehind)} projection events; last write read back from the replica in ${readBackMs} ms; ` +
        `verify ${report.comparisons} comparisons, ${report.mismatches.length} mismatches, ` +
        `trend model ${report.trendModel ? `${report.trendModel.differing} changes differing` : 'not folded'}\n`,
    );
    expect(projectorHealthcheck(primary.url)).toBe(0);
    expect(killed.child.signalCode).toBe('SIGKILL');
    expect(report.trendModel).toMatchObject({ differing: 0 });
    expect(survivor.child.exitCode).toBeNull();
    expect(lost).toBe(0);
    expect(onStandby.eventsApplied).toBe(rows[0].total);
    expect(report.mismatches).toEqual([]);
  }, 180_000);

  it('reports a replica that is down on /health within 2 s, answers its reads 503 and still takes writes', async () => {
    replica.crash();
    const started = Date.now();
    const health = await onReplica.http().get('/health');
    const healthMs = Date.now() - started;
    const read = await onReplica.http().get(`/practices/${WRITERS[1]}`);
    const write = await onReplica.http().post(`/practices/${WRITERS[1]}/list-size`).send({ registeredPatients: 77, effectiveDate: '2017-01-01' });
    process.stdout.write(
      `replica down: /health ${health.status} in ${healthMs} ms (${health.body.detail}), read ${read.status} ${read.body.code}, write ${write.status}\n`,
    );
    expect([health.status, health.body.replica?.status, healthMs < 2_000]).toEqual([503, 'down', true]);
    expect([read.status, read.body.code, read.headers['retry-after'] !== undefined]).toEqual([503, 'DATABASE_UNAVAILABLE', true]);
    expect(write.status).toBe(201);
  }, 60_000);
});

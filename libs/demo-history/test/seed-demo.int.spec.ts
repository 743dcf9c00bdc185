import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RecordedEvent } from '#event-store';
import { generatePracticeOutlines, seedDemo } from '#demo-history';
import { importOds } from '#ods-import';
import { PRACTICE_STREAM_PREFIX, practiceStreamId, toTimeline, type TimelineEvent } from '#practices';
import { replayThroughDecider } from './support/replay-through-decider.js';
import { openServerStore, type ServerStore } from '../../../test/support/server-store.js';

const OPTIONS = { seed: 11, practices: 30, fromYear: 2004, toDate: '2025-06-30', chunkPractices: 15 } as const;
const PRACTICES = resolve('test/fixtures/ods/epraccur_slice_2019-10.csv');

const generatedCodes = generatePracticeOutlines(OPTIONS.seed, OPTIONS.practices, '2004-04-01').map((o) => o.odsCode);
const importedCodes = readFileSync(PRACTICES, 'latin1')
  .split('\r\n')
  .filter(Boolean)
  .map((row) => row.slice(1, 7));

/** The named practices' streams, those that exist. */
async function practiceStreams(server: ServerStore, codes: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
  const streams = await server.store.readStreams(codes.map(practiceStreamId));
  return new Map([...streams].filter(([, stream]) => stream.version > 0).map(([id, stream]) => [id, [...stream.events]]));
}

/** What a replay must reproduce: everything but the database's own stamps (recordedAt, position, transaction). */
const comparable = (streams: Map<string, RecordedEvent[]>) =>
  [...streams.values()].flat().map(({ eventId, type, data, effectiveDate, streamId, streamVersion, metadata, schemaVersion }) => ({
    eventId,
    type,
    data,
    effectiveDate,
    streamId,
    streamVersion,
    metadata,
    schemaVersion,
  }));

const timelines = (streams: Map<string, RecordedEvent[]>) =>
  new Map<string, TimelineEvent[]>(
    [...streams].map(([id, events]) => [id.slice(PRACTICE_STREAM_PREFIX.length), toTimeline({ streamId: id, version: events.length, events })]),
  );

describe('seed-demo into the event store', () => {
  const servers: ServerStore[] = [];
  const open = async () => {
    const server = await openServerStore();
    servers.push(server);
    return server;
  };

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('writes the same events, ids included, into two databases from the same seed, and nothing on a rerun', async () => {
    const [first, second] = [await open(), await open()];
    const report = await seedDemo(first.store, OPTIONS);
    await seedDemo(second.store, OPTIONS);

    const streams = await practiceStreams(first, generatedCodes);
    expect(report).toMatchObject({ basis: 'generated', refusals: [], practices: { simulated: 30 } });
    expect(streams.size).toBe(30);
    expect(report.eventsAppended).toBe([...streams.values()].flat().length);
    expect(comparable(await practiceStreams(second, generatedCodes))).toEqual(comparable(streams));

    const rerun = await seedDemo(first.store, OPTIONS);
    expect(rerun).toMatchObject({ eventsAppended: 0, practices: { simulated: 0, alreadySeeded: 30 } });
  });

  it('builds on imported practices, and every stored event passes the decider on its full stream', async () => {
    const server = await open();
    await importOds(server.store, {
      practicesFile: PRACTICES,
      membershipsFile: resolve('test/fixtures/ods/epcmem_slice_2019-10.csv'),
      extractDate: '2019-10-01',
    });
    const report = await seedDemo(server.store, { ...OPTIONS, practices: undefined });

    const streams = await practiceStreams(server, importedCodes);
    expect(report).toMatchObject({ basis: 'recorded', refusals: [], practices: { simulated: 50 } });
    expect(report.lateCorrections).toBeGreaterThanOrEqual(0);
    expect(replayThroughDecider(timelines(streams))).toEqual([]);
    const late = [...streams.values()].flat().filter((event) => event.metadata.note === 'late-recorded correction');
    expect(late.length).toBe(report.lateCorrections);
  });
});

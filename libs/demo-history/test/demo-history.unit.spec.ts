import type { TimelineEvent } from '#practices';
import { generateDemoHistory, generatePracticeOutlines, type GeneratedChunk } from '#demo-history';
import { replayThroughDecider } from './support/replay-through-decider.js';

const OPTIONS = { fromYear: 2004, toDate: '2025-06-30', chunkPractices: 20, keepTimelines: true } as const;

async function generate(seed: number, practices: number): Promise<GeneratedChunk[]> {
  const outlines = generatePracticeOutlines(seed, practices, '2004-04-01');
  const chunks: GeneratedChunk[] = [];
  for await (const chunk of generateDemoHistory(outlines, { ...OPTIONS, seed })) chunks.push(chunk);
  return chunks;
}

const appended = (chunks: readonly GeneratedChunk[]) =>
  chunks
    .flatMap((chunk) => [...chunk.groups.flat(), ...chunk.late])
    .map((append) => ({ streamId: append.streamId, expectedVersion: append.expectedVersion, events: append.events }));

function timelines(chunks: readonly GeneratedChunk[]): Map<string, readonly TimelineEvent[]> {
  const streams = new Map<string, readonly TimelineEvent[]>();
  for (const chunk of chunks) for (const [odsCode, history] of chunk.timelines ?? []) streams.set(odsCode, history.timeline());
  return streams;
}

describe('seed-demo history generator', () => {
  let first: GeneratedChunk[];

  beforeAll(async () => {
    first = await generate(7, 30);
  });

  it('gives the same events, ids included, for the same seed', async () => {
    const again = await generate(7, 30);
    expect(JSON.stringify(appended(again))).toEqual(JSON.stringify(appended(first)));
  });

  it('gives a different history for another seed', async () => {
    const other = await generate(8, 30);
    expect(JSON.stringify(appended(other))).not.toEqual(JSON.stringify(appended(first)));
  });

  it('has the decider accept every command it generated', () => {
    expect(first.flatMap((chunk) => chunk.refusals)).toEqual([]);
  });

  it('writes streams whose every event the decider gives back when replayed on the full stream', () => {
    const streams = timelines(first);
    expect(streams.size).toBe(30);
    expect(replayThroughDecider(streams)).toEqual([]);
  });

  it('covers the transitions of the domain', () => {
    const types = new Set(appended(first).flatMap((append) => append.events.map((event) => event.type)));
    for (const type of [
      'PracticeOpened',
      'CommissionerChanged',
      'ContractChanged',
      'PartnerJoined',
      'PartnerExited',
      'PartnerConvertedToSalaried',
      'SalariedGpJoined',
      'SalariedGpLeft',
      'ContractSubcontractedToTrust',
      'FederationJoined',
      'PcnJoined',
      'ListSizeRecorded',
    ]) {
      expect(types).toContain(type);
    }
  });
});

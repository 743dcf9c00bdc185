import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { EventStore, type StreamAppend } from '#event-store';
import { practiceStreamId, retryLostRaces, toTimeline } from '#practices';
import type { SourcedSpell } from './commissioner-spells.js';
import { parsePracticeRow, prescribingSettingOf } from './epraccur.row.js';
import { ImportTally, type ImportProgress, type OdsImportReport } from './import-report.js';
import { countLines } from './line-count.js';
import { readMembershipFile } from './membership-file.js';
import { readOdsCsv } from './ods-csv.reader.js';
import { importPractice, type ImportContext, type PracticeToImport } from './practice-import.js';
import type { SkippedRow } from './row-rejection.js';

export interface OdsImportOptions {
  readonly practicesFile: string;
  readonly membershipsFile?: string | null;
  /** Import every prescribing setting, not only 4 (GP practices). */
  readonly allSettings?: boolean;
  /** The date the extract describes: renames take effect then. */
  readonly extractDate: string;
  /** Practices per read-decide-append round trip. */
  readonly batchSize?: number;
  readonly recordedBy?: string;
  readonly correlationId?: string;
  readonly onProgress?: (progress: ImportProgress) => void;
}

const GP_PRACTICE_SETTING = 4;
const DEFAULT_BATCH_SIZE = 500;
/** A batch that loses a race with another writer is read and decided again; more losses than this is a failure. */
const MAX_BATCH_ATTEMPTS = 5;

/**
 * Imports the ODS practices file (and optionally the memberships file) into the register: reads the spells, then
 * streams the practices in batches; each batch reads its practices' streams in one round trip, decides what is
 * missing, and appends everything in one atomic append.
 */
export async function importOds(store: EventStore, options: OdsImportOptions): Promise<OdsImportReport> {
  const started = performance.now();
  const tally = new ImportTally();
  const skip = (row: SkippedRow) => tally.skipped.push(row);
  const practicesLabel = basename(options.practicesFile);
  const membershipsLabel = options.membershipsFile ? basename(options.membershipsFile) : null;
  const context: ImportContext = {
    recordedBy: options.recordedBy ?? 'ods-import',
    correlationId: options.correlationId ?? randomUUID(),
    extractDate: options.extractDate,
    newEventId: randomUUID,
    now: new Date().toISOString(),
  };
  const progress = (phase: ImportProgress['phase'], linesRead: number, totalLines: number) =>
    options.onProgress?.({ phase, linesRead, totalLines, eventsAppended: tally.eventsAppended });

  let spellsByPractice: Map<string, SourcedSpell[]> | null = null;
  if (options.membershipsFile && membershipsLabel) {
    const total = await countLines(options.membershipsFile);
    progress('memberships', 0, total);
    const read = await readMembershipFile(options.membershipsFile, membershipsLabel, skip, (line) => {
      if (line % 1000 === 0) progress('memberships', line, total);
    });
    tally.membershipRows = read.rows;
    spellsByPractice = read.spellsByPractice;
    progress('memberships', total, total);
  }

  const totalLines = await countLines(options.practicesFile);
  progress('practices', 0, totalLines);
  const seen = new Map<string, number>();
  let batch: PracticeToImport[] = [];
  let lastLine = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await importBatch(store, batch, context, tally);
    batch = [];
    progress('practices', lastLine, totalLines);
  };
  const malformed = ({ line, reason }: { line: number; reason: string }) => {
    tally.practiceRows++;
    skip({ file: practicesLabel, line, code: 'UNREADABLE_CSV', reason });
  };

  for await (const { line, fields } of readOdsCsv(options.practicesFile, malformed)) {
    tally.practiceRows++;
    lastLine = line;
    const reject = (code: SkippedRow['code'], reason: string) => skip({ file: practicesLabel, line, code, reason });
    const setting = prescribingSettingOf(fields);
    if (setting.ok && !options.allSettings && setting.value !== GP_PRACTICE_SETTING) {
      tally.otherSettings++;
      continue;
    }
    const parsed = parsePracticeRow(fields);
    if (!parsed.ok) {
      reject(parsed.code, parsed.reason);
      continue;
    }
    const record = parsed.value;
    const earlier = seen.get(record.odsCode);
    if (earlier !== undefined) {
      reject('DUPLICATE_PRACTICE', `practice ${record.odsCode} already appears on line ${earlier}`);
      continue;
    }
    seen.set(record.odsCode, line);
    tally.valid++;
    const source = { file: practicesLabel, line };
    const spells = spellsByPractice?.get(record.odsCode);
    tally.spellsUsed += spells?.length ?? 0;
    batch.push({ record, source, spells: spells ?? spellFromPracticeRow(record, source), completeSpells: spells !== undefined });
    if (batch.length >= (options.batchSize ?? DEFAULT_BATCH_SIZE)) await flush();
  }
  await flush();
  progress('practices', totalLines, totalLines);

  const files = { practices: options.practicesFile, memberships: options.membershipsFile ?? null };
  return tally.report(files, options.extractDate, options.allSettings ?? false, performance.now() - started);
}

async function importBatch(store: EventStore, batch: readonly PracticeToImport[], context: ImportContext, tally: ImportTally): Promise<void> {
  const streamIds = batch.map(({ record }) => practiceStreamId(record.odsCode));
  const results = await retryLostRaces(
    async () => {
      const streams = await store.readStreams(streamIds);
      const decided = batch.map((practice, index) => importPractice(practice, toTimeline(streams.get(streamIds[index])), context));
      const appends: StreamAppend[] = [];
      decided.forEach((result, index) => {
        const streamId = streamIds[index];
        if (result.events.length > 0) appends.push({ streamId, expectedVersion: streams.get(streamId)?.version ?? 0, events: result.events });
      });
      if (appends.length > 0) await store.append(appends);
      return decided;
    },
    { maxAttempts: MAX_BATCH_ATTEMPTS },
  );
  for (const result of results) {
    tally.skipped.push(...result.skipped);
    if (result.outcome === 'new') tally.newPractices++;
    else if (result.outcome === 'updated') tally.updated++;
    else tally.unchanged++;
    tally.countEvents(result.events.map((event) => event.type));
  }
}

/** Without epcmem, the practice row's own commissioner fields give one spell (its current or last). */
function spellFromPracticeRow(record: PracticeToImport['record'], source: { file: string; line: number }): SourcedSpell[] {
  if (!record.commissioner) return [];
  const { code, from, to } = record.commissioner;
  return [{ commissionerCode: code, from: from ?? record.openedOn, to, source }];
}

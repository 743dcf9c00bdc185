import { decide, effectiveTimeline, foldHistory, foldOnto, type PracticeCommand, type TimelineEvent } from '#practices';
import { decideByFullValidation } from '../../practices/test/support/decide-by-full-validation.js';
import { SeededRandom } from '#demo-history';
import { generatedHistories } from './support/generated-histories.js';

/**
 * `decide` takes a fast path for changes dated on or after the end of the timeline. Over generated national-style
 * histories cut at many points, and many generated commands (valid and invalid, at the end and retroactive), it must
 * decide exactly what the full validation decides: the same events, or the same error with the same code and detail.
 */

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The identifiers a history mentions, so that generated commands hit real partners, trusts, federations and PCNs. */
function vocabulary(history: readonly TimelineEvent[]) {
  const gmc = new Set(['7000001']);
  const federations = new Set(['fed-x']);
  const pcns = new Set(['U00001']);
  const trusts = new Set(['RXX']);
  for (const { event } of history) {
    const data = event.data as Record<string, unknown>;
    if (typeof data.gmcNumber === 'string') gmc.add(data.gmcNumber);
    if (typeof data.federationId === 'string') federations.add(data.federationId);
    if (typeof data.pcnCode === 'string') pcns.add(data.pcnCode);
    if (typeof data.trustCode === 'string') trusts.add(data.trustCode);
  }
  return { gmc: [...gmc], federations: [...federations], pcns: [...pcns], trusts: [...trusts] };
}

function commandFor(odsCode: string, effectiveDate: string, words: ReturnType<typeof vocabulary>, random: SeededRandom): PracticeCommand {
  const base = { odsCode, effectiveDate };
  const gmcNumber = random.pick(words.gmc);
  const kinds: (() => PracticeCommand)[] = [
    () => ({ ...base, type: 'RecordListSize', registeredPatients: 1000 + Math.floor(random.next() * 9000) }),
    () => ({ ...base, type: 'RenamePractice', name: 'Renamed Surgery' }),
    () => ({ ...base, type: 'ChangeCommissioner', commissionerCode: random.pick(['00K', '05Q', null]) }),
    () => ({
      ...base,
      type: 'ChangeContract',
      contract: { type: random.pick(['GMS', 'PMS', 'APMS'] as const), holder: { kind: 'company', id: 'co-1', name: 'Co One' } },
    }),
    () => ({ ...base, type: 'AddPartner', gmcNumber, name: `Dr ${gmcNumber}` }),
    () => ({ ...base, type: 'RecordPartnerExit', gmcNumber, reason: 'retirement' }),
    () => ({ ...base, type: 'ConvertPartnerToSalaried', gmcNumber, employer: 'practice' }),
    () => ({ ...base, type: 'AddSalariedGp', gmcNumber, name: `Dr ${gmcNumber}` }),
    () => ({ ...base, type: 'RecordSalariedGpLeaving', gmcNumber }),
    () => ({ ...base, type: 'SubcontractToTrust', trustCode: random.pick(words.trusts), trustName: 'A Trust' }),
    () => ({ ...base, type: 'EndTrustSubcontract' }),
    () => ({ ...base, type: 'JoinFederation', federationId: random.pick(words.federations), federationName: 'A Federation' }),
    () => ({ ...base, type: 'LeaveFederation', federationId: random.pick(words.federations) }),
    () => ({ ...base, type: 'JoinPcn', pcnCode: random.pick(words.pcns), pcnName: 'A PCN' }),
    () => ({ ...base, type: 'LeavePcn' }),
    () => ({ ...base, type: 'ClosePractice', reason: 'contract ended' }),
  ];
  return random.pick(kinds)();
}

type Outcome = { decided: unknown } | { error: { name: string; message: string; fields: unknown } };

function outcome(run: () => unknown): Outcome {
  try {
    return { decided: run() };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return { error: { name: error.name, message: error.message, fields: { ...error } } };
  }
}

describe('decide: the fast path for changes at the end of the timeline', () => {
  let histories: TimelineEvent[][] = [];

  beforeAll(async () => {
    histories = (await generatedHistories(11, 40, '2024-03-31')).filter((history) => history.length > 5);
  });

  it('decides exactly as the full validation over generated histories and commands', () => {
    const random = new SeededRandom('decide-fast-path', 20240331);
    let compared = 0;
    let atEnd = 0;
    let refused = 0;
    for (const history of histories) {
      const words = vocabulary(history);
      for (let cut = 0; cut < 25; cut++) {
        const prefix = history.slice(0, 1 + Math.floor(random.next() * history.length));
        const timeline = effectiveTimeline(prefix);
        const opening = prefix.find((e) => e.event.type === 'PracticeOpened');
        if (!opening || timeline.length === 0) continue;
        const odsCode = (opening.event.data as { odsCode: string }).odsCode;
        const lastDate = timeline[timeline.length - 1].effectiveDate;
        for (let n = 0; n < 8; n++) {
          const roll = random.next();
          // Mostly at or after the end (fast path), some on the last date itself, some retroactive (full path).
          const date =
            roll < 0.2
              ? lastDate
              : roll < 0.8
                ? addDays(lastDate, Math.floor(random.next() * 400))
                : addDays(lastDate, -Math.floor(random.next() * 3000));
          const cmd = commandFor(odsCode, date, words, random);
          const fast = outcome(() => decide(cmd, { practice: prefix }));
          const full = outcome(() => decideByFullValidation(cmd, { practice: prefix }));
          // As a command handler decides: on a fold kept from an earlier, shorter history of the practice.
          const kept = foldOnto(foldHistory(prefix.slice(0, Math.floor(random.next() * prefix.length))), prefix);
          const onKeptFold = outcome(() => decide(cmd, { practice: prefix, practiceFold: kept }));
          expect(fast).toEqual(full);
          expect(onKeptFold).toEqual(full);
          compared++;
          if (date >= lastDate) atEnd++;
          if ('error' in full) refused++;
        }
      }
    }
    // The comparison must have exercised both outcomes on the fast path, at scale.
    expect(compared).toBeGreaterThan(4000);
    expect(atEnd).toBeGreaterThan(compared / 2);
    expect(refused).toBeGreaterThan(compared / 10);
    expect(refused).toBeLessThan(compared * 0.9);
  });

  it('refuses a command at the end of the timeline with the same detail as the full validation', () => {
    const history = histories[0];
    const timeline = effectiveTimeline(history);
    const odsCode = (timeline[0].event.data as { odsCode: string }).odsCode;
    const date = addDays(timeline[timeline.length - 1].effectiveDate, 1);
    const cmd: PracticeCommand = { type: 'RecordPartnerExit', odsCode, gmcNumber: '0000000', reason: 'retirement', effectiveDate: date };
    const fast = outcome(() => decide(cmd, { practice: history }));
    expect('error' in fast).toBe(true);
    expect(fast).toEqual(outcome(() => decideByFullValidation(cmd, { practice: history })));
  });
});

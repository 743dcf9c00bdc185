/** Given/when/then helper for the decider's unit tests (it uses Jest's `expect`). */
import { decide, type Decision, type DecidedEvent } from '../../src/domain/practice.decide.js';
import type { PracticeCommand, PracticeCommandType } from '../../src/domain/practice.commands.js';
import { PracticeRuleViolation, type RuleCode } from '../../src/domain/practice.errors.js';
import type { Contract, PracticeEvent, PracticeEventType, TimelineEvent } from '../../src/domain/practice.events.js';

export const ODS = 'M92011';
export const OTHER_ODS = 'M92012';
export const GMS_PARTNERSHIP: Contract = {
  type: 'GMS',
  holder: { kind: 'partnership', id: 'church-street-partnership', name: 'Church Street Partnership' },
};

type DataOf<T extends PracticeEventType> = Extract<PracticeEvent, { type: T }>['data'];
type FieldsOf<T extends PracticeCommandType> = Omit<Extract<PracticeCommand, { type: T }>, 'type' | 'odsCode'>;

/** An event value: `event('PartnerJoined', { gmcNumber, name })`. */
export const event = <T extends PracticeEventType>(type: T, data: DataOf<T>): PracticeEvent => ({ type, data }) as PracticeEvent;

/** A command on practice ODS (or `odsCode` given in fields). */
export const command = <T extends PracticeCommandType>(type: T, fields: FieldsOf<T> & { odsCode?: string }): PracticeCommand =>
  ({ odsCode: ODS, ...fields, type }) as unknown as PracticeCommand;

/** A past event of the given stream; `id` and `recordedAt` are optional overrides. */
export interface Past extends DecidedEvent {
  readonly id?: string;
  readonly recordedAt?: string;
}

export const on = (effectiveDate: string, value: PracticeEvent, extra: { id?: string; recordedAt?: string } = {}): Past => ({
  event: value,
  effectiveDate,
  ...extra,
});

export const opened = (date: string, contract: Contract | null = GMS_PARTNERSHIP, odsCode = ODS): Past =>
  on(date, event('PracticeOpened', { odsCode, name: `Practice ${odsCode}`, commissionerCode: '00K', contract }));

export const partner = (gmcNumber: string) => ({ gmcNumber, name: `Dr ${gmcNumber}` });

const FIRST_RECORDING = Date.parse('2024-01-01T00:00:00.000Z');

/** Recorded events in stream order: ids `<prefix>1…`, versions 1…, one minute apart unless recordedAt is given. */
export function recorded(events: readonly Past[], idPrefix = 'e'): TimelineEvent[] {
  return events.map((past, index) => ({
    eventId: past.id ?? `${idPrefix}${index + 1}`,
    event: past.event,
    effectiveDate: past.effectiveDate,
    streamVersion: index + 1,
    recordedAt: past.recordedAt ?? new Date(FIRST_RECORDING + index * 60_000).toISOString(),
  }));
}

export function given(practice: readonly Past[], into?: readonly Past[]) {
  const histories = { practice: recorded(practice), into: into ? recorded(into, 't') : undefined };
  return {
    when(cmd: PracticeCommand) {
      const run = () => decide(cmd, histories);
      return {
        /** Expected events on the practice stream, a whole decision (merges), or the code of the refusal. */
        then(expected: readonly DecidedEvent[] | Decision | RuleCode): void {
          if (typeof expected === 'string') {
            expectRefusal(run, expected);
            return;
          }
          expect(run()).toEqual(Array.isArray(expected) ? { practice: expected } : expected);
        },
        /** Expects a refusal with `code` and returns it, to look at its detail or conflicting event. */
        thenRefused(code: RuleCode): PracticeRuleViolation {
          return expectRefusal(run, code);
        },
        /** Expected error class (not found, already exists). */
        thenThrows(type: new (...args: never[]) => Error): void {
          expect(run).toThrow(type);
        },
      };
    },
  };
}

function expectRefusal(run: () => Decision, code: RuleCode): PracticeRuleViolation {
  try {
    const decision = run();
    throw new Error(`expected ${code} but the command was accepted: ${JSON.stringify(decision)}`);
  } catch (error) {
    if (!(error instanceof PracticeRuleViolation)) throw error;
    expect({ code: error.code, detail: error.detail }).toEqual({ code, detail: expect.any(String) });
    return error;
  }
}

/** Shorthand for an expected decided event. */
export const decided = (effectiveDate: string, value: PracticeEvent): DecidedEvent => ({ event: value, effectiveDate });

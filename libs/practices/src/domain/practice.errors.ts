/** Stable, machine-readable codes of the rule breaches the decider refuses (SPEC §3; a 422 with `code`). */
export const RuleCode = {
  BEFORE_OPENING: 'BEFORE_OPENING',
  PRACTICE_CLOSED: 'PRACTICE_CLOSED',
  ALREADY_OPENED: 'ALREADY_OPENED',
  NOT_A_PARTNER: 'NOT_A_PARTNER',
  ALREADY_A_PARTNER: 'ALREADY_A_PARTNER',
  ALREADY_SALARIED: 'ALREADY_SALARIED',
  PARTNER_AND_SALARIED: 'PARTNER_AND_SALARIED',
  NOT_SALARIED: 'NOT_SALARIED',
  NO_CONTRACT: 'NO_CONTRACT',
  CONTRACT_NOT_SUBCONTRACTABLE: 'CONTRACT_NOT_SUBCONTRACTABLE',
  CONTRACT_SUBCONTRACTED: 'CONTRACT_SUBCONTRACTED',
  ALREADY_SUBCONTRACTED: 'ALREADY_SUBCONTRACTED',
  NOT_SUBCONTRACTED: 'NOT_SUBCONTRACTED',
  ALREADY_IN_FEDERATION: 'ALREADY_IN_FEDERATION',
  NOT_IN_FEDERATION: 'NOT_IN_FEDERATION',
  ALREADY_IN_PCN: 'ALREADY_IN_PCN',
  NOT_IN_PCN: 'NOT_IN_PCN',
  MERGE_INTO_SELF: 'MERGE_INTO_SELF',
  MERGE_TARGET_NOT_OPEN: 'MERGE_TARGET_NOT_OPEN',
  TIMELINE_CONFLICT: 'TIMELINE_CONFLICT',
  EVENT_ALREADY_RETRACTED: 'EVENT_ALREADY_RETRACTED',
  NOT_RETRACTABLE: 'NOT_RETRACTABLE',
} as const;
export type RuleCode = (typeof RuleCode)[keyof typeof RuleCode];

/** The recorded event a refused command would have invalidated (TIMELINE_CONFLICT). */
export interface ConflictingEvent {
  readonly eventId: string;
  readonly type: string;
  readonly effectiveDate: string;
}

/** A command breaks a rule of SPEC §3; nothing may be appended. */
export class PracticeRuleViolation extends Error {
  override readonly name = 'PracticeRuleViolation';

  constructor(
    readonly code: RuleCode,
    readonly detail: string,
    readonly conflictingEvent?: ConflictingEvent,
  ) {
    super(`${code}: ${detail}`);
  }
}

/** A command addressed a practice that was never opened (or whose opening was retracted). */
export class PracticeNotFoundError extends Error {
  override readonly name = 'PracticeNotFoundError';

  constructor(readonly odsCode: string) {
    super(`practice ${odsCode} is not in the register`);
  }
}

/** OpenPractice for an ODS code that is already open in the register. */
export class PracticeAlreadyExistsError extends Error {
  override readonly name = 'PracticeAlreadyExistsError';

  constructor(readonly odsCode: string) {
    super(`practice ${odsCode} is already in the register`);
  }
}

/** RetractEvent naming an event that is not on this practice's stream. */
export class EventNotFoundError extends Error {
  override readonly name = 'EventNotFoundError';

  constructor(
    readonly odsCode: string,
    readonly eventId: string,
  ) {
    super(`event ${eventId} is not in the history of practice ${odsCode}`);
  }
}

import type { PracticeSnapshot } from '#practices';
import { canonicalJson } from '../../read-models/practice-versions/canonical-json.js';
import { toPracticeFields, type PracticeFields } from '../shared/practice-view.js';

export type ChangeKind = 'appeared' | 'disappeared' | 'changed';

export interface FieldChange {
  readonly from: unknown;
  readonly to: unknown;
}

export interface PracticeChange {
  readonly odsCode: string;
  readonly name: string;
  /** appeared: no state on `from` (opened later); disappeared: no state on `to`; changed: fields differ. */
  readonly change: ChangeKind;
  /** Every field whose value differs, a missing state counting as null for all its fields. */
  readonly changes: Record<string, FieldChange>;
}

/** The field-level difference of a practice between two states, or null when nothing differs. */
export function practiceChange(before: PracticeSnapshot | null, after: PracticeSnapshot | null): PracticeChange | null {
  const from = before ? toPracticeFields(before) : null;
  const to = after ? toPracticeFields(after) : null;
  const fields = Object.keys(to ?? from ?? {}) as (keyof PracticeFields)[];
  const changes: Record<string, FieldChange> = {};
  for (const field of fields) {
    const a = from ? from[field] : null;
    const b = to ? to[field] : null;
    if (canonicalJson(a) !== canonicalJson(b)) changes[field] = { from: a, to: b };
  }
  if (Object.keys(changes).length === 0) return null;
  const named = (to ?? from)!;
  return { odsCode: named.odsCode, name: named.name, change: !from ? 'appeared' : !to ? 'disappeared' : 'changed', changes };
}

import { h, table } from '../shared/dom.js';
import { count, longDate } from '../shared/format.js';

export interface PracticeChange {
  readonly odsCode: string;
  readonly name: string;
  readonly change: 'appeared' | 'disappeared' | 'changed';
  readonly changes: Readonly<Record<string, { readonly from: unknown; readonly to: unknown }>>;
}

export interface Diff {
  readonly from: string;
  readonly to: string;
  readonly knownAt: string;
  readonly total: number;
  readonly items: readonly PracticeChange[];
}

export interface Filters {
  readonly kind: string;
  readonly field: string;
  readonly text: string;
}

/** Rows drawn at most; the count says how many more match. */
const MAX_ROWS = 500;

const KIND_NAMES = { appeared: 'Appeared', disappeared: 'Disappeared', changed: 'Changed' } as const;

/** A field's value in words: names for people and holders, "none" for nothing. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(shown).join('; ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('type' in o && 'holder' in o) return `${o.type}, ${shown(o.holder)}`;
    const label = o.name ?? o.trustName ?? o.federationName ?? o.pcnName;
    return label !== undefined ? String(label) : JSON.stringify(value);
  }
  return String(value);
}

export const matches = (item: PracticeChange, filters: Filters): boolean => {
  const text = filters.text.trim().toLocaleLowerCase('en-GB');
  const commissioner = item.changes.commissionerCode;
  return (
    (!filters.kind || item.change === filters.kind) &&
    (!filters.field || filters.field in item.changes) &&
    (!text ||
      item.odsCode.toLowerCase().includes(text) ||
      item.name.toLocaleLowerCase('en-GB').includes(text) ||
      [commissioner?.from, commissioner?.to].some((code) => typeof code === 'string' && code.toLowerCase() === text))
  );
};

export function changesTable(diff: Diff, filters: Filters): HTMLElement {
  const chosen = diff.items.filter((item) => matches(item, filters));
  const drawn = chosen.slice(0, MAX_ROWS);
  return h(
    'div',
    {},
    h(
      'p',
      { id: 'changes-count' },
      `${count(chosen.length)} of ${count(diff.total)} practices changed between ${longDate(diff.from)} and ${longDate(diff.to)}${chosen.length > MAX_ROWS ? `; the first ${MAX_ROWS} are shown` : ''}.`,
    ),
    drawn.length === 0
      ? null
      : table(
          'Practices that changed',
          ['Practice', 'Change', 'What changed'],
          drawn.map((item) => [
            h(
              'a',
              { href: `/ui/practices/${item.odsCode}?asOf=${item.change === 'disappeared' ? diff.from : diff.to}` },
              `${item.name} (${item.odsCode})`,
            ),
            KIND_NAMES[item.change],
            h(
              'ul',
              { class: 'nhsuk-list nhsuk-body-s' },
              Object.entries(item.changes).map(([field, c]) => h('li', {}, h('strong', {}, field), `: ${shown(c.from)} → ${shown(c.to)}`)),
            ),
          ]),
          9,
        ),
  );
}

export const changedFields = (diff: Diff): string[] => [...new Set(diff.items.flatMap((item) => Object.keys(item.changes)))].sort();

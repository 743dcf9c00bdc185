import { getJson } from '../shared/api.js';
import { byId, h, replaceContent } from '../shared/dom.js';
import { addYears, today } from '../shared/format.js';
import { announce, guard, startPage } from '../shared/page.js';
import { dateParam, instantParam, knownAtFromInput, setUrlParams, urlParams } from '../shared/read-time.js';
import { changedFields, changesTable, type Diff, type Filters } from './changes-table.js';

let diff: Diff | null = null;

const filters = (): Filters => ({
  kind: byId<HTMLSelectElement>('kind').value,
  field: byId<HTMLSelectElement>('field').value,
  text: byId<HTMLInputElement>('text').value,
});

async function load(): Promise<void> {
  const to = dateParam('to', today());
  const from = dateParam('from', addYears(to, -1));
  const knownAt = instantParam('knownAt');
  byId<HTMLInputElement>('from').value = from;
  byId<HTMLInputElement>('to').value = to;
  byId<HTMLInputElement>('known-at').value = knownAt;
  byId<HTMLSelectElement>('kind').value = urlParams().get('change') ?? '';
  byId<HTMLInputElement>('text').value = urlParams().get('q') ?? '';
  diff = await getJson<Diff>('/landscape/diff', { from, to, knownAt });
  const field = byId<HTMLSelectElement>('field');
  field.replaceChildren(h('option', { value: '' }, 'Any field'), ...changedFields(diff).map((name) => h('option', { value: name }, name)));
  field.value = urlParams().get('field') ?? '';
  draw();
}

function draw(): void {
  if (!diff) return;
  replaceContent('changes', changesTable(diff, filters()));
}

function onFilter(): void {
  const { kind, field, text } = filters();
  setUrlParams({ change: kind, field, q: text }, true);
  draw();
  announce(byId('changes-count').textContent ?? '');
}

void startPage(async () => {
  byId('period').addEventListener('submit', (event) => {
    event.preventDefault();
    const knownAt = knownAtFromInput(byId<HTMLInputElement>('known-at').value);
    if (knownAt === null) return announce('Enter Known at as an instant such as 2024-04-01T12:00:00Z, or a date');
    setUrlParams({ from: byId<HTMLInputElement>('from').value, to: byId<HTMLInputElement>('to').value, knownAt });
    void guard(load);
  });
  for (const id of ['kind', 'field']) byId(id).addEventListener('change', onFilter);
  byId('text').addEventListener('input', onFilter);
  window.addEventListener('popstate', () => void guard(load));
  await load();
});

import { getJson } from '../shared/api.js';
import { byId, h, insetText, replaceContent, table } from '../shared/dom.js';
import { addYears, count, instant, longDate, today } from '../shared/format.js';
import type { Summary } from '../shared/landscape-types.js';
import { announce, guard, startPage } from '../shared/page.js';
import { dateParam, instantParam, knownAtFromInput, setUrlParams, urlParams } from '../shared/read-time.js';
import { renderChart } from './chart.js';
import { chartSpecs } from './chart-specs.js';
import { figuresList } from './figures.js';
import { loadTrend, type TrendAnswer, type TrendRequest } from './trend-source.js';

/** The start of the new GMS contract (April 2004), where the charts begin unless told otherwise. */
const DEFAULT_TREND_FROM = '2004-04-01';
const EVERY = ['month', 'quarter', 'year'] as const;

interface View {
  readonly asOf: string;
  readonly knownAt: string;
  readonly commissioner: string[];
  readonly trend: TrendRequest;
}

function viewFromUrl(): View {
  const asOf = dateParam('asOf', today());
  const knownAt = instantParam('knownAt');
  const commissioner = urlParams()
    .getAll('commissioner')
    .filter((code) => /^[0-9A-Z]{3,5}$/.test(code));
  const every = EVERY.find((e) => e === urlParams().get('every')) ?? 'quarter';
  const to = dateParam('to', asOf > today() ? asOf : today());
  const from = dateParam('from', to > DEFAULT_TREND_FROM ? DEFAULT_TREND_FROM : addYears(to, -10));
  return { asOf, knownAt, commissioner, trend: { from, to, every, knownAt, commissioner } };
}

let shownTrend: { key: string; answer: TrendAnswer } | null = null;

async function render(): Promise<void> {
  const view = viewFromUrl();
  byId<HTMLInputElement>('as-of').value = view.asOf;
  byId<HTMLInputElement>('known-at').value = view.knownAt;
  byId<HTMLInputElement>('trend-from').value = view.trend.from;
  byId<HTMLInputElement>('trend-to').value = view.trend.to;
  byId<HTMLSelectElement>('trend-every').value = view.trend.every;
  const query = { asOf: view.asOf, knownAt: view.knownAt };
  const [summary, all] = await Promise.all([
    getJson<Summary>('/landscape/summary', { ...query, commissioner: view.commissioner }),
    view.commissioner.length > 0 ? getJson<Summary>('/landscape/summary', query) : null,
  ]);
  renderFigures(summary, view);
  renderCommissioners(all ?? summary, view);
  await renderTrend(view);
}

function renderFigures(summary: Summary, view: View): void {
  const filter = view.commissioner.length > 0 ? ` for commissioner ${view.commissioner.join(', ')}` : '';
  replaceContent('figures-heading', `On ${longDate(summary.asOf)}${filter}`);
  replaceContent(
    'figures',
    h('p', { class: 'nhsuk-body-s' }, `As the register knew it at ${instant(summary.knownAt)}${view.knownAt ? '' : ' (now)'}.`),
    figuresList(summary),
  );
}

function renderCommissioners(summary: Summary, view: View): void {
  const select = byId<HTMLSelectElement>('commissioner');
  const codes = Object.keys(summary.byCommissioner)
    .filter((code) => code !== 'none')
    .sort();
  for (const code of view.commissioner) if (!codes.includes(code)) codes.push(code);
  select.replaceChildren(h('option', { value: '' }, 'All commissioners'), ...codes.map((code) => h('option', { value: code }, code)));
  select.value = view.commissioner[0] ?? '';
  const link = (code: string) =>
    `/ui/?${new URLSearchParams({ asOf: view.asOf, ...(view.knownAt ? { knownAt: view.knownAt } : {}), commissioner: code })}`;
  const rows = Object.entries(summary.byCommissioner).sort(([a], [b]) => a.localeCompare(b));
  replaceContent(
    'commissioners',
    rows.length === 0
      ? insetText('No open practices on this date.')
      : table(
          `Open practices by commissioner on ${longDate(summary.asOf)}`,
          ['Commissioner', 'Open practices'],
          rows.map(([code, n]) => [
            code === 'none' ? 'No commissioner' : h('a', { href: link(code), 'aria-label': `Show the landscape for commissioner ${code}` }, code),
            count(n),
          ]),
        ),
  );
}

async function renderTrend(view: View): Promise<void> {
  const key = JSON.stringify(view.trend);
  if (shownTrend?.key !== key) {
    // A national trend of a hundred dates takes a few seconds; the figures above are already there.
    replaceContent('charts', h('p', { class: 'nhsuk-body-s' }, 'Loading the charts…'));
    shownTrend = { key, answer: await loadTrend(view.trend) };
  }
  const { answer } = shownTrend;
  replaceContent('trend-note', answer.fallbackNote ? insetText(answer.fallbackNote) : null);
  const pick = (date: string) => void guard(() => moveAsOf(date));
  const specs = chartSpecs(answer.points);
  replaceContent(
    'charts',
    specs.map((spec) => renderChart(spec, answer.points, view.asOf, pick)),
  );
}

async function moveAsOf(date: string): Promise<void> {
  setUrlParams({ asOf: date });
  await render();
  announce(`Showing the landscape on ${longDate(date)}`);
  byId('figures-heading').scrollIntoView({ block: 'nearest' });
}

function onReadTimeSubmit(event: Event): void {
  event.preventDefault();
  const asOf = byId<HTMLInputElement>('as-of').value;
  const knownAt = knownAtFromInput(byId<HTMLInputElement>('known-at').value);
  if (knownAt === null) return markInvalid('known-at', 'Enter Known at as an instant such as 2024-04-01T12:00:00Z, or a date');
  markInvalid('known-at', '');
  const commissioner = byId<HTMLSelectElement>('commissioner').value;
  setUrlParams({ asOf, knownAt, commissioner: commissioner ? [commissioner] : [] });
  void guard(render);
}

function onTrendSubmit(event: Event): void {
  event.preventDefault();
  setUrlParams({
    from: byId<HTMLInputElement>('trend-from').value,
    to: byId<HTMLInputElement>('trend-to').value,
    every: byId<HTMLSelectElement>('trend-every').value,
  });
  void guard(render);
}

/** NHS.UK error pattern on one field; an empty message clears it. */
function markInvalid(id: string, message: string): void {
  const input = byId<HTMLInputElement>(id);
  const group = input.closest('.nhsuk-form-group')!;
  group.querySelector('.nhsuk-error-message')?.remove();
  group.classList.toggle('nhsuk-form-group--error', message !== '');
  input.classList.toggle('nhsuk-input--error', message !== '');
  if (message) {
    input.before(h('span', { class: 'nhsuk-error-message', id: `${id}-error` }, h('span', { class: 'nhsuk-u-visually-hidden' }, 'Error: '), message));
    input.setAttribute('aria-describedby', `${id}-hint ${id}-error`);
    input.focus();
  } else {
    input.setAttribute('aria-describedby', `${id}-hint`);
  }
}

void startPage(async () => {
  byId('read-time').addEventListener('submit', onReadTimeSubmit);
  byId('trend-range').addEventListener('submit', onTrendSubmit);
  window.addEventListener('popstate', () => void guard(render));
  await render();
});

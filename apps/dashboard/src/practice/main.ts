import { type Who } from '../shared/api.js';
import { byId, h, insetText, replaceContent, table } from '../shared/dom.js';
import { instant, longDate, today } from '../shared/format.js';
import { announce, guard, startPage } from '../shared/page.js';
import { dateParam, instantParam, knownAtFromInput, setUrlParams } from '../shared/read-time.js';
import { readPractice } from './practice-reads.js';
import type { PracticeHistory, PracticeState } from './practice-types.js';
import { providerTable } from './provider-spells.js';
import { searchPractices } from './search.js';
import { beliefDifferences, stateList } from './state-list.js';
import { filterableTimeline } from './timeline.js';

const ODS_CODE = /^[A-Z][0-9]{5}$/;
const odsInPath = (): string | null => decodeURIComponent(location.pathname.split('/')[3] ?? '').toUpperCase() || null;

async function render(who: Who): Promise<void> {
  const ods = odsInPath();
  if (!ods || !ODS_CODE.test(ods)) {
    byId('search-heading').hidden = false;
    return;
  }
  byId('practice').hidden = false;
  const asOf = dateParam('asOf', today());
  const knownAt = instantParam('knownAt');
  byId<HTMLInputElement>('as-of').value = asOf;
  byId<HTMLInputElement>('known-at').value = knownAt;
  // Everything is read before anything is drawn, so the page never shows two beliefs at once.
  const { state, stateNow, history, fullHistory } = await readPractice(ods, asOf, knownAt, who.role);
  const opened = (fullHistory ?? history)?.events.find((e) => e.type === 'PracticeOpened')?.data.name;
  const name = state?.name ?? stateNow?.name ?? (typeof opened === 'string' ? opened : undefined);
  replaceContent('practice-heading', name ? `${name} (${ods})` : `Practice ${ods}`);
  document.title = `${name ?? ods} – GP contract register`;
  replaceContent('state-heading', `On ${longDate(asOf)}`);
  replaceContent(
    'state',
    state
      ? [h('p', { class: 'nhsuk-body-s' }, `As the register knew it at ${instant(state.knownAt)}${knownAt ? '' : ' (now)'}.`), stateList(state)]
      : insetText(`The register ${knownAt ? `as known at ${instant(knownAt)} ` : ''}has no open or closed practice ${ods} on ${longDate(asOf)}.`),
  );
  renderBelief(knownAt, state, stateNow);
  if (!fullHistory) {
    const note = insetText(
      `Your key's role (${who.role}) may read a practice's state but not its history: the timeline and provider over time need an auditor key.`,
    );
    replaceContent('timeline', note);
    replaceContent('providers', note.cloneNode(true));
    return;
  }
  const moments = learningMoments(fullHistory);
  if (!history) {
    const note = insetText(`Nothing about ${ods} had been recorded by ${instant(knownAt)}.`);
    replaceContent('providers', note);
    replaceContent('timeline', note.cloneNode(true), moments);
    return;
  }
  replaceContent('providers', providerTable(history.events));
  replaceContent('timeline', filterableTimeline(history.events, history.knownAt), moments);
}

/** With a past "Known at": what the register believed then about this date, against what it believes now. */
function renderBelief(knownAt: string, then: PracticeState | null, now: PracticeState | null): void {
  if (!knownAt) return replaceContent('belief');
  const differences = beliefDifferences(then, now);
  replaceContent(
    'belief',
    h('h2', {}, 'How the register’s belief changed'),
    differences.length === 0
      ? insetText(
          `What the register believes now about ${then?.asOf ? longDate(then.asOf) : 'this date'} is what it believed at ${instant(knownAt)}.`,
        )
      : table(
          `Belief at ${instant(knownAt)} against now`,
          ['Field', `Believed at ${instant(knownAt)}`, 'Believed now'],
          differences.map((d) => [d.field, d.then, d.now]),
          9,
        ),
  );
}

/** Every instant the register learned something about the practice, each a way to see it as known then. */
function learningMoments(full: PracticeHistory): HTMLElement {
  const instants = [...new Set(full.events.map((e) => e.recordedAt))].sort();
  return h(
    'details',
    { class: 'nhsuk-details' },
    h(
      'summary',
      { class: 'nhsuk-details__summary' },
      h('span', { class: 'nhsuk-details__summary-text' }, `When the register learned about this practice (${instants.length} recordings)`),
    ),
    h(
      'div',
      { class: 'nhsuk-details__text' },
      h(
        'ul',
        { class: 'nhsuk-list' },
        instants.map((at) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'app-date-button', onclick: () => void guard(() => moveKnownAt(at)) },
              `Show as known at ${instant(at)}`,
            ),
          ),
        ),
      ),
    ),
  );
}

let currentWho: Who;

async function moveKnownAt(at: string): Promise<void> {
  setUrlParams({ knownAt: at });
  await render(currentWho);
  announce(`Showing the practice as known at ${instant(at)}`);
  byId('practice-heading').scrollIntoView({ block: 'start' });
}

function onReadTimeSubmit(event: Event): void {
  event.preventDefault();
  const knownAt = knownAtFromInput(byId<HTMLInputElement>('known-at').value);
  if (knownAt === null) return announce('Enter Known at as an instant such as 2024-04-01T12:00:00Z, or a date');
  setUrlParams({ asOf: byId<HTMLInputElement>('as-of').value, knownAt });
  void guard(() => render(currentWho));
}

async function onSearch(event: Event): Promise<void> {
  event.preventDefault();
  const text = byId<HTMLInputElement>('search').value.trim();
  if (ODS_CODE.test(text.toUpperCase())) {
    location.href = `/ui/practices/${text.toUpperCase()}${location.search}`;
    return;
  }
  if (text.length < 2) return replaceContent('search-results', insetText('Enter an ODS code, or at least two letters of a name.'));
  const { matches, searched } = await searchPractices(text, dateParam('asOf', today()));
  replaceContent(
    'search-results',
    matches.length === 0
      ? insetText(`No practice among ${searched} has a name containing “${text}”.`)
      : table(
          `Practices whose name contains “${text}” (${matches.length} of ${searched})`,
          ['ODS code', 'Name', 'Status'],
          matches.map((p) => [h('a', { href: `/ui/practices/${p.odsCode}` }, p.odsCode), p.name, p.status]),
          9,
        ),
  );
}

void startPage(async (who) => {
  currentWho = who;
  byId('practice-search').addEventListener('submit', (event) => void guard(() => onSearch(event)));
  byId('read-time').addEventListener('submit', onReadTimeSubmit);
  window.addEventListener('popstate', () => void guard(() => render(who)));
  await render(who);
});

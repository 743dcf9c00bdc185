import { areaY, lineY, plot, pointerX, ruleX, text } from '@observablehq/plot';
import { h, table } from '../shared/dom.js';
import { count, longDate, percent } from '../shared/format.js';
import type { TrendPoint } from '../shared/landscape-types.js';

export interface Series {
  readonly label: string;
  readonly value: (point: TrendPoint) => number;
}

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  /** One sentence saying what the chart shows, for its caption and screen readers. */
  readonly description: string;
  readonly kind: 'line' | 'stacked-area';
  readonly series: readonly Series[];
  readonly percent?: boolean;
}

interface Row {
  readonly date: Date;
  readonly asOf: string;
  readonly series: string;
  readonly value: number;
}

const asDate = (date: string): Date => new Date(`${date}T00:00:00Z`);

/**
 * One chart over time (Observable Plot draws SVG with an aria-label and description), a marker on the shown date, and
 * the numbers behind it as a table whose dates are buttons: clicking a date in either moves "As of" there.
 */
export function renderChart(spec: ChartSpec, points: readonly TrendPoint[], asOf: string, pick: (date: string) => void): HTMLElement {
  const labels = spec.series.map((s) => s.label);
  const rows: Row[] = points.flatMap((p) => spec.series.map((s) => ({ date: asDate(p.asOf), asOf: p.asOf, series: s.label, value: s.value(p) })));
  const dates = points.map((p) => ({ date: asDate(p.asOf), asOf: p.asOf }));
  const format = spec.percent ? percent : count;
  // Small counts get whole-number ticks only (Plot would otherwise label 0.2, 0.4, … of a practice).
  const top = Math.max(
    0,
    ...rows.map((r) => r.value),
    ...(spec.kind === 'stacked-area' ? points.map((p) => spec.series.reduce((sum, s) => sum + s.value(p), 0)) : []),
  );
  const wholeTicks = !spec.percent && top <= 10 ? Array.from({ length: Math.ceil(top) + 1 }, (_, i) => i) : undefined;
  const figure = plot({
    width: 560,
    height: 280,
    marginLeft: 56,
    marginTop: 24,
    ariaLabel: spec.title,
    ariaDescription: `${spec.description} Select a date on the chart to show the landscape on it; the table below gives every number.`,
    style: { fontSize: '13px', color: '#212b32', background: 'transparent' },
    x: { type: 'utc', label: null },
    y: { grid: true, label: null, tickFormat: spec.percent ? (v: number) => `${Math.round(v * 100)}%` : '~s', zero: true, ticks: wholeTicks },
    color: { legend: labels.length > 1 || spec.kind === 'stacked-area', domain: labels, scheme: 'observable10' },
    marks: [
      // Steps, not slopes: each value holds from its date until the next one sampled.
      spec.kind === 'stacked-area'
        ? areaY(rows, { x: 'date', y: 'value', fill: 'series', order: labels, curve: 'step-after' })
        : lineY(rows, { x: 'date', y: 'value', stroke: 'series', strokeWidth: 2, curve: 'step-after' }),
      ruleX([asDate(asOf)], { stroke: '#d5281b', strokeWidth: 2, strokeDasharray: '4 3' }),
      ruleX(dates, pointerX({ x: 'date', stroke: '#425563' })),
      text(dates, pointerX({ x: 'date', text: (d: { asOf: string }) => longDate(d.asOf), frameAnchor: 'top', dy: -14, fill: '#212b32' })),
    ],
  }) as HTMLElement & { value?: { asOf: string } | null };
  quietenMarks(figure);
  figure.addEventListener('click', () => {
    if (figure.value?.asOf) pick(figure.value.asOf);
  });
  const numbers = table(
    `${spec.title}: the numbers`,
    ['Date', ...labels],
    points.map((p) => [
      h(
        'button',
        { type: 'button', class: 'app-date-button', 'aria-label': `Show the landscape on ${longDate(p.asOf)}`, onclick: () => pick(p.asOf) },
        longDate(p.asOf),
      ),
      ...spec.series.map((s) => format(s.value(p))),
    ]),
  );
  return h(
    'section',
    { class: 'app-chart', id: `chart-${spec.id}`, 'aria-labelledby': `chart-${spec.id}-title` },
    h('h3', { id: `chart-${spec.id}-title` }, spec.title),
    h('p', { class: 'nhsuk-body-s' }, spec.description),
    figure,
    h(
      'details',
      { class: 'nhsuk-details' },
      h('summary', { class: 'nhsuk-details__summary' }, h('span', { class: 'nhsuk-details__summary-text' }, `Numbers behind “${spec.title}”`)),
      h('div', { class: 'nhsuk-details__text' }, numbers),
    ),
  );
}

/**
 * Plot labels each mark's <g> ("line", "area"), which ARIA does not allow on an element without a role, and which
 * says nothing a listener needs: the chart is one image with a description, and its numbers are in the table.
 */
function quietenMarks(figure: Element): void {
  const svg = figure instanceof SVGSVGElement ? figure : figure.querySelector('svg[aria-label]');
  svg?.setAttribute('role', 'img');
  for (const g of figure.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
}

/** Builds elements from data without ever parsing data as HTML (text is always a text node). */
type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

export function replaceContent(id: string, ...children: (Child | Child[])[]): void {
  const element = byId(id);
  element.replaceChildren();
  append(element, children);
}

/** An NHS.UK summary list: terms and their values as <dt>/<dd>. */
export function summaryList(rows: ReadonlyArray<readonly [string, Child | Child[]]>): HTMLDListElement {
  return h(
    'dl',
    { class: 'nhsuk-summary-list' },
    rows.map(([term, value]) =>
      h(
        'div',
        { class: 'nhsuk-summary-list__row' },
        h('dt', { class: 'nhsuk-summary-list__key' }, term),
        h('dd', { class: 'nhsuk-summary-list__value' }, value),
      ),
    ),
  );
}

/** An NHS.UK table with a caption, column headers and rows whose first cell heads the row. */
export function table(
  caption: string,
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<Child | Child[]>>,
  numericFrom = 1,
): HTMLElement {
  const cell = (value: Child | Child[], index: number) =>
    index === 0
      ? h('th', { class: 'nhsuk-table__header', scope: 'row' }, value)
      : h('td', { class: `nhsuk-table__cell${index >= numericFrom ? ' nhsuk-table__cell--numeric' : ''}` }, value);
  return h(
    'div',
    { class: 'app-table-scroll' },
    h(
      'table',
      { class: 'nhsuk-table' },
      h('caption', { class: 'nhsuk-table__caption nhsuk-table__caption--s' }, caption),
      h(
        'thead',
        { class: 'nhsuk-table__head' },
        h(
          'tr',
          {},
          headers.map((header, i) =>
            h('th', { scope: 'col', class: `nhsuk-table__header${i >= numericFrom ? ' nhsuk-table__header--numeric' : ''}` }, header),
          ),
        ),
      ),
      h(
        'tbody',
        { class: 'nhsuk-table__body' },
        rows.map((row) => h('tr', { class: 'nhsuk-table__row' }, row.map(cell))),
      ),
    ),
  );
}

export const insetText = (...children: Child[]): HTMLElement =>
  h('div', { class: 'nhsuk-inset-text' }, h('span', { class: 'nhsuk-u-visually-hidden' }, 'Information: '), h('p', {}, ...children));

export const warning = (text: string): HTMLElement =>
  h(
    'div',
    { class: 'nhsuk-warning-callout' },
    h(
      'h3',
      { class: 'nhsuk-warning-callout__label' },
      h('span', { role: 'text' }, h('span', { class: 'nhsuk-u-visually-hidden' }, 'Important: '), 'Important'),
    ),
    h('p', {}, text),
  );

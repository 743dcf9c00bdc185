import { getJson } from '../shared/api.js';

interface Page {
  readonly items: ReadonlyArray<{ odsCode: string; name: string; status: string }>;
  readonly nextCursor: string | null;
}

/** Pages of GET /practices read for a name search; the national register is about 8 pages. */
const MAX_PAGES = 20;
const MAX_MATCHES = 50;

/**
 * Practices (open or closed on the date) whose name contains the text. The API has no name filter, so the list is
 * read a page of 1,000 at a time and matched here.
 */
export async function searchPractices(text: string, asOf: string) {
  const needle = text.toLocaleLowerCase('en-GB');
  const matches: Page['items'][number][] = [];
  let searched = 0;
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer: Page = await getJson<Page>('/practices', { asOf, status: 'all', limit: '1000', cursor });
    searched += answer.items.length;
    matches.push(...answer.items.filter((p) => p.name.toLocaleLowerCase('en-GB').includes(needle)));
    cursor = answer.nextCursor;
    if (!cursor || matches.length >= MAX_MATCHES) break;
  }
  return { matches: matches.slice(0, MAX_MATCHES), searched };
}

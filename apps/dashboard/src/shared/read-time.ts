import { isDate, isInstant } from './format.js';

/** The page's state lives in its URL, so every view can be bookmarked and sent to a colleague. */
export const urlParams = (): URLSearchParams => new URLSearchParams(location.search);

export function dateParam(name: string, fallback: string): string {
  const value = urlParams().get(name) ?? '';
  return isDate(value) ? value : fallback;
}

export function instantParam(name: string): string {
  const value = urlParams().get(name) ?? '';
  return isInstant(value) ? value : '';
}

/** Sets (or, for empty values, removes) URL parameters, as a new history entry unless `replace`. */
export function setUrlParams(values: Record<string, string | readonly string[]>, replace = false): void {
  const params = urlParams();
  for (const [name, value] of Object.entries(values)) {
    params.delete(name);
    for (const one of typeof value === 'string' ? [value] : value) if (one) params.append(name, one);
  }
  const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}

/** "Known at" as typed: an ISO instant, or a date meaning the end of that day (UTC); empty for now. */
export function knownAtFromInput(value: string): string | null {
  const text = value.trim();
  if (text === '') return '';
  if (isDate(text)) return `${text}T23:59:59.999Z`;
  return isInstant(text) ? new Date(text).toISOString() : null;
}

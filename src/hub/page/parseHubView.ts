/**
 * The board's view state from the query of the page's address (`?q=edge&area=home&nodes.page=2`),
 * so a filtered or paged board is a plain link that works without JavaScript. Bad values fall back
 * to the first page; the filter is cut to 200 characters.
 */
import type { HubView } from './pageTypes.js';

export function parseHubView(query: string | URLSearchParams = ''): HubView {
  const params = typeof query === 'string' ? new URLSearchParams(query.startsWith('?') ? query.slice(1) : query) : query;
  const pages: Record<string, number> = {};
  for (const [key, value] of params) {
    const m = /^([a-z][a-z0-9_-]*)\.page$/.exec(key);
    const n = Number(value);
    if (m && Number.isInteger(n) && n >= 1 && n <= 1_000_000) pages[m[1]!] = n;
  }
  const text = (name: string): string | null => {
    const v = params.get(name);
    return v === null || v.trim() === '' ? null : v.trim().slice(0, 200);
  };
  return { q: text('q') ?? '', area: text('area'), workplan: text('workplan'), pages, params };
}

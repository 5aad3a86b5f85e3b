/**
 * The fleet's summary first: the record counts and the nodes by mode, as a row of figures.
 * Takes `{counts, nodes: {byMode}}` (status --format json) or a flat `{node: 16, ...}` object.
 */
import { escapeHtml } from './escapeHtml.js';
import { modeBadge } from './modeBadge.js';

function numbers(o: unknown): Array<[string, number]> {
  if (typeof o !== 'object' || o === null) return [];
  return Object.entries(o).filter((e): e is [string, number] => typeof e[1] === 'number');
}

export function renderFleetSection(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  const counts = numbers(d.counts ?? d);
  const nodes = (d.nodes ?? {}) as Record<string, unknown>;
  const byMode = numbers(d.byMode ?? nodes.byMode);
  if (counts.length === 0 && byMode.length === 0) return null;
  const figures = counts.map(([k, n]) => `<li><span class="figure">${n}</span> ${escapeHtml(k)}${n === 1 ? '' : 's'}</li>`).join('');
  const modes = byMode.map(([m, n]) => `<li>${modeBadge(m, n)}</li>`).join('');
  return `<ul class="figures">${figures}</ul>${modes ? `<ul class="modes" aria-label="nodes by mode">${modes}</ul>` : ''}`;
}

/**
 * A node mode as a badge: a shape and the word as well as the colour (never colour alone):
 * ● ACTIVE, ▲ DEGRADED, ○ DISABLED, ◌ PLANNED, ? anything else.
 */
import { escapeHtml } from './escapeHtml.js';

const SHAPES: Record<string, string> = { ACTIVE: '●', DEGRADED: '▲', DISABLED: '○', PLANNED: '◌' };

export function modeBadge(mode: string | undefined, count?: number): string {
  const m = mode && /^[A-Z]+$/.test(mode) ? mode : 'UNKNOWN';
  const cls = SHAPES[m] ? m.toLowerCase() : 'unknown';
  const n = count === undefined ? '' : ` <span class="n">${count}</span>`;
  return `<span class="mode mode-${cls}"><span aria-hidden="true">${SHAPES[m] ?? '?'}</span> ${escapeHtml(m)}${n}</span>`;
}

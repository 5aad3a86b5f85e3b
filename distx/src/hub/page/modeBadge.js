/**
 * A node mode as a badge: a shape and the word as well as the colour (never colour alone):
 * ● ACTIVE, ▲ DEGRADED, ○ DISABLED, ◌ PLANNED, ? anything else.
 */
import { escapeHtml } from './escapeHtml.js';
const SHAPES = { ACTIVE: '●', DEGRADED: '▲', DISABLED: '○', PLANNED: '◌' };
export function modeBadge(mode, count) {
    const m = mode && /^[A-Z]+$/.test(mode) ? mode : 'UNKNOWN';
    const cls = SHAPES[m] ? m.toLowerCase() : 'unknown';
    const n = count === undefined ? '' : ` <span class="n">${count}</span>`;
    return `<span class="mode mode-${cls}"><span aria-hidden="true">${SHAPES[m] ?? '?'}</span> ${escapeHtml(m)}${n}</span>`;
}
//# sourceMappingURL=modeBadge.js.map
/**
 * The fleet's summary first: records by kind, nodes by mode (and how many are stale), tasks by
 * state, findings by severity. Takes the hub's `fleet` section (`{counts, nodes: {byMode, stale},
 * tasks, findings}`) or a flat `{node: 16, ...}` object.
 */
import { escapeHtml } from './escapeHtml.js';
import { modeBadge } from './modeBadge.js';
function numbers(o) {
    if (typeof o !== 'object' || o === null)
        return [];
    return Object.entries(o).filter((e) => typeof e[1] === 'number');
}
function chips(pairs, label) {
    return pairs.length === 0 ? '' : `<p class="chips-label">${label}</p><ul class="chips" aria-label="${label}">${pairs.map(([k, n]) => `<li class="${escapeHtml(`k-${k}`)}">${escapeHtml(k)} <span class="n">${n}</span></li>`).join('')}</ul>`;
}
export function renderFleetSection(data) {
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        return null;
    const d = data;
    const counts = numbers(d.counts ?? d);
    const nodes = (typeof d.nodes === 'object' && d.nodes !== null ? d.nodes : {});
    const byMode = numbers(d.byMode ?? nodes.byMode);
    if (counts.length === 0 && byMode.length === 0)
        return null;
    const figures = counts.map(([k, n]) => `<li><span class="figure">${n.toLocaleString('en-US')}</span> ${escapeHtml(n === 1 ? k : k.endsWith('y') ? `${k.slice(0, -1)}ies` : `${k}s`)}</li>`).join('');
    const stale = typeof nodes.stale === 'number' && nodes.stale > 0 ? `<li><span class="stale">⚠ stale <span class="n">${nodes.stale}</span></span></li>` : '';
    const modes = byMode.map(([m, n]) => `<li>${modeBadge(m, n)}</li>`).join('') + stale;
    const findings = numbers(d.findings);
    return `<ul class="figures">${figures}</ul>${modes ? `<p class="chips-label">Nodes by mode</p><ul class="modes" aria-label="nodes by mode">${modes}</ul>` : ''}${chips(numbers(d.tasks), 'Tasks by state')}${chips(findings, 'Findings')}`;
}
//# sourceMappingURL=renderFleetSection.js.map
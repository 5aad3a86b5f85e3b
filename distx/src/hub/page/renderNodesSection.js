/**
 * The nodes: counts by mode first, a filter box (a GET form, so it works without the script), then
 * the nodes grouped by area. A small fleet shows every row; past SMALL_FLEET nodes the page shows
 * one line per area with its counts by mode, the nodes that need attention (DEGRADED, UNKNOWN,
 * stale), and the rows of one area or of the filter's matches a page at a time — never every row.
 * Each row: the mode (shape, word, colour), declared vs observed, since, last verified, stale.
 */
import { formatAge } from '../../report/formatAge.js';
import { escapeHtml } from './escapeHtml.js';
import { formatTime } from './formatTime.js';
import { modeBadge } from './modeBadge.js';
import { nodeList } from './nodeList.js';
import { pageOf } from './pageOf.js';
import { pendingMark } from './pendingMark.js';
import { viewLink } from './viewLink.js';
const SMALL_FLEET = 200;
const PAGE = 100;
const ATTENTION = 20;
const MODES = ['ACTIVE', 'DEGRADED', 'UNKNOWN', 'DISABLED', 'PLANNED'];
function isStale(n) {
    return n.stale !== null && n.stale !== undefined && n.stale !== false;
}
function modeOf(n) {
    return n.mode && MODES.includes(n.mode) ? n.mode : 'UNKNOWN';
}
function matches(n, q) {
    const hay = [n.id, n.mode, n.declared, n.area, n.site, n.role, ...(n.reasons ?? []), n.reason, isStale(n) ? 'stale' : ''].join(' ').toLowerCase();
    return q.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}
function observed(n) {
    const declared = n.declared ?? '—';
    const mode = modeOf(n);
    const agrees = (declared === 'enabled' && mode === 'ACTIVE') || (declared === 'disabled' && mode === 'DISABLED') || (declared === 'planned' && mode === 'PLANNED');
    return `${escapeHtml(declared)}${agrees ? '' : ' <span class="differs" title="observed differs from declared">≠ observed</span>'}`;
}
function staleText(n) {
    if (!isStale(n))
        return '';
    const s = (typeof n.stale === 'object' && n.stale !== null ? n.stale : {});
    const age = typeof s.age_s === 'number' ? ` ${formatAge(Math.round(s.age_s))}` : '';
    const title = typeof s.observed_at === 'string' ? `last observed ${s.observed_at}` : 'observations older than the staleness limit';
    return ` <span class="stale" title="${escapeHtml(title)}">⚠ stale${escapeHtml(age)}</span>`;
}
function row(n) {
    const reasons = (n.reasons ?? (n.reason ? [n.reason] : [])).join('; ');
    return `<tr data-node="${escapeHtml(n.id)}" data-mode="${escapeHtml(modeOf(n))}"><th scope="row">${escapeHtml(n.id)}${pendingMark(n.pending)}</th><td data-label="Mode">${modeBadge(modeOf(n))}${staleText(n)}</td><td data-label="Declared">${observed(n)}</td><td data-label="Since">${formatTime(n.since)}</td><td data-label="Last verified">${formatTime(n.last_verified)}</td><td data-label="Role">${escapeHtml(n.role ?? '')}${Array.isArray(n.services) && n.services.length > 0 ? ` <span class="title">· ${n.services.length} workload${n.services.length === 1 ? '' : 's'}</span>` : ''}</td><td class="reason" data-label="Reason">${escapeHtml(reasons)}</td></tr>`;
}
function table(nodes, caption, hideCaption = false) {
    const head = '<tr><th scope="col">Node</th><th scope="col">Mode</th><th scope="col">Declared</th><th scope="col">Since</th><th scope="col">Last verified</th><th scope="col">Role</th><th scope="col">Reason</th></tr>';
    return `<div class="scroll"><table class="nodes stack"><caption${hideCaption ? ' class="visually-hidden"' : ''}>${caption}</caption><thead>${head}</thead><tbody>${nodes.map(row).join('')}</tbody></table></div>`;
}
function countsByMode(nodes) {
    const counts = new Map();
    for (const n of nodes)
        counts.set(modeOf(n), (counts.get(modeOf(n)) ?? 0) + 1);
    const stale = nodes.filter(isStale).length;
    const items = MODES.filter((m) => counts.has(m)).map((m) => `<li>${modeBadge(m, counts.get(m))}</li>`);
    if (stale > 0)
        items.push(`<li><span class="stale">⚠ stale <span class="n">${stale}</span></span></li>`);
    return `<ul class="modes" aria-label="nodes by mode">${items.join('')}</ul>`;
}
function byArea(nodes) {
    const areas = new Map();
    for (const n of nodes) {
        const a = n.area ?? '(no area)';
        if (!areas.has(a))
            areas.set(a, []);
        areas.get(a).push(n);
    }
    return new Map([...areas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
function filterForm(view, total) {
    const keep = view.area ? `<input type="hidden" name="area" value="${escapeHtml(view.area)}">` : '';
    return `<form class="filter" method="get" action="/#nodes" role="search" data-filter="nodes"><label for="node-filter">Filter ${total} nodes</label> <input id="node-filter" name="q" type="search" value="${escapeHtml(view.q)}" placeholder="id, area, role, mode, stale" autocomplete="off">${keep} <button type="submit">Filter</button>${view.q || view.area ? ` ${viewLink(view, { q: null, area: null, 'nodes.page': null }, 'nodes', 'Clear')}` : ''}</form>`;
}
function areaSummary(areas, view) {
    const head = `<tr><th scope="col">Area</th><th scope="col">Nodes</th>${MODES.map((m) => `<th scope="col">${modeBadge(m)}</th>`).join('')}<th scope="col"><span class="visually-hidden">Show</span></th></tr>`;
    const rows = [...areas].map(([area, ns]) => {
        const counts = MODES.map((m) => `<td>${ns.filter((n) => modeOf(n) === m).length || ''}</td>`).join('');
        const show = viewLink(view, { area, q: null, 'nodes.page': null }, 'nodes', `Show <span class="visually-hidden">${escapeHtml(area)}</span>`);
        return `<tr><th scope="row">${escapeHtml(area)}</th><td>${ns.length}</td>${counts}<td>${show}</td></tr>`;
    });
    return `<div class="scroll"><table class="areas"><caption>Nodes by area</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}
export function renderNodesSection(data, view) {
    const nodes = nodeList(data);
    if (!nodes)
        return null;
    const parts = [countsByMode(nodes), filterForm(view, nodes.length)];
    const scoped = view.area ? nodes.filter((n) => (n.area ?? '(no area)') === view.area) : nodes;
    const shown = view.q ? scoped.filter((n) => matches(n, view.q)) : scoped;
    if (view.q || view.area) {
        const what = [view.area ? `area ${escapeHtml(view.area)}` : '', view.q ? `matching “${escapeHtml(view.q)}”` : ''].filter(Boolean).join(', ');
        const { items, nav } = pageOf(shown, view, 'nodes', PAGE);
        parts.push(shown.length === 0 ? `<p class="none">No node ${what}.</p>` : `${table(items, `${shown.length} nodes: ${what}`)}${nav}`);
        return parts.join('');
    }
    const areas = byArea(nodes);
    if (nodes.length <= SMALL_FLEET) {
        for (const [area, ns] of areas)
            parts.push(`<details class="area" id="area-${escapeHtml(area)}" open><summary>${escapeHtml(area)} <span class="n">${ns.length}</span></summary>${table(ns, `${escapeHtml(area)}: ${ns.length} nodes`, true)}</details>`);
        return parts.join('');
    }
    parts.push(areaSummary(areas, view));
    const attention = nodes.filter((n) => modeOf(n) === 'DEGRADED' || modeOf(n) === 'UNKNOWN' || isStale(n));
    if (attention.length > 0) {
        const more = attention.length > ATTENTION ? ` (first ${ATTENTION}; ${viewLink(view, { q: 'DEGRADED' }, 'nodes', 'filter DEGRADED')})` : '';
        parts.push(table(attention.slice(0, ATTENTION), `Needs attention: ${attention.length} nodes${more}`));
    }
    return parts.join('');
}
//# sourceMappingURL=renderNodesSection.js.map
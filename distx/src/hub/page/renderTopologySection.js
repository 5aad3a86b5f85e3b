/**
 * The topology as an SVG graph drawn on the server (no script needed): one row per area, a box
 * per node (mode as class, word and shape), and each tunnel drawn hop by hop along its `via` path;
 * critical tunnels thick and solid, the others thin and dashed. Big fleets draw only the nodes on a
 * drawn tunnel path (at most MAX_NODES, MAX_EDGES tunnels, critical first) and say so; a table
 * under the graph lists every drawn tunnel's path in words.
 */
import { escapeHtml } from './escapeHtml.js';
import { modeBadge } from './modeBadge.js';
import { nodeList } from './nodeList.js';
import { pageOf } from './pageOf.js';
import { pendingMark } from './pendingMark.js';
const MAX_NODES = 40;
const MAX_EDGES = 20;
const BOX_W = 150;
const BOX_H = 30;
const GAP_X = 30;
const ROW_H = 70;
const LABEL_W = 120;
const PER_ROW = 6;
const SHAPES = { ACTIVE: '●', DEGRADED: '▲', DISABLED: '○', PLANNED: '◌' };
function edgesOf(data) {
    const raw = Array.isArray(data.edges) ? data.edges : [];
    return raw.filter((e) => typeof e === 'object' && e !== null && typeof e.from === 'string' && typeof e.to === 'string');
}
function path(e) {
    return Array.isArray(e.via) && e.via.length >= 2 ? e.via : [e.from, e.to];
}
export function renderTopologySection(data, view) {
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        return null;
    const d = data;
    const nodes = nodeList(d.nodes);
    if (!nodes)
        return null;
    const allEdges = edgesOf(d);
    const edges = [...allEdges].sort((a, b) => Number(b.critical === true) - Number(a.critical === true)).slice(0, MAX_EDGES);
    const onPath = new Set(edges.flatMap(path));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const drawnIds = (nodes.length <= MAX_NODES ? nodes.map((n) => n.id) : [...onPath].filter((id) => byId.has(id))).slice(0, MAX_NODES);
    for (const id of onPath)
        if (!byId.has(id) && drawnIds.length < MAX_NODES)
            drawnIds.push(id);
    const drawn = new Set(drawnIds);
    const rows = new Map();
    for (const id of drawnIds) {
        const area = byId.get(id)?.area ?? '(not in registry)';
        if (!rows.has(area))
            rows.set(area, []);
        rows.get(area).push(id);
    }
    const lines = [];
    for (const [area, ids] of [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        for (let i = 0; i < ids.length; i += PER_ROW)
            lines.push([i === 0 ? area : '', ids.slice(i, i + PER_ROW)]);
    }
    const pos = new Map();
    lines.forEach(([, ids], r) => ids.forEach((id, c) => pos.set(id, { x: LABEL_W + c * (BOX_W + GAP_X), y: 20 + r * ROW_H })));
    const width = LABEL_W + Math.min(PER_ROW, Math.max(1, ...lines.map(([, ids]) => ids.length))) * (BOX_W + GAP_X);
    const height = 20 + lines.length * ROW_H;
    // One curve per hop (a → b) however many tunnels cross it: critical when any of them is, its
    // count beside it, the tunnels' names in its tooltip.
    const hopsDrawn = new Map();
    for (const e of edges) {
        const hops = path(e).filter((id) => drawn.has(id));
        for (let i = 1; i < hops.length; i++) {
            const key = `${hops[i - 1]}\u0000${hops[i]}`;
            const h = hopsDrawn.get(key) ?? { a: hops[i - 1], b: hops[i], critical: false, pending: false, names: [] };
            h.critical ||= e.critical === true;
            h.pending ||= e.pending === true;
            h.names.push(e.workload ?? e.id ?? `${e.from} → ${e.to}`);
            hopsDrawn.set(key, h);
        }
    }
    const svgEdges = [];
    let k = 0;
    for (const h of hopsDrawn.values()) {
        const a = pos.get(h.a);
        const b = pos.get(h.b);
        const [x1, y1, x2, y2] = [a.x + BOX_W / 2, a.y + BOX_H / 2, b.x + BOX_W / 2, b.y + BOX_H / 2];
        const bend = 18 + (k++ % 4) * 12;
        const cx = (x1 + x2) / 2 + (y1 === y2 ? 0 : bend);
        const cy = (y1 + y2) / 2 - (y1 === y2 ? bend + BOX_H / 2 : 0);
        const cls = `edge${h.critical ? ' critical' : ''}${h.pending ? ' pending' : ''}`;
        const count = h.names.length > 1 ? `<text class="edge-count" x="${(x1 + 2 * cx + x2) / 4 + 4}" y="${(y1 + 2 * cy + y2) / 4}">×${h.names.length}</text>` : '';
        svgEdges.push(`<g class="${cls}"><title>${escapeHtml(`${h.a} → ${h.b}${h.critical ? ' (critical)' : ''}: ${h.names.join(', ')}`)}</title><path d="M${x1} ${y1} Q${cx} ${cy} ${x2} ${y2}" marker-end="url(#arrow)"/>${count}</g>`);
    }
    const svgNodes = drawnIds.map((id) => {
        const n = byId.get(id);
        const mode = n?.mode && SHAPES[n.mode] ? n.mode : 'UNKNOWN';
        const p = pos.get(id);
        const label = `${SHAPES[mode] ?? '?'} ${id.length > 16 ? `${id.slice(0, 15)}…` : id}`;
        return `<g class="node mode-${mode.toLowerCase()}" data-node="${escapeHtml(id)}"><title>${escapeHtml(`${id}: ${n ? mode : 'not in the registry'}`)}</title><rect x="${p.x}" y="${p.y}" width="${BOX_W}" height="${BOX_H}" rx="6"/><text x="${p.x + 8}" y="${p.y + 19}">${escapeHtml(label)}</text></g>`;
    });
    const labels = lines.map(([area], r) => (area ? `<text class="area-label" x="4" y="${20 + r * ROW_H + 19}">${escapeHtml(area.length > 14 ? `${area.slice(0, 13)}…` : area)}</text>` : ''));
    const svg = `<svg class="topology" role="img" aria-labelledby="topology-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title id="topology-title">Topology: ${drawnIds.length} nodes, ${edges.length} tunnels</title><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path class="arrow" d="M0 0L10 5L0 10z"/></marker></defs>${labels.join('')}${svgEdges.join('')}${svgNodes.join('')}</svg>`;
    const notes = [];
    if (drawnIds.length < nodes.length)
        notes.push(`${nodes.length - drawnIds.length} of ${nodes.length} nodes are on no drawn tunnel path and are not drawn (the Nodes section lists every node).`);
    if (edges.length < allEdges.length)
        notes.push(`${allEdges.length - edges.length} of ${allEdges.length} tunnels are not drawn (at most ${MAX_EDGES}, critical first).`);
    const legend = `<p class="legend">${['ACTIVE', 'DEGRADED', 'DISABLED', 'PLANNED', 'UNKNOWN'].map((m) => modeBadge(m)).join(' ')} <span class="key-critical">━ critical tunnel</span> <span class="key-edge">┄ tunnel</span></p>`;
    const tunnels = pageOf(edges, view, 'topology', 10);
    const list = edges.length === 0 ? '<p class="none">No tunnels declared.</p>' : `<details id="tunnel-list"><summary>Tunnels drawn (${edges.length})</summary><div class="scroll"><table><thead><tr><th scope="col">Tunnel</th><th scope="col">Path</th><th scope="col">Critical</th></tr></thead><tbody>${tunnels.items.map((e) => `<tr><th scope="row">${escapeHtml(e.workload ?? e.id ?? `${e.from} → ${e.to}`)}${pendingMark(e.pending)}</th><td>${escapeHtml(path(e).join(' → '))}</td><td>${e.critical ? '<strong class="critical-text">critical</strong>' : 'no'}</td></tr>`).join('')}</tbody></table></div>${tunnels.nav}</details>`;
    return `${legend}<div class="scroll graph">${svg}</div>${notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}${list}`;
}
//# sourceMappingURL=renderTopologySection.js.map
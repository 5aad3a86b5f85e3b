import { markdownCell } from './markdownCell.js';
import { mermaidIds, mermaidText } from './mermaid.js';
import { sortedBoardInput } from './sortedBoardInput.js';
const MAX_NODES = 200;
const MAX_HOPS = 400;
const MODE_CLASSES = [
    ['ACTIVE', 'active', 'fill:#d8f3dc,stroke:#2d6a4f,color:#1b4332'],
    ['DEGRADED', 'degraded', 'fill:#ffd8a8,stroke:#d9480f,color:#7f2704,stroke-width:3px'],
    ['DISABLED', 'disabled', 'fill:#e9ecef,stroke:#868e96,color:#495057'],
    ['PLANNED', 'planned', 'fill:#e7f5ff,stroke:#1971c2,color:#0b3d91,stroke-dasharray:5 5'],
    ['UNKNOWN', 'unknown', 'fill:#ffffff,stroke:#495057,color:#212529'],
];
export function meshSection(input) {
    const { nodes, workloads } = sortedBoardInput(input);
    const modeOf = new Map(nodes.map((n) => [n.id, n.state.mode]));
    const tunnels = workloads.filter((w) => w.via.length >= 2);
    const drawn = pickTunnels(tunnels);
    const onPath = new Set(drawn.flatMap((t) => t.via));
    const declared = nodes.length <= MAX_NODES ? nodes.map((n) => n.id) : nodes.map((n) => n.id).filter((id) => onPath.has(id));
    const missing = [...onPath].filter((id) => !modeOf.has(id)).sort(cmp);
    const ids = mermaidIds([...declared, ...missing].map((id) => [id, `n_${id}`]));
    const lines = ['## Mesh', '', '```mermaid', 'flowchart LR'];
    for (const [, cls, style] of MODE_CLASSES)
        lines.push(`  classDef ${cls} ${style};`);
    for (const id of declared)
        lines.push(`  ${ids.get(id)}["${mermaidText(`${id} · ${modeOf.get(id)}`)}"]`);
    for (const id of missing)
        lines.push(`  ${ids.get(id)}["${mermaidText(`${id} · not in registry`)}"]`);
    for (const t of drawn) {
        const arrow = t.critical ? '==>' : '-->';
        for (let i = 1; i < t.via.length; i++) {
            lines.push(`  ${ids.get(t.via[i - 1])} ${arrow}|${mermaidText(t.id)}| ${ids.get(t.via[i])}`);
        }
    }
    for (const [mode, cls] of MODE_CLASSES) {
        const members = [...declared.filter((id) => modeOf.get(id) === mode), ...(mode === 'UNKNOWN' ? missing : [])];
        if (members.length > 0)
            lines.push(`  class ${members.map((id) => ids.get(id)).join(',')} ${cls};`);
    }
    lines.push('```', '');
    lines.push('Green ACTIVE, orange DEGRADED, grey DISABLED, dashed blue PLANNED, white UNKNOWN. Edges are tunnels along their `via` path; thick edges (`==>`) are critical tunnels.');
    const notes = [];
    if (declared.length < nodes.length)
        notes.push(`${nodes.length - declared.length} of ${nodes.length} nodes are on no drawn tunnel path and are not drawn (see Planned topology).`);
    if (drawn.length < tunnels.length)
        notes.push(`${tunnels.length - drawn.length} of ${tunnels.length} tunnels are not drawn (the diagram keeps at most ${MAX_HOPS} hops, critical tunnels first).`);
    if (missing.length > 0)
        notes.push(`Tunnel paths cross nodes that are not in the registry: ${missing.map(markdownCell).join(', ')}.`);
    if (tunnels.length === 0)
        notes.push('No tunnels are declared.');
    if (notes.length > 0)
        lines.push('', ...notes.map((n) => `- ${n}`));
    return lines.join('\n');
}
/** Tunnels to draw, in id order: all of them, or as many as fit in MAX_HOPS, critical ones first. */
function pickTunnels(tunnels) {
    const hops = tunnels.reduce((n, t) => n + t.via.length - 1, 0);
    if (hops <= MAX_HOPS)
        return tunnels;
    const kept = [];
    let used = 0;
    for (const t of [...tunnels.filter((t) => t.critical), ...tunnels.filter((t) => !t.critical)]) {
        if (used + t.via.length - 1 > MAX_HOPS)
            continue;
        kept.push(t);
        used += t.via.length - 1;
    }
    return kept.sort((a, b) => cmp(a.id, b.id));
}
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
//# sourceMappingURL=meshSection.js.map
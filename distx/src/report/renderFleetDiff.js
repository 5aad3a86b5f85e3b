import { findingRecord } from '../records/findingRecord.js';
import { codeCell as cell } from './codeCell.js';
import { formatFindings } from './formatFindings.js';
import { markdownCell } from './markdownCell.js';
import { mermaidIds, mermaidText } from './mermaid.js';
import { showFieldValue as show } from './showFieldValue.js';
import { PLAIN } from './style.js';
export const DIFF_MARKER = '<!-- fleethub-diff -->';
/** `[markup] MERMAID_MAX_SOURCE_CHARACTERS` as Forgejo and Gitea long defaulted it (go-gitea/gitea#16519; raised to 50,000 by go-gitea/gitea#34152 in 2025, but instances keep older settings). */
export const MERMAID_MAX_SOURCE = 5000;
export function renderFleetDiff(review, format, style = PLAIN) {
    const range = `${review.range.fromRevision}..${review.range.toRevision} (${review.range.from.slice(0, 12)}..${review.range.to.slice(0, 12)})`;
    const counts = ['added', 'removed', 'renamed', 'changed'].map((c) => [c, review.records.filter((r) => r.change === c).length]).filter(([, n]) => n > 0);
    const summary = review.records.length === 0 ? 'no difference in the fleet’s records' : counts.map(([c, n]) => `${n} ${c}`).join(', ');
    return format === 'md' ? markdown(review, range, summary) : text(review, range, summary, style);
}
function impactLine(review) {
    if (!review.impact)
        return 'impact not evaluated (--records-only)';
    const { introduced, resolved } = review.impact;
    const sev = (fs) => {
        const e = fs.filter((f) => f.severity === 'error').length;
        return fs.length === 0 ? '' : ` (${e} error${e === 1 ? '' : 's'}, ${fs.length - e} warning${fs.length - e === 1 ? '' : 's'})`;
    };
    return `introduces ${introduced.length} finding${introduced.length === 1 ? '' : 's'}${sev(introduced)}, resolves ${resolved.length}${sev(resolved)}`;
}
function text(review, range, summary, style) {
    const parts = [`fleet diff ${range}: ${summary}; ${impactLine(review)}`];
    if (review.impact && review.impact.introduced.length > 0)
        parts.push(['introduced:', ...formatFindings(review.impact.introduced, style).map(indent)].join('\n'));
    if (review.impact && review.impact.resolved.length > 0)
        parts.push(['resolved:', ...formatFindings(review.impact.resolved, style).map(indent)].join('\n'));
    for (const r of review.records) {
        const lines = [`${r.change} ${r.kind} ${r.fromId ? `${r.fromId} → ${r.id}` : r.id} (${place(r)})`];
        for (const f of r.fields)
            lines.push(`  ${f.path || '/'}: ${show(f, 'old')} → ${show(f, 'new')}`);
        for (const p of r.problems ?? [])
            lines.push(`  unreadable ${p}`);
        parts.push(lines.join('\n'));
    }
    return parts.join('\n\n');
}
const indent = (block) => block.split('\n').map((l) => `  ${l}`).join('\n');
function markdown(review, range, summary) {
    const parts = [`${DIFF_MARKER}\n**fleethub diff** \`${range}\`: ${summary}; ${impactLine(review)}`];
    if (review.impact) {
        for (const [title, list] of [['Introduced findings', review.impact.introduced], ['Resolved findings', review.impact.resolved]]) {
            if (list.length === 0)
                continue;
            const rows = ['| severity | code | record | where | message |', '| --- | --- | --- | --- | --- |'];
            for (const f of list.slice(0, MD_MAX_ROWS))
                rows.push(`| ${f.severity} | ${cell(f.code, true)} | ${cell(findingRecord(f), true)} | ${cell(`${f.file}:${f.line}:${f.col}`, true)} | ${markdownCell(f.message)} |`);
            parts.push(`### ${title} (${list.length})\n\n${rows.join('\n')}${more(list.length)}`);
        }
    }
    const kinds = [...new Set(review.records.map((r) => r.kind))];
    for (const kind of kinds) {
        const records = review.records.filter((r) => r.kind === kind);
        const rows = ['| record | change | field | old | new |', '| --- | --- | --- | --- | --- |'];
        for (const r of records) {
            const name = cell(r.fromId ? `${r.fromId} → ${r.id}` : r.id, true);
            const change = r.change === 'renamed' ? `renamed from ${cell(r.from, true)}` : r.change;
            const fields = r.fields.map((f) => [cell(f.path || '/', true), cell(show(f, 'old'), true), cell(show(f, 'new'), true)]);
            for (const p of r.problems ?? [])
                fields.push(['', cell(`unreadable ${p}`, false), '']);
            if (fields.length === 0)
                fields.push(['', '', '']);
            fields.forEach(([path, old, nu], i) => rows.push(`| ${i === 0 ? name : ''} | ${i === 0 ? change : ''} | ${path} | ${old} | ${nu} |`));
        }
        const shown = rows.slice(0, MD_MAX_ROWS + 2);
        parts.push(`### ${kind} (${records.length})\n\n${shown.join('\n')}${more(rows.length - 2, 'rows')}`);
    }
    if (review.impact && review.impact.topology.nodes.length > 0)
        parts.push(topology(review.impact.topology));
    return parts.join('\n\n');
}
/** Rows per table in md: a pull request comment stays readable (and within the forge's comment size); the JSON has everything. */
export const MD_MAX_ROWS = 50;
const more = (n, what = 'findings') => (n > MD_MAX_ROWS ? `\n\n… and ${n - MD_MAX_ROWS} more ${what} (\`fleethub diff --format json\` lists them all)` : '');
const CLASSES = [
    ['added', 'fill:#e6ffed,stroke:#2da44e'],
    ['removed', 'fill:#ffebe9,stroke:#cf222e,stroke-dasharray:4 2'],
    ['changed', 'fill:#fff8c5,stroke:#bf8700'],
    ['renamed', 'fill:#fff8c5,stroke:#bf8700'],
];
/** The touched topology as a Mermaid graph; a table when the graph would pass the size limit. */
function topology(t) {
    const ids = mermaidIds(t.nodes.map((n) => [n.id, `n_${n.id}`]));
    const lines = ['```mermaid', 'flowchart LR'];
    for (const [cls, style] of CLASSES)
        if (t.nodes.some((n) => n.change === cls))
            lines.push(`  classDef ${cls} ${style};`);
    for (const n of t.nodes)
        lines.push(`  ${ids.get(n.id)}["${mermaidText(`${n.id}${n.role ? ` · ${n.role}` : ''}${n.change ? ` · ${n.change}` : ''}`)}"]${n.change ? `:::${n.change}` : ''}`);
    for (const tunnel of t.tunnels) {
        const hops = (path) => path.slice(1).map((b, i) => `${path[i]}\u0000${b}`);
        const now = new Set(hops(tunnel.after));
        for (const h of hops(tunnel.after)) {
            const [a, b] = h.split('\u0000');
            lines.push(`  ${ids.get(a)} -->|${mermaidText(tunnel.change ? `${tunnel.id} · ${tunnel.change}` : tunnel.id)}| ${ids.get(b)}`);
        }
        for (const h of hops(tunnel.before).filter((x) => !now.has(x))) {
            const [a, b] = h.split('\u0000');
            lines.push(`  ${ids.get(a)} -.->|${mermaidText(`${tunnel.id} · before`)}| ${ids.get(b)}`);
        }
    }
    lines.push('```');
    const graph = lines.slice(1, -1).join('\n');
    if (graph.length <= MERMAID_MAX_SOURCE)
        return `### Topology touched\n\n${lines.join('\n')}`;
    const nodeRows = ['| node | role | change |', '| --- | --- | --- |', ...t.nodes.slice(0, MD_MAX_ROWS).map((n) => `| ${cell(n.id, true)} | ${markdownCell(n.role)} | ${n.change ?? 'neighbour'} |`)];
    const tunnelRows = ['| tunnel | change | path before | path after |', '| --- | --- | --- | --- |', ...t.tunnels.slice(0, MD_MAX_ROWS).map((x) => `| ${cell(x.id, true)} | ${x.change ?? 'neighbour'} | ${markdownCell(x.before.join(' → '))} | ${markdownCell(x.after.join(' → '))} |`)];
    return `### Topology touched\n\nThe graph (${graph.length} characters) would pass Forgejo's Mermaid limit of ${MERMAID_MAX_SOURCE}; as tables:\n\n${nodeRows.join('\n')}${more(t.nodes.length, 'nodes')}${t.tunnels.length > 0 ? `\n\n${tunnelRows.join('\n')}${more(t.tunnels.length, 'tunnels')}` : ''}`;
}
const place = (r) => (r.from && r.to && r.from !== r.to ? `${r.from} → ${r.to}` : (r.to ?? r.from));
//# sourceMappingURL=renderFleetDiff.js.map
/**
 * A workplan's sequencing as a Mermaid `flowchart TD` (Forgejo renders Mermaid):
 * one node per task, labelled `T04 Forge and CI on rai…` and coloured by its
 * readiness, an edge from each dependency to the task that waits for it (thick
 * along the critical path). A dependency in another workplan is drawn as a node
 * labelled with that workplan's task key; an unknown one as `… · unknown`.
 * Pure and deterministic; colours are one `class` line per readiness, never a
 * style line per node. Past MAX_TASKS only the open tasks are drawn, and past
 * that only the first MAX_TASKS of them, with a note.
 */
import { mermaidIds, mermaidText } from './mermaid.js';
export const MAX_DIAGRAM_TASKS = 150;
const TITLE_CHARS = 24;
const CLASSES = [
    ['done', 'fill:#d8f3dc,stroke:#2d6a4f,color:#1b4332'],
    ['doing', 'fill:#d0ebff,stroke:#1971c2,color:#0b3d91'],
    ['ready', 'fill:#fff3bf,stroke:#e67700,color:#5c3c00,stroke-width:3px'],
    ['waiting', 'fill:#ffffff,stroke:#495057,color:#212529'],
    ['blocked', 'fill:#ffe3e3,stroke:#c92a2a,color:#7f1d1d,stroke-width:3px'],
    ['cancelled', 'fill:#e9ecef,stroke:#868e96,color:#495057,stroke-dasharray:5 5'],
    ['unknown', 'fill:#ffffff,stroke:#c92a2a,color:#7f1d1d,stroke-dasharray:5 5'],
];
export const SEQUENCING_LEGEND = 'Green done, blue doing, yellow ready, white waiting, red blocked, dashed grey cancelled; an arrow runs from a dependency to the task that waits for it, thick (`==>`) along the critical path.';
export function sequencingDiagram(wp, graph, ready) {
    const stateOf = (k) => ready.tasks.get(k)?.readiness ?? 'unknown';
    let drawn = wp.tasks;
    let note = null;
    if (drawn.length > MAX_DIAGRAM_TASKS) {
        const open = drawn.filter((k) => stateOf(k) !== 'done' && stateOf(k) !== 'cancelled');
        drawn = open.slice(0, MAX_DIAGRAM_TASKS);
        note = `The diagram shows ${drawn.length} of the ${wp.tasks.length} tasks (${open.length > drawn.length ? `the first ${drawn.length} open ones` : 'the open ones'}); \`fleethub workplan ${wp.id}\` lists them all.`;
    }
    const own = new Set(drawn);
    const others = new Set();
    for (const k of drawn)
        for (const d of graph.tasks.get(k).depends)
            if (!own.has(d) && (!d.startsWith(`${wp.id}/`) || !graph.tasks.has(d)))
                others.add(d);
    const external = [...others].sort(cmp);
    // t_ + the task id for the workplan's own tasks, w_ + the key for tasks of other workplans.
    const ids = mermaidIds([...drawn.map((k) => [k, `t_${k.slice(k.indexOf('/') + 1)}`]), ...external.map((k) => [k, `w_${k}`])]);
    const critical = new Set();
    const path = ready.workplans.get(wp.id)?.criticalPath ?? [];
    for (let i = 1; i < path.length; i++)
        critical.add(`${path[i - 1]}\n${path[i]}`);
    const lines = ['```mermaid', 'flowchart TD'];
    for (const [cls, style] of CLASSES)
        lines.push(`  classDef ${cls} ${style};`);
    for (const k of drawn) {
        const t = graph.tasks.get(k);
        lines.push(`  ${ids.get(k)}["${mermaidText(`${t.id} ${short(t.title)}`)}"]`);
    }
    for (const k of external) {
        const t = graph.tasks.get(k);
        lines.push(`  ${ids.get(k)}["${mermaidText(t ? `${k} ${short(t.title)}` : `${k} · unknown`)}"]`);
    }
    for (const k of drawn) {
        for (const d of graph.tasks.get(k).depends) {
            const from = ids.get(d);
            if (from)
                lines.push(`  ${from} ${critical.has(`${d}\n${k}`) ? '==>' : '-->'} ${ids.get(k)}`);
        }
    }
    for (const [cls] of CLASSES) {
        const members = [...drawn, ...external].filter((k) => stateOf(k) === cls);
        if (members.length > 0)
            lines.push(`  class ${members.map((k) => ids.get(k)).join(',')} ${cls};`);
    }
    lines.push('```');
    return { lines, note };
}
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function short(title) {
    const chars = [...title];
    return chars.length <= TITLE_CHARS ? title : `${chars.slice(0, TITLE_CHARS - 1).join('').trimEnd()}…`;
}
//# sourceMappingURL=sequencingDiagram.js.map
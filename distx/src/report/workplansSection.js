/**
 * The board's Workplans section: a table of every workplan (status, progress
 * bar, ready and blocked counts, critical path length), then per workplan its
 * ready and blocked tasks, critical path, done-when verdicts and a Mermaid
 * graph of its sequencing. Pure and deterministic: workplans in id order,
 * tasks in file order, no clock. Past MAX_DETAILED only the first workplans
 * with open tasks get a detailed part; past MAX_LISTED the table is cut too.
 */
import { markdownCell as cell } from './markdownCell.js';
import { progressBar } from './progressBar.js';
import { SEQUENCING_LEGEND, sequencingDiagram } from './sequencingDiagram.js';
export const MAX_DETAILED_WORKPLANS = 50;
export const MAX_LISTED_WORKPLANS = 1000;
const MAX_PATH_SHOWN = 12;
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export function workplansSection(ev) {
    const { graph, readiness } = ev;
    const wps = graph.workplans;
    if (wps.length === 0)
        return ['## Workplans', '', 'No workplans are declared.'].join('\n');
    const sum = (f) => wps.reduce((n, w) => n + f(w.id), 0);
    const r = (id) => readiness.workplans.get(id);
    const lines = [
        '## Workplans',
        '',
        `${plural(wps.length, 'workplan')}: ${sum((id) => r(id).done)} of ${plural(sum((id) => r(id).total), 'task')} done · ${sum((id) => r(id).ready.length)} ready · ${sum((id) => r(id).blocked.length)} blocked`,
        '',
        '| Workplan | Status | Progress | Ready | Blocked | Critical path |',
        '| --- | --- | --- | --- | --- | --- |',
    ];
    for (const w of wps.slice(0, MAX_LISTED_WORKPLANS)) {
        const x = r(w.id);
        const progress = `${progressBar(x.done, x.total)}${x.cancelled > 0 ? ` (${x.cancelled} cancelled)` : ''}`;
        lines.push(`| ${cell(w.id)} | ${cell(w.status)} | ${progress} | ${x.ready.length} | ${x.blocked.length} | ${x.criticalPath.length === 0 ? '—' : plural(x.criticalPath.length, 'task')} |`);
    }
    if (wps.length > MAX_LISTED_WORKPLANS)
        lines.push('', `${wps.length - MAX_LISTED_WORKPLANS} more workplans are not listed; \`fleethub workplan --format json\` has them all.`);
    const detailed = (wps.length <= MAX_DETAILED_WORKPLANS ? wps : wps.filter((w) => r(w.id).total > r(w.id).done)).slice(0, MAX_DETAILED_WORKPLANS);
    if (detailed.length < wps.length)
        lines.push('', `${wps.length - detailed.length} of ${wps.length} workplans are not detailed below; \`fleethub workplan <id>\` shows any of them.`);
    for (const w of detailed)
        lines.push('', ...detail(w, ev));
    if (detailed.length > 0)
        lines.push('', SEQUENCING_LEGEND);
    return lines.join('\n');
}
function detail(w, ev) {
    const x = ev.readiness.workplans.get(w.id);
    const name = (k) => (k.startsWith(`${w.id}/`) ? k.slice(w.id.length + 1) : k);
    const named = (k) => `${cell(name(k))} ${cell(ev.graph.tasks.get(k)?.title)}`;
    const head = [progressBar(x.done, x.total), ...(x.cancelled > 0 ? [`${x.cancelled} cancelled`] : []), cell(w.status), `owner ${cell(w.owner)}`, cell(w.file)];
    const blocked = x.blocked.map((k) => {
        const t = ev.readiness.tasks.get(k);
        const why = t.blockedBy.map((d) => (t.unknown.includes(d) ? `unknown ${name(d)}` : name(d)));
        const reasons = [...(ev.graph.tasks.get(k).state === 'blocked' ? ['marked blocked'] : []), ...(why.length > 0 ? [`after ${cell(why.join(', '))}`] : [])];
        return `${named(k)} (${reasons.join(', ')})`;
    });
    const { lines: diagram, note } = sequencingDiagram(w, ev.graph, ev.readiness);
    return [
        `### ${cell(w.id)} · ${cell(w.title)}`,
        '',
        head.join(' · '),
        '',
        `- **Ready:** ${x.ready.length === 0 ? 'none' : x.ready.map(named).join('; ')}`,
        `- **Blocked:** ${blocked.length === 0 ? 'none' : blocked.join('; ')}`,
        `- **Critical path:** ${pathText(x.criticalPath.map(name))}`,
        ...verdictLine(w, ev, name),
        '',
        ...diagram,
        ...(note ? ['', note] : []),
    ];
}
function pathText(path) {
    if (path.length === 0)
        return 'none (every task is done or cancelled)';
    const shown = path.length <= MAX_PATH_SHOWN ? path : [...path.slice(0, 5), '…', ...path.slice(-6)];
    return `${shown.map(cell).join(' → ')} (${plural(path.length, 'task')})`;
}
function verdictLine(w, ev, name) {
    const keys = w.tasks.filter((k) => ev.graph.tasks.get(k).doneWhen.length > 0);
    if (keys.length === 0)
        return [];
    if (!ev.checksRan)
        return [`- **Done-when:** no verdict, the named checks did not run (${keys.map((k) => cell(name(k))).join(', ')})`];
    const parts = keys.map((k) => {
        const t = ev.graph.tasks.get(k);
        const v = ev.verification.tasks.get(k);
        const id = cell(name(k));
        if (v.verdict === 'fail' && t.state === 'done')
            return `**${id} done, not verified** (${cell(v.checks.filter((c) => c.outcome === 'fail').map((c) => c.id).join(', '))} fails)`;
        if (v.verdict === 'pass' && t.state !== 'done' && t.state !== 'cancelled')
            return `**${id} verified, not ticked**`;
        if (v.verdict === 'unknown')
            return `${id} no verdict (${cell(v.checks.filter((c) => c.outcome !== 'pass' && c.outcome !== 'fail').map((c) => `${c.id} ${c.outcome}`).join(', '))})`;
        return `${id} ${v.verdict === 'pass' ? 'passes' : 'fails'}`;
    });
    return [`- **Done-when:** ${parts.join(' · ')}`];
}
//# sourceMappingURL=workplansSection.js.map
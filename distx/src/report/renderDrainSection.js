/**
 * The board section of one drain sequence: "## Drain of <from_host>", a table of
 * its waves (progress moved/total, status done / in progress / waiting, owner
 * task with its box state) and the next wave to work on; workloads that moved out
 * of order are listed under it. Markdown without a trailing newline. Pure.
 */
import { markdownCell as cell } from './markdownCell.js';
export function renderDrainSection(drain) {
    const { policy, waves, next, findings } = drain;
    const to = policy.to_host ? ` to ${cell(policy.to_host)}` : '';
    const rows = waves.map((w) => `| ${w.wave} | ${cell(w.title)} | ${progressCell(w)} | ${w.done ? 'done' : w.status === 'in progress' ? '**in progress**' : 'waiting'} | ${taskCell(w)} |`);
    const outOfOrder = findings.filter((f) => f.code === 'drain-order').map((f) => `- ⚠ ${cell(f.id ?? f.file)} moved out of order`);
    const lastNotLast = findings.filter((f) => f.code === 'drain-last-wave-not-last').map((f) => `- ⚠ ${cell(f.message)}`);
    return [
        `## Drain of ${cell(policy.from_host)}`,
        '',
        `${cell(policy.title ?? policy.id)} (policy ${cell(policy.id)}). Waves move off ${cell(policy.from_host)}${to} in order; a later wave may not move before an earlier one.`,
        '',
        '| Wave | Title | Progress | Status | Owner task |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        '',
        next ? `Next wave: ${next.wave} — ${cell(next.title)}` : 'All waves done.',
        ...(outOfOrder.length > 0 ? ['', `Moved out of order (\`drain-order\`):`, '', ...outOfOrder] : []),
        ...(lastNotLast.length > 0 ? ['', `Waves out of place (\`drain-last-wave-not-last\`):`, '', ...lastNotLast] : []),
    ].join('\n');
}
function progressCell(w) {
    return w.total === 0 ? 'no workloads (follows its task)' : `${w.moved}/${w.total}`;
}
function taskCell(w) {
    if (!w.task)
        return '—';
    return w.taskState ? `${cell(w.task)} (${w.taskState})` : cell(w.task);
}
//# sourceMappingURL=renderDrainSection.js.map
import { findingsSection } from './findingsSection.js';
import { findingOut } from './reconcileReport.js';
import { PLAIN } from './style.js';
/** Nodes named per reason in the text output. */
const SHOWN = 5;
export function planJson(runs, findings) {
    return {
        rollouts: runs.map((r) => ({
            intent: r.intent,
            state: r.tick.plan.state,
            grants: r.tick.plan.grants.map((g) => g.node),
            waiting: r.tick.plan.waiting.map((w) => ({ node: w.node, reason: w.reason })),
            halted: r.tick.plan.halted ? { code: r.tick.plan.halted.code, message: r.tick.plan.halted.message } : null,
        })),
        findings: findings.map(findingOut),
    };
}
export function planText(runs, json, style = PLAIN) {
    const out = [];
    if (runs.length === 0)
        out.push('no update intents in registry/intents/: nothing to roll out');
    for (const r of runs) {
        const p = r.tick.plan;
        const state = p.state === 'running' || p.state === 'complete' ? style.green(p.state) : p.state === 'paused' ? style.yellow(p.state) : style.red(p.state);
        out.push(`${style.bold(r.intent)}: ${state}${p.in_flight.length > 0 ? `, ${p.in_flight.length} in flight` : ''}${p.done.length > 0 ? `, ${p.done.length} done` : ''}`);
        if (p.halted)
            out.push(`  ${style.red('halted')}: ${p.halted.message} (${p.halted.code})`);
        out.push(`  next wave: ${p.grants.length === 0 ? 'none' : p.grants.map((g) => `${g.node}${g.canary ? ' (canary)' : ''}`).join(', ')}${p.grants.length > 0 && r.tick.unsigned.length > 0 ? style.yellow(' — planned, not issued: no orchestrator key') : ''}`);
        for (const rv of p.revocations)
            out.push(`  revoke ${rv.node}: ${rv.reason}`);
        const groups = new Map();
        for (const w of p.waiting)
            groups.set(w.reason, [...(groups.get(w.reason) ?? []), w.node]);
        for (const [reason, nodes] of groups)
            out.push(`  waits: ${nodes.slice(0, SHOWN).join(', ')}${nodes.length > SHOWN ? ` and ${nodes.length - SHOWN} more` : ''} — ${reason}`);
        out.push('');
    }
    if (json.findings.length > 0)
        out.push(style.bold('Findings'), ...findingsSection(json.findings, { max: 20, more: 'fleethub plan --format json lists them all' }, style));
    return out.join('\n').trimEnd();
}
//# sourceMappingURL=planReport.js.map
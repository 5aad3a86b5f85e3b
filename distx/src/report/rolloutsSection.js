import { markdownCell } from './markdownCell.js';
/** Nodes named in the next wave; the rest are counted. */
const SHOWN = 10;
const ORDER = ['healthy', 'applying', 'staged', 'leased', 'blocked', 'not started', 'rolled_back', 'aborted'];
export function rolloutsSection(data) {
    const out = ['## Rollouts', '', 'Leases and the update journal per update intent (status/rollouts/, agents report in status/agents/). See docs/rollout.md.'];
    if (data.rollouts.length === 0)
        out.push('', '(no update intents)');
    for (const r of data.rollouts) {
        const state = r.state === 'halted' || r.state === 'refused' || r.state === 'aborted' ? `**${r.state}**` : r.state;
        out.push('', `### ${markdownCell(r.intent)}${r.version !== null ? ` (version ${r.version})` : ''}: ${state}`, '');
        out.push(`Control: operator ${r.control.operator}, signed ${r.control.signed}; epoch ${r.epoch}.`);
        if (r.halted)
            out.push('', `**Halted** (\`${r.halted.code}\`): ${markdownCell(r.halted.message)}`);
        const next = r.next.length === 0 ? 'none' : `${r.next.slice(0, SHOWN).map(markdownCell).join(', ')}${r.next.length > SHOWN ? ` and ${r.next.length - SHOWN} more` : ''}${r.unsigned ? ' (planned; not issued without the orchestrator key)' : ''}`;
        out.push('', `Next wave: ${next}.`);
        if (r.waits.length > 0)
            out.push('', `Waiting: ${r.waits.map((w) => `${w.nodes} \`${w.code}\``).join(', ')}.`);
        const states = ORDER.filter((s) => r.areas.some((a) => (a.states[s] ?? 0) > 0));
        if (r.areas.length > 0) {
            out.push('', `| area | nodes | ${states.join(' | ')} |`, `| --- | --- |${states.map(() => ' --- |').join('')}`);
            for (const a of r.areas)
                out.push(`| ${markdownCell(a.area)} | ${a.nodes} | ${states.map((s) => a.states[s] ?? 0).join(' | ')} |`);
        }
    }
    return out.join('\n');
}
//# sourceMappingURL=rolloutsSection.js.map
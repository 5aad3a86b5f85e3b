/**
 * Records status/agents/<node>.json in the agent's outbox when its text
 * changed since the last one recorded (the journal keeps that text), so an
 * unchanged node relays nothing. The file is the node's alone: one writer,
 * so agents never conflict with each other. Returns whether it recorded.
 */
import { AGENTS_DIR } from '../rollout/leaseTypes.js';
import { AGENT_VERSION } from './agentTypes.js';
export async function publishReport(node, st, journal, io) {
    const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const file = { node, agent_version: AGENT_VERSION, installed: sorted(st.installed), reports: sorted(st.reports) };
    const text = `${JSON.stringify(file, null, 2)}\n`;
    if (text === st.last_report)
        return false;
    await io.record(`${AGENTS_DIR}/${node}.json`, text);
    st.last_report = text;
    journal.save(st);
    return true;
}
//# sourceMappingURL=publishReport.js.map
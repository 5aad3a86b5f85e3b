/**
 * Sets one intent's line of the node's report in the journal's state and
 * returns the timeline line when the state changed. The report's time
 * (`reported_at`) moves only when something in the line changed, or, for a
 * node holding a lease, when half the heartbeat timeout has passed since it
 * last reported (its heartbeat): so a blocked or finished node's report is
 * byte-steady and relays nothing, and an in-flight one never looks lost.
 */
import { IN_FLIGHT } from '../rollout/rolloutTypes.js';
export function setReport(st, intent, line, now, heartbeatMs) {
    const old = st.reports[intent];
    const same = old !== undefined && old.state === line.state && old.lease === line.lease && old.version === line.version && old.reason === line.reason;
    const beat = same && IN_FLIGHT.includes(line.state) && heartbeatMs !== null && now.getTime() - Date.parse(old.reported_at) >= heartbeatMs / 2;
    if (same && !beat)
        return [];
    const next = { ...line, reported_at: now.toISOString() };
    st.reports = { ...st.reports, [intent]: next };
    if (old !== undefined && old.state === line.state)
        return [];
    return [{ at: next.reported_at, intent, version: line.version, state: line.state, lease: line.lease, reason: line.reason }];
}
//# sourceMappingURL=setReport.js.map
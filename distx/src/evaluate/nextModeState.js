export function nextModeState(prev, declared, obs, policy, now) {
    const last_verified = prev?.last_verified ?? null;
    const observed_at = prev?.observed_at ?? null;
    if (!declared.enabled)
        return settle(prev, { mode: 'DISABLED', last_verified, observed_at, reason: 'declared enabled: false (intentionally off)' }, now);
    if (declared.planned)
        return settle(prev, { mode: 'PLANNED', last_verified, observed_at, reason: 'declared planned: true (not provisioned yet)' }, now);
    const current = prev && (prev.mode === 'ACTIVE' || prev.mode === 'DEGRADED' || prev.mode === 'UNKNOWN')
        ? prev
        : { mode: 'UNKNOWN', since: prev ? now : null, last_verified, observed_at, failures: 0, passes: 0, reason: 'not observed yet' };
    if (!obs)
        return current;
    const observed = { observed_at: obs.at };
    if (obs.ok) {
        const verified = { last_verified: obs.at, ...observed, failures: 0 };
        if (current.mode === 'ACTIVE')
            return { ...current, ...verified, passes: 0, reason: 'all probes passed' };
        const passes = current.passes + 1;
        const needed = current.mode === 'DEGRADED' ? policy.successThreshold : 1;
        if (passes >= needed) {
            const reason = current.mode === 'DEGRADED' ? `connectivity proven: ${passes} consecutive passing observations` : 'all probes passed';
            return { mode: 'ACTIVE', since: now, ...verified, passes: 0, reason };
        }
        return { ...current, ...verified, passes, reason: `recovering: ${passes}/${needed} consecutive passing observations` };
    }
    if (current.mode === 'DEGRADED')
        return { ...current, ...observed, passes: 0, failures: 0, reason: obs.reason };
    const failures = current.failures + 1;
    if (failures >= policy.failureThreshold)
        return { mode: 'DEGRADED', since: now, last_verified: current.last_verified, ...observed, failures: 0, passes: 0, reason: obs.reason };
    return { ...current, ...observed, failures, passes: 0, reason: `failing ${failures}/${policy.failureThreshold}: ${obs.reason}` };
}
/**
 * A declared mode keeps its `since` while it lasts. A node seen for the first
 * time has no known `since` (null), so a run without history stays
 * deterministic; a change from an earlier mode happens `now`.
 */
function settle(prev, next, now) {
    return { ...next, since: prev?.mode === next.mode ? prev.since : prev ? now : null, failures: 0, passes: 0 };
}
//# sourceMappingURL=nextModeState.js.map
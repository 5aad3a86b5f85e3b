/** '500ms', '30s', '5m', '2h', '7d' to milliseconds, or null. Pure. */
export function durationMs(s) {
    const m = /^(\d+)(ms|s|m|h|d)$/.exec(s);
    if (!m)
        return null;
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]];
    return Number(m[1]) * unit;
}
/** The longest time limit (a check's timeout, a probe timeout, a tick deadline): 1h. Longer values are a validation error and are used capped. */
export const MAX_TIMER_MS = 3_600_000;
/** A duration used as a timer, capped at MAX_TIMER_MS (setTimeout fires at once past 2^31-1 ms), or null. Pure. */
export function timerMs(s) {
    const ms = durationMs(s);
    return ms === null ? null : Math.min(ms, MAX_TIMER_MS);
}
//# sourceMappingURL=duration.js.map
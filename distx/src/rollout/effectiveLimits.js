/**
 * The limits a rollout runs under: the fleet's caps from policies/rollout.yaml,
 * each tightened by the intent's strategy (max_parallel, batch_size,
 * max_unavailable) and never loosened: a strategy value above the cap is
 * ignored here, whatever override signed it. Pure.
 */
import { durationMs } from '../records/duration.js';
export function effectiveLimits(policy, strategy) {
    const min = (...xs) => {
        const given = xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
        return given.length === 0 ? null : Math.min(...given);
    };
    const duration = (s) => (s === undefined ? null : durationMs(s));
    const s = strategy ?? { type: 'rolling' };
    const forced = s.type === 'forced-node' ? 1 : undefined;
    return {
        max_parallel: Math.max(1, min(policy.max_parallel, s.max_parallel, s.type === 'rolling' ? s.batch_size : undefined, forced) ?? 1),
        max_parallel_per_area: min(policy.max_parallel_per_area),
        max_parallel_per_site: min(policy.max_parallel_per_site),
        max_parallel_per_nat_group: min(policy.max_parallel_per_nat_group),
        max_unavailable: min(policy.max_unavailable, s.max_unavailable),
        failure_rate_stop: policy.failure_rate_stop ? { ...policy.failure_rate_stop } : null,
        lease_ttl_ms: duration(policy.lease_ttl),
        heartbeat_timeout_ms: duration(policy.heartbeat_timeout),
        role_order: [...(policy.role_order ?? [])],
    };
}
//# sourceMappingURL=effectiveLimits.js.map
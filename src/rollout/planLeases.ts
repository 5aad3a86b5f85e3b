/**
 * The lease planner: for one intent at one tick, which targeted nodes get a
 * lease now, which leases are revoked, and why every other node that still
 * needs the update waits. Pure and deterministic: everything it knows is
 * passed in (the clock too), and the same inputs give the same plan, byte for
 * byte (nodes are taken in id order, ties broken by id).
 *
 * Nothing is leased for an intent that is refused (verdict.trusted false),
 * expired, aborted or paused (then that is why every node still to do waits,
 * whatever its own state), nor to a node that is not ACTIVE or has no agent. Abort, refusal
 * and expiry also revoke leases not yet started (leased, staged); pause and a
 * halt let in-flight nodes finish. A lease whose node's state has not changed
 * for lease_ttl expires: it is revoked, counts as a failure, and its node
 * still counts as unavailable until it reports again. The rollout halts when
 * a leased node loses its heartbeat, when failed ÷ finished exceeds
 * failure_rate_stop.max_rate once min_executed have finished, or when a
 * canary fails. See src/rollout/README.md for the order and the limits.
 */
import { durationMs } from '../records/duration.js';
import { expiryInstant } from '../trust/expiryInstant.js';
import { indexNodes, resolveTarget } from '../trust/resolveTarget.js';
import type { IntentVerdict } from '../trust/trustTypes.js';
import { effectiveLimits } from './effectiveLimits.js';
import { IN_FLIGHT, type EffectiveLimits, type Grant, type JournalEntry, type LeasePlan, type Revocation, type RolloutIntent, type RolloutNode, type RolloutPolicy, type Waiting, type WaitCode } from './rolloutTypes.js';

const NOT_ACTIVE: Readonly<Record<string, WaitCode>> = { DISABLED: 'node-disabled', PLANNED: 'node-planned', DEGRADED: 'node-degraded', UNKNOWN: 'node-unknown' };
const DONE = new Set(['healthy', 'rolled_back', 'aborted']);
/** Nodes left out by declaration (not in the strategy, disabled, planned, not in the registry): a rollout is complete without them. Nodes DEGRADED, never observed or without an agent may still come: the rollout waits for them. */
const LEFT_OUT: ReadonlySet<WaitCode> = new Set(['not-in-strategy', 'node-missing', 'node-disabled', 'node-planned']);
const byId = <T extends { node: string }>(a: T, b: T): number => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);

export function planLeases(intent: RolloutIntent, verdict: IntentVerdict, policy: RolloutPolicy, nodes: readonly RolloutNode[], journal: readonly JournalEntry[], now: Date): LeasePlan {
  const t = now.getTime();
  const strategy = intent.strategy ?? { type: 'rolling' as const };
  const limits = effectiveLimits(policy, strategy);
  const index = indexNodes(nodes);
  const fleet = index.byId as ReadonlyMap<string, RolloutNode>;
  const targeted = resolveTarget(intent.target, index);
  const entries = new Map(journal.map((e) => [e.node, e]));
  const listed = (strategy.type === 'pinned' || strategy.type === 'forced-node') && strategy.nodes ? new Set(strategy.nodes) : null;

  // Where each node stands: in flight (every journal entry holding a lease counts), done, or still to do.
  // A node's last journal line is its state.
  const lines = [...entries.values()];
  const live = lines.filter((e) => IN_FLIGHT.includes(e.state)).map((e) => e.node).sort();
  const stale = (since: string | undefined, limitMs: number | null): boolean => limitMs !== null && !(t - Date.parse(since ?? '') < limitMs);
  const expiredLeases = live.filter((id) => stale(entries.get(id)!.since, limits.lease_ttl_ms));
  const expiredSet = new Set(expiredLeases);
  const holding = live.filter((id) => !expiredSet.has(id));
  const done: string[] = [];
  const waiting: Waiting[] = [];
  const pending: RolloutNode[] = [];
  for (const id of targeted) {
    const state = entries.get(id)?.state;
    if (state !== undefined && DONE.has(state)) done.push(id);
    if (state !== undefined && (IN_FLIGHT.includes(state) || DONE.has(state))) continue;
    const node = fleet.get(id);
    if (listed && !listed.has(id)) waiting.push({ node: id, code: 'not-in-strategy', reason: `not among the ${strategy.type} strategy's nodes` });
    else if (!node) waiting.push({ node: id, code: 'node-missing', reason: 'named by the target but not in registry/nodes/' });
    else if (node.mode !== 'ACTIVE') waiting.push({ node: id, code: NOT_ACTIVE[node.mode] ?? 'node-not-active', reason: `node is ${node.mode}: only ACTIVE nodes are leased` });
    else if (node.agent === false) waiting.push({ node: id, code: 'node-no-agent', reason: `no agent has reported for ${id} (status/agents/${id}.json): a lease could only expire` });
    else if (intent.after?.pending.has(id)) waiting.push({ node: id, code: 'host-agent-first', reason: `the artifact's host-agent phase (${intent.after.intent}) is not done on ${id} yet: the node-agent phase follows it` });
    else pending.push(node);
  }

  const base = { intent: intent.id, in_flight: live, done, expired_leases: expiredLeases, limits };
  const ttlRevocations: Revocation[] = expiredLeases.map((id) => ({ node: id, code: 'lease-expired', reason: `no progress for ${policy.lease_ttl} (state ${entries.get(id)!.state} since ${entries.get(id)!.since}); counted as a failure` }));

  // The intent itself: expired, refused, aborted or paused means no new lease at all.
  const expiry = expiryInstant(intent.expires);
  const stop = ((): null | { state: LeasePlan['state']; code: WaitCode; reason: string; revoke: Revocation['code'] | null } => {
    if (expiry === null || t >= expiry) return { state: 'expired', code: 'intent-expired', reason: `intent expired (${intent.expires})`, revoke: 'intent-expired' };
    if (!verdict.trusted || verdict.id !== intent.id) {
      const why = verdict.id !== intent.id ? `the verdict is for '${verdict.id}'` : `${verdict.findings[0]?.code ?? 'untrusted'}: ${verdict.findings[0]?.message ?? 'not trusted'}`;
      return { state: 'refused', code: 'intent-refused', reason: `intent refused (${why})`, revoke: 'intent-refused' };
    }
    if (intent.control === 'aborted') return { state: 'aborted', code: 'intent-aborted', reason: 'intent aborted: nothing more starts', revoke: 'intent-aborted' };
    if (intent.control !== 'run') return { state: 'paused', code: 'intent-paused', reason: 'intent paused: in-flight nodes finish, nothing new starts', revoke: null };
    return null;
  })();
  if (stop) {
    const revoked = new Set(expiredLeases);
    const notStarted = stop.revoke === null ? [] : holding.filter((id) => entries.get(id)!.state !== 'applying' && !revoked.has(id));
    const revocations = [...ttlRevocations, ...notStarted.map((id): Revocation => ({ node: id, code: stop.revoke!, reason: `${stop.reason}; the lease was not started` }))].sort(byId);
    return { ...base, state: stop.state, grants: [], revocations, waiting: [...waiting.map((w) => w.node), ...pending.map((n) => n.id)].map((node) => ({ node, code: stop.code, reason: stop.reason })).sort(byId), halted: null };
  }

  // Halts: heartbeat loss, failure rate, a failed canary.
  const heartbeatMs = limits.heartbeat_timeout_ms;
  const lost = holding.filter((id) => fleet.get(id)?.mode === 'DEGRADED' || stale(entries.get(id)!.reported_at ?? entries.get(id)!.since, heartbeatMs));
  const failed = new Set([...lines.filter((e) => e.state === 'rolled_back').map((e) => e.node), ...expiredLeases]);
  const finished = failed.size + lines.filter((e) => e.state === 'healthy').length;
  const canaries = strategy.type === 'canary' ? canaryNodes(lines, strategy.canary_count ?? 1) : [];
  const stopRate = limits.failure_rate_stop;
  const halted: LeasePlan['halted'] =
    lost.length > 0
      ? { code: 'rollout-heartbeat-lost', message: `leased node ${lost.join(', ')} lost its heartbeat (${lost.map((id) => (fleet.get(id)?.mode === 'DEGRADED' ? 'DEGRADED' : `no report for ${policy.heartbeat_timeout}`)).join(', ')})` }
      : stopRate && finished >= stopRate.min_executed && failed.size / finished > stopRate.max_rate
        ? { code: 'rollout-failure-rate', message: `${failed.size} of ${finished} finished nodes failed (${ratio(failed.size / finished)}), above max_rate ${ratio(stopRate.max_rate)}` }
        : canaries.some((id) => failed.has(id))
          ? { code: 'rollout-canary-failed', message: `canary ${canaries.filter((id) => failed.has(id)).join(', ')} failed` }
          : null;
  if (halted) {
    return { ...base, state: 'halted', grants: [], revocations: ttlRevocations, waiting: [...waiting, ...pending.map((n) => ({ node: n.id, code: 'rollout-halted' as const, reason: `halted: ${halted.message}` }))].sort(byId), halted };
  }

  // Complete once every node is done but those left out by declaration.
  if (pending.length === 0 && live.length === 0 && waiting.every((w) => LEFT_OUT.has(w.code))) return { ...finish(base, [], ttlRevocations, waiting), state: 'complete' };

  const counters = new Counters(limits, holding, expiredLeases, targeted, fleet);
  const grants: Grant[] = [];
  const grant = (n: RolloutNode, canary: boolean): void => {
    grants.push({ node: n.id, expires: limits.lease_ttl_ms === null ? null : new Date(t + limits.lease_ttl_ms).toISOString(), canary });
    counters.add(n);
  };
  const rank = rankOf(limits);

  // Canary phase: the first canary_count nodes, ordinary (not critical) ones, spread as evenly as the fleet allows.
  const ordinary = pending.filter((n) => n.serves.length === 0);
  if (strategy.type === 'canary' && canaries.length < (strategy.canary_count ?? 1) && ordinary.length > 0) {
    const chosen = canaries.map((id) => fleet.get(id)).filter((n): n is RolloutNode => n !== undefined);
    let quota = (strategy.canary_count ?? 1) - canaries.length;
    const left = [...ordinary];
    const reasons = new Map<string, Waiting>();
    while (quota > 0 && left.length > 0) {
      const spread = (n: RolloutNode): number[] => [count(chosen, 'area', n), count(chosen, 'site', n), count(chosen, 'nat_group', n), rank(n)];
      left.sort((a, b) => compareKeys(spread(a), spread(b)) || (a.id < b.id ? -1 : 1));
      const i = left.findIndex((n) => {
        const blocked = counters.blocked(n);
        if (blocked) reasons.set(n.id, blocked);
        return blocked === null;
      });
      if (i < 0) break;
      const [n] = left.splice(i, 1);
      reasons.delete(n!.id);
      grant(n!, true);
      chosen.push(n!);
      quota -= 1;
    }
    const wait = `waits for the ${strategy.canary_count ?? 1} canaries${strategy.healthy_for ? ` to be healthy for ${strategy.healthy_for}` : ' to be healthy'}`;
    for (const n of pending) if (!grants.some((g) => g.node === n.id)) waiting.push(reasons.get(n.id) ?? { node: n.id, code: 'canary-wait', reason: `not a canary: ${wait}` });
    return finish(base, grants, ttlRevocations, waiting);
  }
  if (strategy.type === 'canary' && canaries.length > 0) {
    const unwell = canaryGate(canaries, entries, t, strategy.healthy_for);
    if (unwell) return finish(base, [], ttlRevocations, [...waiting, ...pending.map((n) => ({ node: n.id, code: 'canary-wait' as const, reason: unwell }))]);
  }

  // Waves: lowest role rank first; a node waits while a node of a lower rank is still to do or in flight; critical nodes last, one at a time.
  // One pass: each pending node into its rank's bucket (pending follows the target's id order, so each bucket is in id order), and the in-flight targeted nodes' ranks, for the lowest rank still active.
  const buckets = new Map<number, RolloutNode[]>();
  for (const n of pending) {
    const r = rank(n);
    (buckets.get(r) ?? buckets.set(r, []).get(r)!).push(n);
  }
  const flyingTargeted = holding.map((id) => fleet.get(id)).filter((n): n is RolloutNode => n !== undefined && isTargeted(targeted, n.id));
  const lowest = Math.min(...buckets.keys(), ...flyingTargeted.map(rank));
  const first = [...(buckets.get(lowest) ?? []), ...flyingTargeted.filter((n) => rank(n) === lowest)].map((m) => m.id);
  const firstText = `${first.slice(0, 3).join(', ')}${first.length > 3 ? ` and ${first.length - 3} more` : ''}`;
  const ranked = [...buckets.keys()].sort((a, b) => a - b).map((r) => [r, buckets.get(r)!] as const);
  for (const [r, bucket] of ranked) for (const n of bucket) {
    if (r > lowest) {
      waiting.push(n.serves.length > 0
        ? { node: n.id, code: 'critical-last', reason: `serves ${n.serves.join(', ')}: updated last, after ${firstText}` }
        : { node: n.id, code: 'role-order', reason: `role ${n.role ?? '(none)'} waits for ${roleName(lowest, limits)} nodes first (${firstText})` });
      continue;
    }
    const blocked = counters.blocked(n);
    if (blocked) waiting.push(blocked);
    else grant(n, false);
  }
  return finish(base, grants, ttlRevocations, waiting);
}

function finish(base: Pick<LeasePlan, 'intent' | 'in_flight' | 'done' | 'expired_leases' | 'limits'>, grants: Grant[], revocations: Revocation[], waiting: Waiting[]): LeasePlan {
  return { ...base, state: 'running', grants: [...grants].sort(byId), revocations, waiting: [...waiting].sort(byId), halted: null };
}

/** The canaries: the first `count` nodes ever leased for this intent, by lease time, then id. */
function canaryNodes(journal: readonly JournalEntry[], count: number): string[] {
  const leased = journal.filter((e) => e.state !== 'blocked').map((e) => ({ node: e.node, at: Date.parse(e.leased_at ?? e.since) }));
  leased.sort((a, b) => (a.at === b.at || (Number.isNaN(a.at) && Number.isNaN(b.at)) ? (a.node < b.node ? -1 : 1) : Number.isNaN(a.at) ? 1 : Number.isNaN(b.at) ? -1 : a.at - b.at));
  return leased.slice(0, count).map((e) => e.node);
}

/** Why the rest waits on the canaries, or null once every canary has been healthy for healthy_for. */
function canaryGate(canaries: readonly string[], entries: ReadonlyMap<string, JournalEntry>, t: number, healthyFor: string | undefined): string | null {
  const need = healthyFor === undefined ? 0 : (durationMs(healthyFor) ?? 0);
  for (const id of canaries) {
    const e = entries.get(id)!;
    if (e.state !== 'healthy') return `canary ${id} is ${e.state}, not healthy yet`;
    const age = t - Date.parse(e.since);
    if (!(age >= need)) return `canary ${id} healthy for ${minutes(age)} of ${healthyFor}`;
  }
  return null;
}

/** In-flight and granted counts against each limit. */
class Counters {
  private parallel: number;
  private unavailable: number;
  private critical: number;
  /** The reason a fleet-wide limit gives, while no grant changes the counts. */
  private said: string | null = null;
  private readonly groups = { area: new Map<string, number>(), site: new Map<string, number>(), nat_group: new Map<string, number>() };

  constructor(private readonly limits: EffectiveLimits, holding: readonly string[], expired: readonly string[], targeted: readonly string[], fleet: ReadonlyMap<string, RolloutNode>) {
    this.parallel = 0;
    this.critical = 0;
    const flying = new Set([...holding, ...expired]);
    this.unavailable = flying.size + targeted.filter((id) => !flying.has(id) && fleet.get(id)?.mode === 'DEGRADED').length;
    for (const id of holding) {
      const n = fleet.get(id);
      this.parallel += 1;
      if (n) this.addGroups(n, n.serves.length > 0);
    }
  }

  add(n: RolloutNode): void {
    this.said = null;
    this.parallel += 1;
    this.unavailable += 1;
    this.addGroups(n, n.serves.length > 0);
  }

  private addGroups(n: RolloutNode, critical: boolean): void {
    for (const k of ['area', 'site', 'nat_group'] as const) this.groups[k].set(group(n, k), (this.groups[k].get(group(n, k)) ?? 0) + 1);
    if (critical) this.critical += 1;
  }

  /** The first limit that a lease for n would exceed, as the reason n waits; null when none would. */
  blocked(n: RolloutNode): Waiting | null {
    const l = this.limits;
    // Once a fleet-wide limit is reached every later node waits on it, with the same words: made once.
    if (this.parallel >= l.max_parallel) return { node: n.id, code: 'max-parallel', reason: (this.said ??= `max_parallel ${l.max_parallel} reached (${this.parallel} in flight)`) };
    if (l.max_unavailable !== null && this.unavailable >= l.max_unavailable) return { node: n.id, code: 'max-unavailable', reason: (this.said ??= `max_unavailable ${l.max_unavailable} reached (${this.unavailable} unavailable: DEGRADED or in flight)`) };
    const caps = [
      ['area', l.max_parallel_per_area, 'max-parallel-per-area'],
      ['site', l.max_parallel_per_site, 'max-parallel-per-site'],
      ['nat_group', l.max_parallel_per_nat_group, 'max-parallel-per-nat-group'],
    ] as const;
    for (const [k, cap, code] of caps) {
      const used = this.groups[k].get(group(n, k)) ?? 0;
      if (cap !== null && used >= cap) return { node: n.id, code, reason: `cap reached in ${k === 'nat_group' ? 'NAT group' : k} ${n[k] ?? '(none)'} (${used} of ${cap} in flight)` };
    }
    if (n.serves.length > 0 && this.critical > 0) return { node: n.id, code: 'critical-one-at-a-time', reason: `serves ${n.serves.join(', ')}: one critical node at a time, and one is in flight` };
    return null;
  }
}

/** A node's group for a per-group cap; nodes without the field share one group. */
const group = (n: RolloutNode, k: 'area' | 'site' | 'nat_group'): string => n[k] ?? '\u0000none';

/** How many of the nodes share n's area / site / NAT group. */
const count = (nodes: readonly RolloutNode[], k: 'area' | 'site' | 'nat_group', n: RolloutNode): number => nodes.filter((m) => group(m, k) === group(n, k)).length;

/** A node's place in the order: its role's index in role_order (unlisted roles after the listed ones); critical nodes after all. */
function rankOf(limits: EffectiveLimits): (n: RolloutNode) => number {
  const order = limits.role_order;
  const index = new Map<string, number>();
  order.forEach((r, i) => index.has(r) || index.set(r, i));
  return (n) => (n.serves.length > 0 ? order.length + 1 : (n.role !== undefined ? index.get(n.role) : undefined) ?? order.length);
}

function roleName(rank: number, limits: EffectiveLimits): string {
  return rank < limits.role_order.length ? limits.role_order[rank]! : 'the other';
}

/** Whether id is in the sorted id list (binary search: the target set is sorted). */
function isTargeted(sorted: readonly string[], id: string): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

const compareKeys = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};
const ratio = (x: number): string => `${Math.round(x * 1000) / 10}%`;
/** How long, coarse: seconds under a minute (a canary of `healthy_for: 10s` reads '4s of 10s'), else whole minutes. */
const minutes = (ms: number): string => (!Number.isFinite(ms) ? 'an unknown time' : ms < 60_000 ? `${Math.max(0, Math.floor(ms / 1000))}s` : `${Math.floor(ms / 60_000)}m`);

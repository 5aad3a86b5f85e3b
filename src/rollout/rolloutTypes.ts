/**
 * The shapes the lease planner works on: a rollout's intent, the fleet's caps
 * (policies/rollout.yaml), the targeted nodes with their topology and mode,
 * the per-node journal, and the plan it returns. Plain data, no I/O.
 */
import type { Scope } from '../trust/trustTypes.js';

/** A node's update state, as its agent reports it (issue 12). */
export type JournalState = 'blocked' | 'leased' | 'staged' | 'applying' | 'healthy' | 'rolled_back' | 'aborted';

export const JOURNAL_STATES: readonly JournalState[] = ['blocked', 'leased', 'staged', 'applying', 'healthy', 'rolled_back', 'aborted'];

/** States of a node holding a lease: unavailable, counted against max_parallel and max_unavailable. */
export const IN_FLIGHT: readonly JournalState[] = ['leased', 'staged', 'applying'];

/** The roles whose nodes are updated one at a time and last. */
export const CRITICAL_ROLES = ['control-api', 'update-store', 'update-cache', 'relay'] as const;
export type CriticalRole = (typeof CRITICAL_ROLES)[number];

/** policies/rollout.yaml (schemas/rollout.schema.json). */
export interface RolloutPolicy {
  max_parallel: number;
  max_parallel_per_area?: number;
  max_parallel_per_site?: number;
  max_parallel_per_nat_group?: number;
  max_unavailable?: number;
  failure_rate_stop?: { max_rate: number; min_executed: number };
  /** A duration ('30m'): a lease whose node's state does not change for this long expires and counts as a failure. */
  lease_ttl?: string;
  /** A duration: a leased node whose last report is older than this has lost its heartbeat; the rollout stops. */
  heartbeat_timeout?: string;
  /** Node roles, lowest risk first. */
  role_order?: string[];
  override_role?: string;
}

export type StrategyType = 'canary' | 'rolling' | 'pinned' | 'forced-node';

export interface RolloutStrategy {
  type: StrategyType;
  canary_count?: number;
  batch_size?: number;
  /** A duration: how long every canary must have been healthy before the rest starts. */
  healthy_for?: string;
  nodes?: string[];
  max_parallel?: number;
  max_unavailable?: number;
}

/** The parts of an intent's front matter the planner reads. */
export interface RolloutIntent {
  id: string;
  version?: number;
  /** A date or date-time (src/trust/expiryInstant.ts). */
  expires: string;
  target: Scope;
  /** The default is rolling. */
  strategy?: RolloutStrategy;
  control: 'run' | 'paused' | 'aborted';
  /**
   * The artifact's host-agent phase, when this intent is its node-agent phase
   * (same artifact version, name with host-agent for node-agent): the nodes
   * where that phase is not done yet wait for it.
   */
  after?: { intent: string; pending: ReadonlySet<string> };
}

/** A node as the planner sees it: topology, mode (status/modes.json) and the critical roles it serves (servedRoles). */
export interface RolloutNode {
  id: string;
  role?: string;
  area?: string;
  site?: string;
  nat_group?: string;
  labels?: Record<string, unknown>;
  /** ACTIVE, DEGRADED, DISABLED, PLANNED or UNKNOWN (never observed). Only ACTIVE nodes are leased. */
  mode: string;
  /** Critical roles served (control-api, update-store, update-cache, relay); empty for an ordinary node. */
  serves: readonly string[];
  /** False when no agent has reported for the node (status/agents/<id>.json absent): never leased, since the lease could only expire. Absent: not tracked (counts as reporting). */
  agent?: boolean;
}

/** One node's line in the rollout's journal. */
export interface JournalEntry {
  node: string;
  state: JournalState;
  /** ISO time the node entered this state. */
  since: string;
  /** ISO time its lease was granted (absent for a node never leased). */
  leased_at?: string;
  /** ISO time of the node's last report (its heartbeat); `since` when absent. */
  reported_at?: string;
}

export interface Grant {
  node: string;
  /** ISO time the lease expires unless the node progresses; null without a lease_ttl. */
  expires: string | null;
  /** True for one of the canary strategy's first canary_count nodes. */
  canary: boolean;
}

export interface Revocation {
  node: string;
  code: 'lease-expired' | 'intent-aborted' | 'intent-refused' | 'intent-expired';
  reason: string;
}

export type WaitCode =
  | 'intent-refused'
  | 'intent-expired'
  | 'intent-aborted'
  | 'intent-paused'
  | 'rollout-halted'
  | 'node-missing'
  | 'node-disabled'
  | 'node-planned'
  | 'node-degraded'
  | 'node-unknown'
  | 'node-not-active'
  | 'node-no-agent'
  | 'host-agent-first'
  | 'not-in-strategy'
  | 'canary-wait'
  | 'role-order'
  | 'critical-last'
  | 'critical-one-at-a-time'
  | 'max-parallel'
  | 'max-unavailable'
  | 'max-parallel-per-area'
  | 'max-parallel-per-site'
  | 'max-parallel-per-nat-group';

export interface Waiting {
  node: string;
  code: WaitCode;
  reason: string;
}

export type HaltCode = 'rollout-failure-rate' | 'rollout-heartbeat-lost' | 'rollout-canary-failed';

export type RolloutState = 'running' | 'complete' | 'halted' | 'paused' | 'aborted' | 'expired' | 'refused';

export interface LeasePlan {
  intent: string;
  state: RolloutState;
  grants: Grant[];
  revocations: Revocation[];
  /** Every targeted node that still needs the update, is not in flight and is not granted now, with why. */
  waiting: Waiting[];
  /** Nodes holding a lease (leased, staged, applying), sorted. */
  in_flight: string[];
  /** Nodes done with this intent (healthy, rolled_back, aborted), sorted. */
  done: string[];
  /** In-flight nodes whose lease ran out this tick (also revoked; each counts as a failure). */
  expired_leases: string[];
  halted: null | { code: HaltCode; message: string };
  /** The limits in force after the intent tightened the policy's. */
  limits: EffectiveLimits;
}

/** The policy's caps, tightened (never loosened) by the intent's strategy; durations in ms. */
export interface EffectiveLimits {
  max_parallel: number;
  max_parallel_per_area: number | null;
  max_parallel_per_site: number | null;
  max_parallel_per_nat_group: number | null;
  max_unavailable: number | null;
  failure_rate_stop: { max_rate: number; min_executed: number } | null;
  lease_ttl_ms: number | null;
  heartbeat_timeout_ms: number | null;
  role_order: string[];
}

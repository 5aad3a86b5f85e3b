/**
 * A node's mode and the hysteresis counters that decide it. DISABLED and
 * PLANNED are declared in the node's file; ACTIVE and DEGRADED are observed.
 * UNKNOWN: enabled but never observed yet.
 */
export type Mode = 'ACTIVE' | 'DEGRADED' | 'DISABLED' | 'PLANNED' | 'UNKNOWN';

export interface ModeState {
  mode: Mode;
  /** ISO time the node entered this mode (null: unknown, e.g. declared modes before any run). */
  since: string | null;
  /** ISO time of the last passing observation. */
  last_verified: string | null;
  /** ISO time of the last observation, passing or failing (null: never observed); the board judges staleness from it. */
  observed_at: string | null;
  /** Consecutive failed observations counted toward DEGRADED (only while not DEGRADED). */
  failures: number;
  /** Consecutive passing observations counted toward the connectivity proof (only while DEGRADED or UNKNOWN). */
  passes: number;
  /** Why the node is in this mode. */
  reason: string;
}

export interface ModePolicy {
  failureThreshold: number;
  successThreshold: number;
}

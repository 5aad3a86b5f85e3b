/**
 * Everything the agent's cycle touches outside its journal, passed in: the
 * fetch, the apply and health commands, the outbox and the relay, the clock.
 * `fleethub agent` passes real processes and Git (processAgentIo.ts); the
 * simulations pass simulated nodes (scripts/sim/) through the same cycle.
 */
import type { FleetSnapshot } from './readFleetSnapshot.js';
import type { FleetView } from './readFleetView.js';

export interface FetchResult {
  /** The address used (may carry credentials: never printed) and as it may be printed. */
  url: string;
  shown: string;
  branch: string;
  snapshot: FleetSnapshot;
}

export interface HealthAnswer {
  /** Exit status 0. */
  healthy: boolean;
  /** The first line it printed, trimmed: the installed version; null when it printed nothing. */
  version: string | null;
  detail: string;
}

export interface RunningCommand {
  exited: Promise<{ code: number | null; detail: string }>;
}

export interface AgentIo {
  now(): Date;
  /** The fleet from the first remote that answers; AgentOfflineError when none does. */
  fetch(): Promise<FetchResult>;
  /** The snapshot parsed (the simulations share one parse between many agents). */
  view(snapshot: FleetSnapshot): FleetView;
  /**
   * Starts the apply command with these variables added to its environment.
   * `started` is called with its process id (null for an in-process
   * simulation) before the command itself may run: the journal keeps the id,
   * so a command whose id is not in the journal never ran.
   */
  startApply(vars: Readonly<Record<string, string>>, started: (run: { pid: number | null; token: string }) => void): Promise<RunningCommand>;
  /** Runs the health command (null when none is configured). */
  health(vars: Readonly<Record<string, string>>): Promise<HealthAnswer | null>;
  /** Whether a process left running by an earlier agent is still there. */
  processAlive(pid: number): boolean;
  /**
   * Once that process is gone: whether its command got past the gate and
   * started (an agent killed after saving the id, before opening the gate,
   * leaves a process that exits without running anything). The token is the
   * one `started` was given; its mark stays until the next command starts.
   */
  commandStarted(token: string): boolean;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Records status/agents/<node>.json's new text in the agent's outbox (durable on return). */
  record(path: string, text: string): Promise<void>;
  /** Relays the outbox: to `preferred` (the remote fetched from) first, then the others; the error when none accepts. */
  relay(preferred: string | null): Promise<{ ok: true } | { ok: false; error: string }>;
}

/** What the reconcile steps share: the I/O they are given, the options, and what earlier steps found. */
import type Database from 'better-sqlite3';
import type { ModePolicy, ModeState } from '../evaluate/modeState.js';
import type { FindingCode } from '../records/hints.js';
import type { NodeObservation, ProbeOptions, ProbeTarget } from '../observe/observation.js';
import type { BoardNode, BoardWorkload } from '../report/boardInput.js';
import type { EventBody } from '../outbox/outboxEvent.js';
import type { Condition } from './condition.js';

export interface ReconcileIo {
  root: string;
  now(): Date;
  /** A repository file's text, or null when it does not exist. */
  readText(path: string): string | null;
  writeText(path: string, text: string): void;
  probe(targets: ProbeTarget[], options: ProbeOptions): Promise<NodeObservation[]>;
  /** Records events in the durable outbox (reconcile --push); returns their ids. */
  record(events: EventBody[]): Promise<string[]>;
  /**
   * A reader of the files as they are once this checkout's events land: the
   * working tree with the outbox's pending events and those relayed upstream
   * but not pulled yet applied on top (what `workplan` and `task` show too).
   */
  readNotInFiles(): Promise<(path: string) => string | null>;
}

export interface ReconcileOptions {
  /** Probe the fleet (otherwise: offline, on the last recorded observations). */
  probe: boolean;
  /** Write the generated artifacts that changed. */
  write: boolean;
  /** Record the generated artifacts that changed as outbox events instead (to be relayed upstream). */
  push?: boolean;
  /** Probe only these nodes. */
  only?: string[];
  /** Contact non-loopback addresses. */
  allowRemote: boolean;
}

export interface RuntimePolicy extends ModePolicy {
  probeTimeoutMs: number;
  tickDeadlineMs: number;
  concurrency: number;
  refreshMs: number;
  /** An observation older than this is stale (policies/modes.yaml stale_after; default refresh_interval). */
  staleAfterMs: number;
}

/** A node as its file declares it: the board's fields, and whether it is enabled or only planned. */
export interface DeclaredNode extends Omit<BoardNode, 'state' | 'reachable'> {
  enabled: boolean;
  planned: boolean;
}

export interface ReconcileFinding {
  code: FindingCode;
  severity: 'error' | 'warning';
  /** `kind:id` (`workload:openbao`, `check:forge-off-coulombcore`), or a file for file-level problems. */
  record: string;
  message: string;
  /** Repository-relative path of the file the finding is about, and where in it (1-based). */
  file?: string;
  line?: number;
  col?: number;
  /** What to do about it; when absent, the code's hint (src/records/hints.ts). */
  hint?: string;
}

/** The outcome of one named check. */
export interface CheckResult {
  id: string;
  status: 'pass' | 'fail' | 'error' | 'timeout';
  /** What the expectation compared: the number of rows returned. */
  count: number;
  /** The rows returned (at most a few dozen kept), for people to see why. */
  rows: Array<Record<string, unknown>>;
  /** Why it failed or errored, in a sentence. */
  message: string;
  ms: number;
}

export interface Change {
  path: string;
  action: 'create' | 'update';
}

export interface ReconcileContext {
  io: ReconcileIo;
  options: ReconcileOptions;
  now: string;
  db: Database.Database | null;
  policy: RuntimePolicy;
  nodes: DeclaredNode[];
  workloads: BoardWorkload[];
  probes: ProbeTarget[];
  /** From status/modes.json, read through `readGenerated`. */
  previous: Map<string, ModeState>;
  /**
   * The generated files as upstream has them or will once the outbox is
   * relayed (`io.readNotInFiles`; the working tree until the load step runs):
   * the previous modes come from it, and with --push the changes are judged
   * against it, so repeated pushes without a git pull advance the hysteresis.
   */
  readGenerated: (path: string) => string | null;
  /** Made in this run (with --probe). */
  observations: Map<string, NodeObservation>;
  /** The last recorded observation of each node, this run's included. */
  lastObservations: Map<string, NodeObservation>;
  /** Each node's mode after this run. */
  states: Map<string, ModeState>;
  /** What status/modes.json holds after this run (last-verified times move only after the refresh interval). */
  persisted: Map<string, ModeState>;
  findings: ReconcileFinding[];
  /** Results of the named checks (policies of kind checks), by check id, once the checks step ran. */
  checkResults: Map<string, CheckResult>;
  /** Markdown sections later steps add to the board (drain waves, workplans), in order. */
  boardSections: string[];
  artifacts: Array<{ path: string; text: string }>;
  changes: Change[];
  /** Ids of the events the apply step recorded (with push). */
  recorded: string[];
  conditions: Map<string, Condition[]>;
}

export const DEFAULT_POLICY: RuntimePolicy = {
  failureThreshold: 3,
  successThreshold: 2,
  probeTimeoutMs: 2000,
  tickDeadlineMs: 10_000,
  concurrency: 32,
  refreshMs: 3_600_000,
  staleAfterMs: 3_600_000,
};

export function createContext(io: ReconcileIo, options: ReconcileOptions): ReconcileContext {
  return {
    io,
    options,
    now: io.now().toISOString(),
    db: null,
    policy: DEFAULT_POLICY,
    nodes: [],
    workloads: [],
    probes: [],
    previous: new Map(),
    readGenerated: io.readText,
    observations: new Map(),
    lastObservations: new Map(),
    states: new Map(),
    persisted: new Map(),
    findings: [],
    checkResults: new Map(),
    boardSections: [],
    artifacts: [],
    changes: [],
    recorded: [],
    conditions: new Map(),
  };
}

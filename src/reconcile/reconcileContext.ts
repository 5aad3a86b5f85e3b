/** What the reconcile steps share: the I/O they are given, the options, and what earlier steps found. */
import type { TaskOverlay } from '../workplans/evaluateWorkplans.js';
import type Database from 'better-sqlite3';
import type { Refreshed } from '../cache/refreshCache.js';
import type { ParsedRecord } from '../cache/readParsedRecords.js';
import type { CheckToRun } from '../checks/runChecks.js';
import { CacheNotLoadedError } from '../errors.js';
import type { PlacementHistory } from '../repo/placementHistory.js';
import type { ModePolicy, ModeState } from '../evaluate/modeState.js';
import type { NodeReport } from '../evaluate/nodeReports.js';
import type { Finding } from '../records/finding.js';
import type { Memo } from '../records/memo.js';
import type { NodeObservation, ProbeOptions, ProbeTarget } from '../observe/observation.js';
import type { ObservationSet, Shard } from '../observe/shard.js';
import type { ArtifactRenderers, BoardNode, BoardSectionData, BoardWorkload } from './boardInput.js';
import type { EventBody } from './outboxEvent.js';
import type { CheckResult } from '../checks/checkResult.js';
import type { TrustIo } from '../trust/readFleetTrust.js';
import type { RatchetEntry } from '../trust/trustTypes.js';
import type { FleetTrust } from '../trust/verifyFleetTrust.js';
import type { KeyObject } from 'node:crypto';
import type { RolloutTick, RolloutTickInput } from '../rollout/rolloutTick.js';

export interface ReconcileIo {
  root: string;
  now(): Date;
  /** A repository file's text, or null when it does not exist. */
  readText(path: string): string | null;
  writeText(path: string, text: string): void;
  probe(targets: ProbeTarget[], options: ProbeOptions): Promise<NodeObservation[]>;
  /** Brings the cache up to date with the files and opens it (the load step). */
  refreshCache(): Promise<Refreshed>;
  /** When each placement in these workload files first appeared, from Git history (the freeze step), memoised in `memo` (the cache's). */
  placementHistory(files: string[], memo?: Memo): Promise<PlacementHistory>;
  /** Runs the named checks read-only against the cache file (the checks step). */
  runChecks(checks: CheckToRun[]): Promise<CheckResult[]>;
  /** Records events in the durable outbox (reconcile --push); returns their ids. */
  record(events: EventBody[]): Promise<string[]>;
  /** The renderers of status/BOARD.md and status/runtime-registry.json (src/report/). */
  render: ArtifactRenderers;
  /** The trust step's reads: the pinned root, trust.yaml's history, the ratchet (src/trust/readFleetTrust.ts). */
  trust: TrustIo;
  /**
   * The files as they are once this checkout's events land: `read`, a reader
   * of the working tree with the outbox's pending events and those relayed
   * upstream but not pulled yet applied on top, and `tasks`, the task states
   * those events set (what `workplan` and `task` show too).
   */
  notInFiles(): Promise<{ read: (path: string) => string | null; tasks: ReadonlyMap<string, TaskOverlay> }>;
  /** The orchestrator's private key (FLEETHUB_ORCHESTRATOR_KEY, a key file's path) and where it came from; null when not set (the rollout step). */
  orchestratorKey(): { key: KeyObject; source: string } | null;
}

/** One intent's rollout tick (the rollout step): what it was planned from, the plan and the next rollout file. */
export interface RolloutRun {
  intent: string;
  /** The intent's file. */
  file: string;
  /** status/rollouts/<intent>.yaml. */
  path: string;
  input: RolloutTickInput;
  tick: RolloutTick;
  /** The rollout file's next text; null while the rollout has not started (no file is written). */
  text: string | null;
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
  /** Probe only the nodes of this shard (fleethub probe --shard i/n; src/observe/shardOf.ts). */
  shard?: Shard;
  /**
   * Instead of probing: the observations the shards' probe jobs wrote
   * (fleethub reconcile --observations), counted as this run's. A shard no
   * file names leaves its nodes as they were, with a probe-shard-missing finding.
   */
  observationSets?: readonly ObservationSet[];
  /** Contact non-loopback addresses. */
  allowRemote: boolean;
  /** Run only these named checks (fleethub check <ids>). */
  checks?: readonly string[];
}

export interface RuntimePolicy extends ModePolicy {
  probeTimeoutMs: number;
  tickDeadlineMs: number;
  concurrency: number;
  /** The heartbeat: observation times in status/ rewritten once they moved this much (policies/modes.yaml refresh_interval); null (the default): only when a node's state changes. */
  refreshMs: number | null;
  /** An observation older than this is stale (policies/modes.yaml stale_after; default refresh_interval, else one hour). */
  staleAfterMs: number;
}

/** A node as its file declares it: the board's fields, and whether it is enabled or only planned. */
export interface DeclaredNode extends Omit<BoardNode, 'state' | 'reachable'> {
  enabled: boolean;
  planned: boolean;
}

export interface Change {
  path: string;
  action: 'create' | 'update';
}

export interface ReconcileContext {
  io: ReconcileIo;
  options: ReconcileOptions;
  now: string;
  /** The cache, opened by the load step; any use before it throws CacheNotLoadedError (the one place a missing cache is handled). */
  db: Database.Database;
  policy: RuntimePolicy;
  nodes: DeclaredNode[];
  workloads: BoardWorkload[];
  /** The node and workload records as the load step read them, data parsed (the policies' and the scopes' views are built from them). */
  nodeRecords: ParsedRecord[];
  workloadRecords: ParsedRecord[];
  /** From status/modes.json, read through `readGenerated`. */
  previous: Map<string, ModeState>;
  /**
   * The generated files as upstream has them or will once the outbox is
   * relayed (`io.readNotInFiles`; the working tree until the load step runs):
   * the previous modes come from it, and with --push the changes are judged
   * against it, so repeated pushes without a git pull advance the hysteresis.
   */
  readGenerated: (path: string) => string | null;
  /** The task states events not in the files yet set (`io.notInFiles`; none until the load step runs): the workplans step evaluates with them. */
  pendingTasks: ReadonlyMap<string, TaskOverlay>;
  /** Made in this run (with --probe). */
  observations: Map<string, NodeObservation>;
  /** The last recorded observation of each node, this run's included. */
  lastObservations: Map<string, NodeObservation>;
  /** Each node's mode after this run. */
  states: Map<string, ModeState>;
  /** What status/modes.json holds after this run (observation times move only with a change of state, or the heartbeat). */
  persisted: Map<string, ModeState>;
  /** From status/node-reports.json, read through `readGenerated`. */
  previousReports: Map<string, NodeReport>;
  /** What each node last reported in its status document, after this run: status/node-reports.json. */
  reports: Map<string, NodeReport>;
  findings: Finding[];
  /** Results of the named checks (policies of kind checks), by check id, once the checks step ran. */
  checkResults: Map<string, CheckResult>;
  /** The sections steps add to the board (freeze, drain waves, workplans), as data, in order; the plan step renders them. */
  boardSections: BoardSectionData[];
  /** The trust step's verdicts (the trust.yaml chain, each intent) and the ratchet after this run; null before the step. */
  trust: (FleetTrust & { ratchet: Map<string, RatchetEntry> }) | null;
  /** The rollout step's ticks, one per update intent, in id order. */
  rollouts: RolloutRun[];
  artifacts: Array<{ path: string; text: string }>;
  changes: Change[];
  /** Ids of the events the apply step recorded (with push). */
  recorded: string[];
}

export const DEFAULT_POLICY: RuntimePolicy = {
  failureThreshold: 3,
  successThreshold: 2,
  probeTimeoutMs: 2000,
  tickDeadlineMs: 10_000,
  concurrency: 32,
  refreshMs: null,
  staleAfterMs: 3_600_000,
};

/** The cache before the load step opened it: not open, and every other use throws. */
const NOT_LOADED = new Proxy({} as Database.Database, {
  get(_, key) {
    if (key === 'open') return false;
    throw new CacheNotLoadedError(String(key));
  },
});

export function createContext(io: ReconcileIo, options: ReconcileOptions): ReconcileContext {
  return {
    io,
    options,
    now: io.now().toISOString(),
    db: NOT_LOADED,
    policy: DEFAULT_POLICY,
    nodes: [],
    workloads: [],
    nodeRecords: [],
    workloadRecords: [],
    previous: new Map(),
    readGenerated: io.readText,
    pendingTasks: new Map(),
    observations: new Map(),
    lastObservations: new Map(),
    states: new Map(),
    persisted: new Map(),
    previousReports: new Map(),
    reports: new Map(),
    findings: [],
    checkResults: new Map(),
    boardSections: [],
    trust: null,
    rollouts: [],
    artifacts: [],
    changes: [],
    recorded: [],
  };
}

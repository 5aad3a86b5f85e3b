/**
 * The input of the generated artifacts (status/BOARD.md, status/runtime-registry.json):
 * plain data assembled by the reconcile loop from the cache and the node modes, so the
 * renderers stay pure (no cache, no file system, no clock).
 */
import type { ModeState } from '../evaluate/modeState.js';
import type { Finding } from '../records/finding.js';
import type { DrainProgress } from '../policy/evaluateDrainSequence.js';
import type { FreezeEntry, FreezeResult } from '../policy/evaluateFreeze.js';
import type { HistoryUnavailableReason } from '../repo/placementHistory.js';
import type { WorkplanEvaluation } from '../workplans/evaluateWorkplans.js';

export interface BoardNode {
  id: string;
  title: string;
  role: string;
  target_role: string | null;
  area: string | null;
  site: string | null;
  nat_group: string | null;
  state: ModeState;
  /** null = not probed in this run */
  reachable: boolean | null;
  /** Its last observation is more than stale_after older than the board's (BoardInput.observations.asOf); age_s is relative to that. Absent or null: not stale. */
  stale?: { observed_at: string; age_s: number } | null;
}

export interface BoardWorkload {
  id: string;
  title: string;
  kind: string;
  host: string | null;
  target_host: string | null;
  owner: string | null;
  stage: string | null;
  target_stage: string | null;
  critical: boolean;
  advertise: boolean;
  /** tunnels: node ids in path order */
  via: string[];
  listeners: Array<{ port: number; protocol: string; edge_role: string | null }>;
}

export interface BoardInput {
  nodes: BoardNode[];
  workloads: BoardWorkload[];
  findings: Finding[];
  /** The time of the observations the board shows (the latest recorded in status/modes.json; null: none yet) and the stale_after it judges against. */
  observations?: { asOf: string | null; staleAfterS: number };
  /** What the steps added (freeze, drain waves, workplans), in order; rendered after the default sections. */
  sections?: BoardSectionData[];
}

/** A board section a step adds, as data: src/report/renderBoardSection.ts renders it. */
export type BoardSectionData =
  | { kind: 'freeze'; hosts: Array<{ entry: FreezeEntry; results: FreezeResult[] }>; missing: { reason: HistoryUnavailableReason; rules: string[] } | null }
  | { kind: 'drain'; progress: DrainProgress }
  | { kind: 'workplans'; evaluation: WorkplanEvaluation }
  | { kind: 'intents'; trust: { ok: boolean; version: number | null; chain: number[]; refusal: string | null }; intents: IntentRow[] }
  | { kind: 'rollouts'; rollouts: RolloutRow[] };

/** A rollout on the board (the rollout step): its state, progress by area, the next wave and why it is halted. */
export interface RolloutRow {
  intent: string;
  version: number | null;
  /** The planner's state: running, complete, halted, paused, aborted, expired, refused. */
  state: string;
  /** The operator's control (status/rollouts/) and the intent's signed one. */
  control: { operator: string; signed: string };
  epoch: number;
  /** Per area of the targeted nodes: how many, and how many in each journal state ('not started' for nodes without a line). */
  areas: Array<{ area: string; nodes: number; states: Record<string, number> }>;
  /** The nodes the next tick leases. */
  next: string[];
  /** The next wave is planned but would not be issued: no orchestrator key in this run. */
  unsigned: boolean;
  halted: null | { code: string; message: string };
  /** Why the nodes still to do wait: each reason code and how many. */
  waits: Array<{ code: string; nodes: number }>;
}

/** An intent on the board: what it is, who signed it and the verdict. */
export interface IntentRow {
  id: string;
  kind: string;
  version: number | null;
  control: string;
  strategy: string;
  signers: string[];
  trusted: boolean;
  /** The first failing rule's code and every failing rule's message; empty when trusted. */
  reason: string | null;
  why: string[];
}

/** The renderers of the generated artifacts, passed in with the I/O (src/cli/fileIo.ts) so the loop does not import report/. */
export interface ArtifactRenderers {
  board(input: BoardInput): string;
  runtimeRegistry(input: BoardInput): string;
}

/** A board section renderer (src/report/). */
export type BoardSection = (input: BoardInput) => string;

/**
 * The input of the generated artifacts (status/BOARD.md, status/runtime-registry.json):
 * plain data assembled by the reconcile loop from the cache and the node modes, so the
 * renderers stay pure (no cache, no file system, no clock).
 */
import type { ModeState } from '../evaluate/modeState.js';

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

export interface BoardFinding {
  code: string;
  severity: 'error' | 'warning';
  record: string;
  message: string;
}

export interface BoardInput {
  nodes: BoardNode[];
  workloads: BoardWorkload[];
  findings: BoardFinding[];
}

/** A board section; later issues add sections (drain waves, workplans) by appending to the list. */
export type BoardSection = (input: BoardInput) => string;

/**
 * What the page reads from a hub snapshot (the section shapes of docs/hub.md). Every field is
 * optional: a renderer that does not find the shape it knows hands the section to the generic
 * table instead of guessing.
 */
export interface PageSnapshot {
  revision: number;
  generatedAt: string;
  sections: Record<string, unknown>;
}

/** The board's view state, from the page address's query: the node filter, an area, pages. */
export interface HubView {
  q: string;
  area: string | null;
  workplan: string | null;
  pages: Record<string, number>;
  params: URLSearchParams;
}

export type Mode = 'ACTIVE' | 'DEGRADED' | 'DISABLED' | 'PLANNED' | 'UNKNOWN';

export interface PageNode {
  id: string;
  declared?: string;
  mode?: string;
  since?: string | null;
  last_verified?: string | null;
  stale?: unknown;
  reasons?: string[];
  reason?: string;
  area?: string | null;
  site?: string | null;
  role?: string | null;
  services?: unknown;
  pending?: boolean;
}

export interface PageEdge {
  id?: string;
  workload?: string;
  from: string;
  to: string;
  via?: string[];
  critical?: boolean;
  pending?: boolean;
}

export interface PageTask {
  id: string;
  key?: string;
  readiness?: string;
  depends?: string[];
  upstream?: boolean;
  title?: string;
  state?: string;
  pending?: boolean;
}

export interface PageWorkplan {
  id: string;
  title?: string;
  status?: string;
  progress?: { done: number; total: number };
  done?: number;
  total?: number;
  ready?: string[];
  blocked?: string[];
  critical_path?: string[];
  criticalPath?: string[];
  tasks?: PageTask[];
  pending?: boolean;
}

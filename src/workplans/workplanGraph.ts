/**
 * The workplans and their tasks as one dependency graph, read from the cache:
 * each task's state, its dependencies (edges rel `depends`, qualified keys,
 * possibly in other workplans or unknown) and its done-when check ids (edges
 * rel `done-when`). The graph is plain data, so the evaluations over it
 * (readiness, critical paths, verification) are pure and tested in memory.
 */
import type Database from 'better-sqlite3';
import type { TaskState } from '../records/parseTasks.js';

export type { TaskState };

export interface GraphTask {
  /** `WORKPLAN/TASK`, e.g. `CUST-WP-0054/T04`. */
  key: string;
  workplan: string;
  id: string;
  title: string;
  state: TaskState;
  owner: string | null;
  /** Keys of the tasks it depends on, in the order written (they may not exist). */
  depends: string[];
  /** Check ids of its done-when field, in the order written. */
  doneWhen: string[];
  file: string;
  line: number;
  /** Where the task's text starts on its line (its id). */
  col: number;
  /** The state comes from an event not in the file yet: still in the outbox (`pending`), or landed upstream but not pulled (`upstream`). */
  overlay?: 'pending' | 'upstream';
}

export interface GraphWorkplan {
  id: string;
  title: string;
  status: string | null;
  owner: string | null;
  file: string;
  /** Keys of its tasks, in file order. */
  tasks: string[];
}

export interface WorkplanGraph {
  /** In id order. */
  workplans: GraphWorkplan[];
  tasks: ReadonlyMap<string, GraphTask>;
}

const STATES: ReadonlySet<string> = new Set(['todo', 'doing', 'done', 'cancelled', 'blocked']);

/**
 * With `patch`, only the workplans of `patch.files` are read again (the files
 * saved since `patch.previous` was read from this cache; a deleted one has
 * none), the rest taken from `patch.previous`: the same graph as a full read.
 * `previous` is not changed.
 */
export function workplanGraph(db: Database.Database, patch?: { previous: WorkplanGraph; files: ReadonlySet<string> }): WorkplanGraph {
  const files = patch ? [...patch.files] : [];
  const inFiles = (column: string): string => (patch ? ` WHERE ${column} IN (SELECT value FROM json_each(?))` : '');
  const args = patch ? [JSON.stringify(files)] : [];
  const read = (db.prepare(`SELECT id, title, status, owner, file FROM workplans${inFiles('file')} ORDER BY id`).all(...args) as Array<Omit<GraphWorkplan, 'tasks'>>).map((w) => ({ ...w, tasks: [] as string[] }));
  const readIds = new Set(read.map((w) => w.id));
  const kept = patch ? patch.previous.workplans.filter((w) => !patch.files.has(w.file) && !readIds.has(w.id)) : [];
  const workplans = patch ? [...kept, ...read].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : read;
  const byId = new Map(read.map((w) => [w.id, w]));
  const fresh = new Map<string, GraphTask>();
  // Rows as arrays: 10,000 tasks on the large fleet, each made into its GraphTask here anyway.
  const rows = db.prepare(`SELECT key, workplan, id, title, state, owner, line, col, file FROM tasks${inFiles('file')} ORDER BY workplan, line, key`).raw().all(...args) as Array<[string, string, string, string, string, string | null, number, number, string]>;
  for (const [key, workplan, id, title, state, owner, line, col, file] of rows) {
    const wp = byId.get(workplan);
    if (!wp) continue;
    fresh.set(key, { key, workplan, id, title, state: STATES.has(state) ? (state as TaskState) : 'todo', owner, line, col, file, depends: [], doneWhen: [] });
    wp.tasks.push(key);
  }
  const edges = db.prepare(`SELECT src_id, rel, dst_id FROM edges WHERE src_kind = 'task' AND rel IN ('depends', 'done-when')${patch ? ' AND src_id IN (SELECT value FROM json_each(?))' : ''} ORDER BY src_id, rel, ord`).all(...(patch ? [JSON.stringify([...fresh.keys()])] : [])) as Array<{ src_id: string; rel: string; dst_id: string }>;
  for (const e of edges) {
    const t = fresh.get(e.src_id);
    if (!t) continue;
    const list = e.rel === 'depends' ? t.depends : t.doneWhen;
    if (!list.includes(e.dst_id)) list.push(e.dst_id);
  }
  if (!patch) return { workplans, tasks: fresh };
  // The tasks in the full read's order: by workplan, then line, then key.
  const tasks = new Map<string, GraphTask>();
  for (const w of workplans) for (const k of w.tasks) tasks.set(k, fresh.get(k) ?? patch.previous.tasks.get(k)!);
  return { workplans, tasks };
}

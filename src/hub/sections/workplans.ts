/** Section `workplans`: each workplan's progress, ready tasks, critical path and tasks (state, readiness, done-when verdict), a task whose state comes from an event not in the files yet marked pending (in the outbox) or upstream (relayed, not pulled). */
import type { HubInput } from '../hubInput.js';

export interface HubTask {
  key: string;
  id: string;
  title: string;
  state: string;
  readiness: string;
  owner: string | null;
  depends: string[];
  verdict: string;
  line: number;
  pending?: true;
  upstream?: true;
}

export interface HubWorkplan {
  id: string;
  title: string;
  status: string | null;
  owner: string | null;
  file: string;
  progress: { done: number; total: number; cancelled: number };
  ready: string[];
  blocked: string[];
  critical_path: string[];
  tasks: HubTask[];
  pending?: true;
}

export function workplans(input: HubInput): HubWorkplan[] {
  const ev = input.workplans;
  return ev.graph.workplans.map((w) => {
    const r = ev.readiness.workplans.get(w.id)!;
    const tasks: HubTask[] = w.tasks.map((k) => {
      const t = ev.graph.tasks.get(k)!;
      return {
        key: k,
        id: t.id,
        title: t.title,
        state: t.state,
        readiness: ev.readiness.tasks.get(k)!.readiness,
        owner: t.owner,
        depends: t.depends,
        verdict: ev.verification.tasks.get(k)!.verdict,
        line: t.line,
        ...(t.overlay === 'pending' ? { pending: true as const } : t.overlay === 'upstream' ? { upstream: true as const } : {}),
      };
    });
    return {
      id: w.id,
      title: w.title,
      status: w.status,
      owner: w.owner,
      file: w.file,
      progress: { done: r.done, total: r.total, cancelled: r.cancelled },
      ready: r.ready,
      blocked: r.blocked,
      critical_path: r.criticalPath,
      tasks,
      ...(tasks.some((t) => t.pending) ? { pending: true as const } : {}),
    };
  });
}

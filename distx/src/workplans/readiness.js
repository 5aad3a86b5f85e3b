/**
 * Workplan readiness. Pure: the graph in, per task and per workplan out.
 *
 * A task's readiness is its state for `done`, `doing` and `cancelled`. A
 * `blocked` box is `blocked`. A todo task is:
 * - `blocked` when a dependency is blocked or unknown (a task that does not
 *   exist) — and this carries on down the chain: a todo task waiting on a
 *   blocked todo task is blocked too, since nothing upstream can move;
 * - `ready` when every dependency is done or cancelled;
 * - `waiting` otherwise (a dependency still todo or doing).
 * Each workplan gets its progress (done of the tasks not cancelled), its ready
 * and blocked tasks and its critical path (criticalPaths.ts). Cycles are
 * validation errors; here they only keep their tasks waiting.
 */
import { criticalPaths } from './criticalPaths.js';
const closed = (state) => state === 'done' || state === 'cancelled';
export function readiness(graph) {
    const { tasks: all } = graph;
    // Blocked todo tasks: from the seeds (blocked boxes, unknown dependencies) down the reverse edges.
    const dependents = new Map();
    for (const t of all.values()) {
        for (const d of t.depends) {
            const list = dependents.get(d);
            if (list)
                list.push(t.key);
            else
                dependents.set(d, [t.key]);
        }
    }
    const blocked = new Set();
    const queue = [];
    const block = (key) => {
        if (blocked.has(key))
            return;
        blocked.add(key);
        queue.push(key);
    };
    for (const t of all.values()) {
        if (t.state === 'blocked')
            block(t.key);
        else if (t.state === 'todo' && t.depends.some((d) => !all.has(d)))
            block(t.key);
    }
    for (let i = 0; i < queue.length; i++) {
        for (const k of dependents.get(queue[i]) ?? [])
            if (all.get(k).state === 'todo')
                block(k);
    }
    const tasks = new Map();
    for (const t of all.values()) {
        const waitingOn = t.depends.filter((d) => !closed(all.get(d)?.state));
        const unknown = t.depends.filter((d) => !all.has(d));
        const blockedBy = waitingOn.filter((d) => !all.has(d) || blocked.has(d));
        let r;
        if (t.state === 'done' || t.state === 'doing' || t.state === 'cancelled')
            r = t.state;
        else if (blocked.has(t.key))
            r = 'blocked';
        else
            r = waitingOn.length === 0 ? 'ready' : 'waiting';
        tasks.set(t.key, { key: t.key, readiness: r, waitingOn, blockedBy, unknown });
    }
    const paths = criticalPaths(graph);
    const workplans = new Map();
    for (const wp of graph.workplans) {
        const of = (r) => wp.tasks.filter((k) => tasks.get(k).readiness === r);
        const cancelled = of('cancelled').length;
        workplans.set(wp.id, {
            id: wp.id,
            done: of('done').length,
            total: wp.tasks.length - cancelled,
            cancelled,
            ready: of('ready'),
            blocked: of('blocked'),
            waiting: of('waiting'),
            doing: of('doing'),
            criticalPath: paths.get(wp.id) ?? [],
        });
    }
    return { tasks, workplans };
}
//# sourceMappingURL=readiness.js.map
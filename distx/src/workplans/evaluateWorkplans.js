import { readiness } from './readiness.js';
import { verifyDoneWhen } from './verifyDoneWhen.js';
import { workplanGraph } from './workplanGraph.js';
/**
 * `overlay`: task states that events not in the files yet will set (pendingTaskStates); they count as set, and the tasks are marked.
 * `graph`: the graph when the caller has it already (workplanGraph with a patch); it is not changed.
 */
export function evaluateWorkplans(db, checkResults, overlay = new Map(), read = workplanGraph(db)) {
    let graph = read;
    if (overlay.size > 0) {
        const tasks = new Map(graph.tasks);
        for (const [key, o] of overlay) {
            const t = tasks.get(key);
            if (t)
                tasks.set(key, { ...t, state: o.state, overlay: o.overlay });
        }
        graph = { workplans: graph.workplans, tasks };
    }
    return { graph, readiness: readiness(graph), verification: verifyDoneWhen(graph.tasks.values(), checkResults), checksRan: checkResults.size > 0 };
}
//# sourceMappingURL=evaluateWorkplans.js.map
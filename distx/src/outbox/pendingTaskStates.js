/**
 * The task states that events not in this checkout's files yet will set, by
 * task key (`WP/T01`): those still waiting in the outbox (`pending`) and those
 * that landed upstream but were not pulled yet (`upstream`). The last event
 * for a task wins, as it does in the files once everything lands.
 */
import { TASK_ACTIONS } from '../records/editTask.js';
export function pendingTaskStates(pending, unpulled = []) {
    const out = new Map();
    const add = (events, overlay) => {
        for (const e of events)
            if (e.type === 'task.set' && TASK_ACTIONS[e.payload.action])
                out.set(`${e.payload.workplan}/${e.payload.task}`, { state: TASK_ACTIONS[e.payload.action].state, overlay });
    };
    add(unpulled, 'upstream');
    add(pending, 'pending');
    return out;
}
//# sourceMappingURL=pendingTaskStates.js.map
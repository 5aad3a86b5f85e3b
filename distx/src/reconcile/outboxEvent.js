export const EVENT_TYPES = ['task.set', 'status.modes', 'status.file'];
/** A one-line description of what an event does, for lists and commit messages. */
export function describeEvent(e) {
    switch (e.type) {
        case 'task.set':
            return `task ${e.payload.action} ${e.payload.workplan}/${e.payload.task}${e.payload.note ? ' (+ note)' : ''}`;
        case 'status.modes':
            return `modes of ${[...Object.keys(e.payload.nodes), ...(e.payload.remove ?? [])].sort().join(', ') || 'no node'}`;
        case 'status.file':
            return `generated ${e.payload.path}`;
    }
}
//# sourceMappingURL=outboxEvent.js.map
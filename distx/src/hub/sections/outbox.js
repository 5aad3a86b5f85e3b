/** Section `outbox`: the write buffer: pending events (each with what it changes), dead letters with why, the last relay error and the upstream (URL redacted) with whether it was reachable. */
import { describeEvent } from '../../reconcile/outboxEvent.js';
export function outbox(input) {
    const o = input.outbox;
    return {
        pending: o.pending.length,
        dead: o.dead.length,
        last_error: o.lastError,
        last_success_at: o.lastSuccessAt,
        next_attempt_at: o.nextAttemptAt,
        upstream: { online: o.upstream.online, url: o.upstream.url },
        events: o.pending.map(eventOut),
        dead_letters: o.dead.map(eventOut),
    };
}
function eventOut(e) {
    const target = e.type === 'task.set' ? [`${e.payload.workplan}/${e.payload.task}`] : e.type === 'status.modes' ? [...Object.keys(e.payload.nodes), ...(e.payload.remove ?? [])].sort() : [e.payload.path];
    return { id: e.id, type: e.type, at: e.at, what: describeEvent(e), target, ...(e.dead ? { dead: e.dead } : {}) };
}
//# sourceMappingURL=outbox.js.map
/** How many outbox events a field counts: a number, or the length of a list of events. */
export function outboxCount(v, list) {
    return typeof v === 'number' ? v : Array.isArray(v) ? v.length : Array.isArray(list) ? list.length : 0;
}
//# sourceMappingURL=outboxCount.js.map
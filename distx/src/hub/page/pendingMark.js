/** The mark on anything an outbox event not relayed yet changes: text, not only a colour. */
export function pendingMark(pending) {
    return pending === true ? ' <span class="pending" title="changed by an outbox event not relayed upstream yet">◔ pending</span>' : '';
}
//# sourceMappingURL=pendingMark.js.map
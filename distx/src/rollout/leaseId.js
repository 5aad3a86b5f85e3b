/** A lease's id: `<intent>/<node>/<epoch>` (intent and node ids are slugs without `/`). Pure. */
export function leaseId(intent, node, epoch) {
    return `${intent}/${node}/${epoch}`;
}
//# sourceMappingURL=leaseId.js.map
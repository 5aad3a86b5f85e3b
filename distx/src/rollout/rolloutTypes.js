export const JOURNAL_STATES = ['blocked', 'leased', 'staged', 'applying', 'healthy', 'rolled_back', 'aborted'];
/** States of a node holding a lease: unavailable, counted against max_parallel and max_unavailable. */
export const IN_FLIGHT = ['leased', 'staged', 'applying'];
/** The roles whose nodes are updated one at a time and last. */
export const CRITICAL_ROLES = ['control-api', 'update-store', 'update-cache', 'relay'];
//# sourceMappingURL=rolloutTypes.js.map
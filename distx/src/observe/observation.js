/**
 * What probing a node yields. Observations are disposable: they live in the
 * cache and in memory; only mode transitions and last-verified times are
 * written to status/.
 */
export {};
//# sourceMappingURL=observation.js.map
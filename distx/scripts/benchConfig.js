/** Settings shared by the benchmark orchestrator and its steps. */
export const PROBE_TIMEOUT_MS = 1000;
/** One probe tick is measured at each of these concurrency limits. */
export const PROBE_CONCURRENCIES = [256, 1000];
//# sourceMappingURL=benchConfig.js.map
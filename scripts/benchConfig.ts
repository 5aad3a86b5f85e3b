/** Settings shared by the benchmark orchestrator and its steps. */
export const PROBE_TIMEOUT_MS = 1000;
export const PROBE_CONCURRENCY = 256;

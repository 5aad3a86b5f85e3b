import { CacheNotLoadedError } from '../errors.js';
export const DEFAULT_POLICY = {
    failureThreshold: 3,
    successThreshold: 2,
    probeTimeoutMs: 2000,
    tickDeadlineMs: 10_000,
    concurrency: 32,
    refreshMs: null,
    staleAfterMs: 3_600_000,
};
/** The cache before the load step opened it: not open, and every other use throws. */
const NOT_LOADED = new Proxy({}, {
    get(_, key) {
        if (key === 'open')
            return false;
        throw new CacheNotLoadedError(String(key));
    },
});
export function createContext(io, options) {
    return {
        io,
        options,
        now: io.now().toISOString(),
        db: NOT_LOADED,
        policy: DEFAULT_POLICY,
        nodes: [],
        workloads: [],
        workloadRecords: [],
        previous: new Map(),
        readGenerated: io.readText,
        observations: new Map(),
        lastObservations: new Map(),
        states: new Map(),
        persisted: new Map(),
        previousReports: new Map(),
        reports: new Map(),
        findings: [],
        checkResults: new Map(),
        boardSections: [],
        trust: null,
        rollouts: [],
        artifacts: [],
        changes: [],
        recorded: [],
    };
}
//# sourceMappingURL=reconcileContext.js.map
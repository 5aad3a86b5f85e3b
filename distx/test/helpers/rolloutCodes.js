/** The finding codes the rollout step reports; test/rolloutReconcile.test.ts produces each in a real run, test/hints.test.ts counts them as produced. */
export const ROLLOUT_CODES = ['orchestrator-key-missing', 'rollout-file-unreadable', 'agent-report-unreadable'];
//# sourceMappingURL=rolloutCodes.js.map
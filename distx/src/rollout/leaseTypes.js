/** The record kind leases are signed as, and the trust.yaml role kind that may sign them. */
export const LEASE_KIND = 'lease';
/** The role the bundled trust.yaml gives the reconciler's key. */
export const ORCHESTRATOR_ROLE = 'orchestrator';
/** How intent_digest is written: this prefix and the verdict's hex digest. */
export const DIGEST_PREFIX = 'sha256:';
/** Why a lease is refused: stable codes (the node agent reports them as its `blocked` reason). */
export const LEASE_REFUSALS = [
    'lease-signature-invalid',
    'lease-key-not-orchestrator',
    'lease-wrong-node',
    'lease-intent-mismatch',
    'lease-expired',
    'lease-epoch-rollback',
];
export const ROLLOUT_CONTROLS = ['active', 'paused', 'aborted'];
/** Where the rollout files and agent reports live in the fleet repository. */
export const ROLLOUTS_DIR = 'status/rollouts';
export const AGENTS_DIR = 'status/agents';
//# sourceMappingURL=leaseTypes.js.map
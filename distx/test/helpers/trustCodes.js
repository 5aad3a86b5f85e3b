/** The finding codes intent verification reports; test/trust.test.ts holds a case for each, test/hints.test.ts counts them as produced. */
export const TRUST_CODES = [
    'intent-unsigned',
    'intent-signature-invalid',
    'intent-unknown-key',
    'intent-key-expired',
    'intent-key-not-allowed',
    'intent-under-threshold',
    'intent-scope-widened',
    'intent-expired',
    'intent-rollback',
    'intent-version-reused',
    'intent-override-required',
    'intent-malformed',
];
/** Reported by the fleet-level verification when the trust root itself is refused. */
export const FLEET_TRUST_CODES = ['intent-untrusted-root'];
/** The codes the trust chain reports (test/trustChain cases in test/trust.test.ts). */
export const TRUST_CHAIN_CODES = ['trust-not-pinned', 'trust-rollback', 'trust-chain-broken', 'trust-chain-gap', 'trust-root-mismatch'];
//# sourceMappingURL=trustCodes.js.map
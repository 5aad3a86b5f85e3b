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
] as const;

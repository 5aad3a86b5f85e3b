/**
 * A rollout lease (issue 12, /docs/rollout.md): the orchestrator's signed
 * permission for one node to apply one version of one intent. It names the
 * intent (id, version, content digest), the node, an epoch that only grows
 * per intent, and an expiry; `id` is `<intent>/<node>/<epoch>`. Signed like
 * every record (src/trust/signedPayload.ts, kind `lease`, id = the lease id)
 * by a key of a role whose kinds include `lease` (the `orchestrator` role of
 * policies/trust.yaml). Plain data.
 */
import type { TrustRoot } from '../trust/trustTypes.js';

/** One signature, as on intents and trust.yaml: the key id is a hint, the key that verifies decides. */
export interface LeaseSignature {
  key: string;
  sig: string;
}

/** What a lease says, before it is signed. */
export interface LeaseBody {
  /** `<intent>/<node>/<epoch>` (leaseId). */
  id: string;
  intent: string;
  intent_version: number;
  /** `sha256:<hex>` of the bytes the intent's signatures cover (signedPayload('intent', id, front matter)). */
  intent_digest: string;
  node: string;
  /** The rollout file's epoch when the lease was issued; only grows per intent. */
  epoch: number;
  /** ISO instant: issue time + lease_ttl. The node starts nothing under it after this. */
  expires: string;
}

export interface Lease extends LeaseBody {
  signatures: LeaseSignature[];
}

/** The record kind leases are signed as, and the trust.yaml role kind that may sign them. */
export const LEASE_KIND = 'lease' as const;

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
] as const;
export type LeaseRefusal = (typeof LEASE_REFUSALS)[number];

export type LeaseVerdict = { ok: true } | { ok: false; code: LeaseRefusal; message: string };

/** The intent a lease must match: the trusted intent's id, version and digest (hex, or `sha256:<hex>`). */
export interface LeaseIntentRef {
  id: string;
  version: number;
  digest: string;
}

export interface VerifyLeaseContext {
  /** A verified trust chain (verifyTrustChain's ok result, or just its root). */
  chain: { root: TrustRoot };
  intent: LeaseIntentRef;
  /** The node verifying: a lease for another node is refused. */
  node: string;
  now: Date;
  /** The highest epoch this node has accepted for this intent (0 when none). */
  highestEpochSeen: number;
}

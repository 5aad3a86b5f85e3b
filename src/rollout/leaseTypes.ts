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
import type { JournalState } from './rolloutTypes.js';

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

/** Operator control of a rollout (status/rollouts/<intent>.yaml); the intent's own signed `control` is the other half. */
export type RolloutControl = 'active' | 'paused' | 'aborted';
export const ROLLOUT_CONTROLS: readonly RolloutControl[] = ['active', 'paused', 'aborted'];

/** One node's line in a rollout file's journal: the reconciler's view of the node, from its agent's reports and the leases issued. */
export interface RolloutJournalLine {
  state: JournalState;
  /** The id of the last lease issued to the node for this intent (null: never leased). */
  lease: string | null;
  /** ISO instant the node entered this state. */
  since: string;
  /** ISO instant its current lease was issued (null: never leased). */
  leased_at: string | null;
  /** ISO instant of the agent's last report that this line reflects (null: none yet). */
  reported_at: string | null;
  /** The agent's reason (a refusal code and message, a failed health check), or null. */
  reason: string | null;
}

export interface RevokedLease {
  id: string;
  node: string;
  reason: string;
}

/** status/rollouts/<intent>.yaml: written only by the reconciler, through the outbox. */
export interface RolloutFile {
  intent: string;
  intent_version: number;
  /** `sha256:<hex>`, or '' when the intent was never trusted. */
  intent_digest: string;
  /** Grows by one with every tick that issues leases. */
  epoch: number;
  control: RolloutControl;
  leases: Lease[];
  revoked: RevokedLease[];
  /** Node id → its line (a Map: a tick copies it, and big fleets have thousands). */
  journal: Map<string, RolloutJournalLine>;
}

/** One intent's report in status/agents/<node>.json, written only by that node's agent. */
export interface AgentReport {
  state: JournalState;
  lease: string | null;
  version: string | number | null;
  reason: string | null;
  reported_at: string;
}

/** status/agents/<node>.json. */
export interface AgentFile {
  node: string;
  agent_version: string | null;
  installed: Record<string, string>;
  reports: Record<string, AgentReport>;
}

/** Where the rollout files and agent reports live in the fleet repository. */
export const ROLLOUTS_DIR = 'status/rollouts';
export const AGENTS_DIR = 'status/agents';

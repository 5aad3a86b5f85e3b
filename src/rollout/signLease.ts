/**
 * A lease signed with the orchestrator's key: the body (id derived from
 * intent, node and epoch) and one ed25519 signature over
 * signedPayload('lease', id, body). Deterministic: ed25519 signs the same
 * bytes the same way, so re-signing an unchanged lease gives the same file.
 * Pure (the key is passed in).
 */
import type { KeyObject } from 'node:crypto';
import { signBytes } from '../trust/ed25519.js';
import { signedPayload } from '../trust/signedPayload.js';
import { leaseId } from './leaseId.js';
import { LEASE_KIND, type Lease, type LeaseBody } from './leaseTypes.js';

export interface LeaseSigner {
  /** The key's id in trust.yaml (a hint for verifiers). */
  id: string;
  key: KeyObject;
}

export function signLease(fields: Omit<LeaseBody, 'id'>, signer: LeaseSigner): Lease {
  const body: LeaseBody = {
    id: leaseId(fields.intent, fields.node, fields.epoch),
    intent: fields.intent,
    intent_version: fields.intent_version,
    intent_digest: fields.intent_digest,
    node: fields.node,
    epoch: fields.epoch,
    expires: fields.expires,
  };
  const sig = signBytes(signer.key, signedPayload(LEASE_KIND, body.id, { ...body }));
  return { ...body, signatures: [{ key: signer.id, sig }] };
}

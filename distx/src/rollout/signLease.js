import { signBytes } from '../trust/ed25519.js';
import { signedPayload } from '../trust/signedPayload.js';
import { leaseId } from './leaseId.js';
import { LEASE_KIND } from './leaseTypes.js';
export function signLease(fields, signer) {
    const body = {
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
//# sourceMappingURL=signLease.js.map
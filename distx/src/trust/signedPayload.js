/**
 * The bytes a record's signatures cover: the DSSE pre-authentication encoding
 * of the canonical JSON of `{kind, id, body}`, where body is the front matter
 * without `signatures`. The record kind and id are inside, so a signature
 * cannot be moved to another file or another kind of record. Pure.
 */
import { canonicalJson } from './canonicalJson.js';
import { pae } from './pae.js';
export const PAYLOAD_TYPE_PREFIX = 'application/vnd.fleethub.';
export function payloadType(kind) {
    return `${PAYLOAD_TYPE_PREFIX}${kind}+json`;
}
export function signedPayload(kind, id, data) {
    const { signatures: _signatures, ...body } = data;
    return pae(payloadType(kind), Buffer.from(canonicalJson({ kind, id, body }), 'utf8'));
}
//# sourceMappingURL=signedPayload.js.map
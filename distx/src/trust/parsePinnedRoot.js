/**
 * A pinned trust root from its JSON text (`.fleethub/trust-root.json`, or
 * FLEETHUB_TRUST_ROOT as a path or inline JSON): `{version, threshold, keys:
 * [{id, publicKey}]}`. Pure; a malformed pin is an error, never "no pin".
 */
import { PinMalformedError } from '../errors.js';
import { publicKeyFromRaw } from './ed25519.js';
export function parsePinnedRoot(text, source) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch (e) {
        throw new PinMalformedError(source, e.message);
    }
    const o = v;
    if (!o || typeof o !== 'object')
        throw new PinMalformedError(source, 'not a JSON object');
    if (typeof o.version !== 'number' || !Number.isSafeInteger(o.version) || o.version < 1)
        throw new PinMalformedError(source, 'version must be a whole number ≥ 1');
    if (typeof o.threshold !== 'number' || !Number.isSafeInteger(o.threshold) || o.threshold < 1)
        throw new PinMalformedError(source, 'threshold must be a whole number ≥ 1');
    if (!Array.isArray(o.keys) || o.keys.length < o.threshold)
        throw new PinMalformedError(source, 'keys must list at least threshold keys');
    for (const k of o.keys) {
        if (!k || typeof k.id !== 'string' || typeof k.publicKey !== 'string' || !publicKeyFromRaw(k.publicKey))
            throw new PinMalformedError(source, 'each key needs an id and a raw ed25519 publicKey in base64');
    }
    return { version: o.version, threshold: o.threshold, keys: o.keys.map((k) => ({ id: k.id, publicKey: k.publicKey })) };
}
//# sourceMappingURL=parsePinnedRoot.js.map
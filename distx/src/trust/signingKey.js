/** The key of a trust root whose public half verifies a signature over the bytes: the hinted id first, then any other; null when none does. Pure. */
import { publicKeyFromRaw, verifyBytes } from './ed25519.js';
export function signingKey(keys, hint, sig, bytes) {
    for (const k of [...keys.filter((k) => k.id === hint), ...keys.filter((k) => k.id !== hint)]) {
        const pub = publicKeyFromRaw(k.publicKey);
        if (pub && verifyBytes(pub, bytes, sig))
            return k;
    }
    return null;
}
//# sourceMappingURL=signingKey.js.map
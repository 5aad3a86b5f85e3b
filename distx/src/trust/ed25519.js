/**
 * ed25519 with node:crypto: raw 32-byte public keys as base64 (the form
 * trust.yaml holds), PKCS#8 PEM private keys, base64 signatures, and the
 * fingerprint (SHA-256 of the raw public key, hex). Malformed input is never
 * an exception: a key that does not decode is null, a signature that does not
 * decode does not verify.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
export function decodeBase64(text) {
    const t = text.replace(/-/g, '+').replace(/_/g, '/');
    if (!BASE64.test(t) || t.length % 4 === 1)
        return null;
    return Buffer.from(t, 'base64');
}
/** Public keys already imported (a trust root has a handful; each is verified against many signatures). */
const imported = new Map();
export function publicKeyFromRaw(base64) {
    if (imported.has(base64))
        return imported.get(base64);
    const raw = decodeBase64(base64);
    let key = null;
    if (raw && raw.length === 32) {
        try {
            key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
        }
        catch {
            key = null;
        }
    }
    if (imported.size >= 1024)
        imported.clear();
    imported.set(base64, key);
    return key;
}
export function rawPublicKey(key) {
    const jwk = key.export({ format: 'jwk' });
    return Buffer.from(jwk.x, 'base64url').toString('base64');
}
export function fingerprint(rawBase64) {
    return createHash('sha256').update(decodeBase64(rawBase64) ?? Buffer.alloc(0)).digest('hex');
}
export function privateKeyFromPem(pem) {
    try {
        const key = createPrivateKey(pem);
        return key.asymmetricKeyType === 'ed25519' ? key : null;
    }
    catch {
        return null;
    }
}
export function signBytes(key, bytes) {
    return sign(null, bytes, key).toString('base64');
}
export function verifyBytes(key, bytes, signature) {
    const sig = decodeBase64(signature);
    if (!sig || sig.length !== 64)
        return false;
    return verify(null, bytes, key, sig);
}
export function generateKey() {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return { privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }), publicKey: rawPublicKey(publicKey) };
}
//# sourceMappingURL=ed25519.js.map
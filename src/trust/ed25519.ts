/**
 * ed25519 with node:crypto: raw 32-byte public keys as base64 (the form
 * trust.yaml holds), PKCS#8 PEM private keys, base64 signatures, and the
 * fingerprint (SHA-256 of the raw public key, hex). Malformed input is never
 * an exception: a key that does not decode is null, a signature that does not
 * decode does not verify.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, hash, sign, verify, type KeyObject } from 'node:crypto';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function decodeBase64(text: string): Buffer | null {
  const t = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!BASE64.test(t) || t.length % 4 === 1) return null;
  return Buffer.from(t, 'base64');
}

/** Public keys already imported (a trust root has a handful; each is verified against many signatures). */
const imported = new Map<string, KeyObject | null>();

export function publicKeyFromRaw(base64: string): KeyObject | null {
  if (imported.has(base64)) return imported.get(base64)!;
  const raw = decodeBase64(base64);
  let key: KeyObject | null = null;
  if (raw && raw.length === 32) {
    try {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
    } catch {
      key = null;
    }
  }
  if (imported.size >= 1024) imported.clear();
  imported.set(base64, key);
  return key;
}

export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' }) as { x: string };
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

export function fingerprint(rawBase64: string): string {
  return createHash('sha256').update(decodeBase64(rawBase64) ?? Buffer.alloc(0)).digest('hex');
}

export function privateKeyFromPem(pem: string): KeyObject | null {
  try {
    const key = createPrivateKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

export function signBytes(key: KeyObject, bytes: Uint8Array): string {
  return sign(null, bytes, key).toString('base64');
}

/**
 * Verifications already made in this process, per key: the SHA-256 of the bytes and the signature, to the answer.
 * A signature over the same bytes by the same key verifies the same way every time (ed25519 is deterministic), so
 * a long-running process (the hub re-evaluating on every save, the simulated agents all checking one fleet) checks
 * each signature once; ~1 µs for the digest against ~0.1–0.25 ms for a verification. Held in memory only.
 */
let verified = new WeakMap<KeyObject, Map<string, boolean>>();
const MAX_REMEMBERED = 100_000;

/** Forgets every verification made (the benchmark's first-time figure: scripts/bench-trust.ts). */
export function forgetVerifications(): void {
  verified = new WeakMap();
}

export function verifyBytes(key: KeyObject, bytes: Uint8Array, signature: string): boolean {
  const sig = decodeBase64(signature);
  if (!sig || sig.length !== 64) return false;
  let known = verified.get(key);
  if (!known) verified.set(key, (known = new Map()));
  const id = `${hash('sha256', bytes, 'base64')} ${sig.toString('base64')}`;
  const seen = known.get(id);
  if (seen !== undefined) return seen;
  const ok = verify(null, bytes, key, sig);
  if (known.size >= MAX_REMEMBERED) known.clear();
  known.set(id, ok);
  return ok;
}

export function generateKey(): { privatePem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, publicKey: rawPublicKey(publicKey) };
}

/**
 * Signature verification remembers what it verified (src/trust/ed25519.ts),
 * and a remembered answer is only ever the answer for the same key, the same
 * bytes and the same signature: a forged signature, bytes changed after
 * signing, or another key are each refused, before and after the genuine one
 * was verified, and a refusal is not remembered as a pass.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forgetVerifications, generateKey, privateKeyFromPem, publicKeyFromRaw, signBytes, verifyBytes } from '../src/trust/ed25519.js';

describe('ed25519 verification', () => {
  it('refuses a forged signature, tampered bytes and another key, before and after the genuine signature verified', () => {
    const alice = generateKey();
    const mallory = generateKey();
    const bytes = Buffer.from('{"kind":"update","version":2}');
    const genuine = signBytes(privateKeyFromPem(alice.privatePem)!, bytes);
    const forged = signBytes(privateKeyFromPem(mallory.privatePem)!, bytes);
    const tampered = Buffer.from('{"kind":"update","version":3}');
    const a = publicKeyFromRaw(alice.publicKey)!;
    const m = publicKeyFromRaw(mallory.publicKey)!;
    forgetVerifications();
    for (const round of ['first', 'remembered']) {
      assert.equal(verifyBytes(a, bytes, forged), false, `${round}: mallory's signature under alice's key`);
      assert.equal(verifyBytes(a, tampered, genuine), false, `${round}: the bytes changed after signing`);
      assert.equal(verifyBytes(m, bytes, genuine), false, `${round}: alice's signature under mallory's key`);
      assert.equal(verifyBytes(a, bytes, genuine), true, `${round}: the genuine signature`);
      // One bit of the signature flipped.
      const flipped = Buffer.from(genuine, 'base64');
      flipped[10] = flipped[10]! ^ 1;
      assert.equal(verifyBytes(a, bytes, flipped.toString('base64')), false, `${round}: a flipped bit`);
    }
  });
});

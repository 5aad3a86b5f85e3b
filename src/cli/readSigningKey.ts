/** A private signing key from its PEM file, with the id trust.yaml gives its public half. I/O at the edge of the trust commands. */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { UsageError } from '../errors.js';
import { fingerprint, privateKeyFromPem, rawPublicKey } from '../trust/ed25519.js';
import { createPublicKey } from 'node:crypto';

export interface SigningKey {
  key: KeyObject;
  publicKey: string;
  fingerprint: string;
  /** The id of the key in trust.yaml that has this public key, else the file's base name. */
  id: string;
  /** trust.yaml lists this public key (under `id`). */
  listed: boolean;
}

export function readSigningKey(cwd: string, path: string, trustKeys: ReadonlyArray<{ id?: unknown; public_key?: unknown }>, explicitId?: string): SigningKey {
  let pem: string;
  try {
    pem = readFileSync(resolve(cwd, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`the key ${path} does not exist (make a key pair with 'fleethub keys gen <name>')`, { path });
    throw new UsageError(`cannot read the key ${path}: ${(e as Error).message}`, { path });
  }
  const key = privateKeyFromPem(pem);
  if (!key) throw new UsageError(`${path} is not an ed25519 private key (PKCS#8 PEM, as 'fleethub keys gen' writes)`);
  const publicKey = rawPublicKey(createPublicKey(key));
  const listed = trustKeys.find((k) => k.public_key === publicKey);
  const named = explicitId === undefined ? undefined : trustKeys.find((k) => k.id === explicitId);
  // A signature under an id whose public key is another's can never verify: refuse it, rather than replace that key's good signature.
  if (named && named.public_key !== publicKey) {
    const theirs = typeof named.public_key === 'string' ? ` (fingerprint ${fingerprint(named.public_key)})` : '';
    const mine = typeof listed?.id === 'string' ? `; trust.yaml gives this key the id '${listed.id}'` : '';
    throw new UsageError(`${path} is not the key '${explicitId}': trust.yaml gives '${explicitId}' another public key${theirs}, and this key's fingerprint is ${fingerprint(publicKey)}${mine}`, { path, keyId: explicitId });
  }
  const id = explicitId ?? (typeof listed?.id === 'string' ? listed.id : basename(path).replace(/\.pem$/, ''));
  return { key, publicKey, fingerprint: fingerprint(publicKey), id, listed: listed !== undefined };
}

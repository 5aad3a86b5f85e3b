/** A private signing key from its PEM file, with the id trust.yaml gives its public half. I/O at the edge of the trust commands. */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { fingerprint, privateKeyFromPem, rawPublicKey } from '../trust/ed25519.js';
import { createPublicKey } from 'node:crypto';
export function readSigningKey(cwd, path, trustKeys, explicitId) {
    let pem;
    try {
        pem = readFileSync(resolve(cwd, path), 'utf8');
    }
    catch (e) {
        throw new UsageError(`cannot read the key ${path}: ${e.code ?? e.message}`);
    }
    const key = privateKeyFromPem(pem);
    if (!key)
        throw new UsageError(`${path} is not an ed25519 private key (PKCS#8 PEM, as 'fleethub keys gen' writes)`);
    const publicKey = rawPublicKey(createPublicKey(key));
    const listed = trustKeys.find((k) => k.public_key === publicKey);
    const id = explicitId ?? (typeof listed?.id === 'string' ? listed.id : basename(path).replace(/\.pem$/, ''));
    return { key, publicKey, fingerprint: fingerprint(publicKey), id };
}
//# sourceMappingURL=readSigningKey.js.map
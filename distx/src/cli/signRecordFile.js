/**
 * Signs one record file in place: its signed bytes (src/trust/signedPayload.ts)
 * with the given key, that key's earlier signature replaced and every other
 * signature and byte kept. The key id is the one trust.yaml gives the key's
 * public half (or the explicit one). Shared by `intent sign` and `trust sign`. I/O.
 */
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { parseYaml } from '../records/parseYaml.js';
import { splitFrontMatter } from '../records/splitFrontMatter.js';
import { readRepoText } from '../repo/readRepoText.js';
import { writeFileAtomically } from '../repo/writeFileAtomically.js';
import { signBytes } from '../trust/ed25519.js';
import { TRUST_FILE } from '../trust/readFleetTrust.js';
import { signedPayload } from '../trust/signedPayload.js';
import { withSignatures } from '../trust/withSignatures.js';
import { readSigningKey } from './readSigningKey.js';
export function signRecordFile(root, file, kind, id, options) {
    const read = readRepoText(root);
    const text = read(file);
    if (text === null)
        throw new UsageError(`${file} does not exist`);
    const markdown = file.endsWith('.md');
    const data = mapping(markdown ? frontMatter(text) : text, file);
    const trust = file === TRUST_FILE ? data : mappingOrNull(read(TRUST_FILE) ?? '');
    const trustKeys = Array.isArray(trust?.keys) ? trust.keys : [];
    const key = readSigningKey(options.cwd, options.keyFile, trustKeys, options.keyId);
    const sig = signBytes(key.key, signedPayload(kind, id, data));
    const before = Array.isArray(data.signatures) ? data.signatures : [];
    const signatures = [...before.filter((s) => s && s.key !== key.id), { key: key.id, sig }];
    writeFileAtomically(join(root, file), withSignatures(text, markdown, signatures));
    return { key, data, signatures: signatures.length };
}
function frontMatter(text) {
    const split = splitFrontMatter(text);
    return split.ok ? split.yaml : null;
}
function mappingOrNull(yaml) {
    const parsed = yaml === null ? null : parseYaml(yaml);
    return parsed?.ok && parsed.data !== null && typeof parsed.data === 'object' && !Array.isArray(parsed.data) ? parsed.data : null;
}
function mapping(yaml, file) {
    const data = mappingOrNull(yaml);
    if (!data)
        throw new UsageError(`${file} cannot be read as a record: 'fleethub validate ${file}' says why`);
    return data;
}
//# sourceMappingURL=signRecordFile.js.map
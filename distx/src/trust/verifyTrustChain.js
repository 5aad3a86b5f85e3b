import { hintFor } from '../records/hints.js';
import { decodeBase64, publicKeyFromRaw, verifyBytes } from './ed25519.js';
import { signedPayload } from './signedPayload.js';
/** `versions`: every version of the file found in history, oldest first, the current file last. */
export function verifyTrustChain(pin, versions) {
    const findings = [];
    const current = versions[versions.length - 1];
    const refuse = (code, message, at = current, pointer = '') => {
        const pos = at ? at.locate(pointer) : { line: 1, col: 1 };
        findings.push({ file: at?.file ?? 'policies/trust.yaml', line: pos.line, col: pos.col, severity: 'error', code, message, hint: hintFor(code), kind: 'policy', id: 'trust' });
        return { ok: false, chain, findings };
    };
    const chain = [];
    if (!pin)
        return refuse('trust-not-pinned', 'no trust root is pinned: nothing in this repository can be trusted on its own');
    if (!current)
        return refuse('trust-chain-broken', 'policies/trust.yaml is missing');
    const cur = rootOf(current.data);
    if (!cur)
        return refuse('trust-chain-broken', 'policies/trust.yaml has no valid version and root (root.keys, root.threshold)', current, '/root');
    if (cur.version < pin.version)
        return refuse('trust-rollback', `trust.yaml version ${cur.version} is older than the pinned version ${pin.version}`, current, '/version');
    // The last distinct content of each version, in order.
    const byVersion = new Map();
    for (const v of versions) {
        const r = rootOf(v.data);
        if (r && r.version >= pin.version)
            byVersion.set(r.version, v);
    }
    let trusted = pin;
    const pinnedDoc = byVersion.get(pin.version);
    if (pinnedDoc) {
        const r = rootOf(pinnedDoc.data);
        if (!sameRoot(r, pin))
            return refuse('trust-root-mismatch', `trust.yaml version ${pin.version} does not carry the pinned root keys`, pinnedDoc, '/root');
        if (!meetsThreshold(pinnedDoc, pin))
            return refuse('trust-chain-broken', `trust.yaml version ${pin.version} is not signed by ${pin.threshold} of the pinned root keys`, pinnedDoc, '/signatures');
        chain.push(pin.version);
    }
    for (let n = pin.version + 1; n <= cur.version; n++) {
        const doc = byVersion.get(n);
        if (!doc)
            return refuse('trust-chain-gap', `trust.yaml version ${n} is missing from the history between the pinned version ${pin.version} and ${cur.version}: each version must follow the one before it`, current, '/version');
        const next = rootOf(doc.data);
        if (!meetsThreshold(doc, trusted))
            return refuse('trust-chain-broken', `trust.yaml version ${n} is not signed by ${trusted.threshold} of version ${trusted.version}'s root keys`, doc, '/signatures');
        if (!meetsThreshold(doc, next))
            return refuse('trust-chain-broken', `trust.yaml version ${n} is not signed by ${next.threshold} of its own root keys`, doc, '/signatures');
        trusted = next;
        chain.push(n);
    }
    return { ok: true, root: trustRootOf(current.data, cur.version), pinned: trusted, chain, findings };
}
/** The root part of a trust.yaml document: its version, root key ids resolved to public keys, threshold. */
export function rootOf(data) {
    const version = data.version;
    const root = data.root;
    const keys = Array.isArray(data.keys) ? data.keys : [];
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1 || !root || typeof root !== 'object')
        return null;
    if (typeof root.threshold !== 'number' || !Number.isSafeInteger(root.threshold) || root.threshold < 1 || !Array.isArray(root.keys))
        return null;
    const resolved = [];
    for (const id of root.keys) {
        const k = keys.find((x) => x.id === id);
        if (!k || typeof k.public_key !== 'string')
            return null;
        resolved.push({ id: String(id), publicKey: k.public_key });
    }
    return { version, threshold: root.threshold, keys: resolved };
}
function sameRoot(a, b) {
    const set = (r) => r.keys.map((k) => rawHex(k.publicKey)).sort().join(',');
    return a.threshold === b.threshold && set(a) === set(b);
}
/** Whether distinct root keys of `by` that signed the document reach its threshold. */
function meetsThreshold(doc, by) {
    const sigs = Array.isArray(doc.data.signatures) ? doc.data.signatures.slice(0, 16) : [];
    const bytes = signedPayload('trust', 'trust', doc.data);
    const signed = new Set();
    for (const s of sigs) {
        if (typeof s?.sig !== 'string')
            continue;
        for (const k of by.keys) {
            const pub = publicKeyFromRaw(k.publicKey);
            if (pub && verifyBytes(pub, bytes, s.sig))
                signed.add(rawHex(k.publicKey));
        }
    }
    return signed.size >= by.threshold;
}
function rawHex(b64) {
    return (decodeBase64(b64) ?? Buffer.alloc(0)).toString('hex');
}
/** The signing keys and roles of a verified trust.yaml. */
export function trustRootOf(data, version) {
    const keys = (Array.isArray(data.keys) ? data.keys : []);
    const roles = (Array.isArray(data.roles) ? data.roles : []);
    return {
        version,
        keys: keys.map((k) => ({ id: String(k.id), publicKey: String(k.public_key), roles: k.roles ?? [], ...(typeof k.expires === 'string' ? { expires: k.expires } : {}) })),
        roles: roles.map((r) => ({
            name: String(r.name),
            kinds: r.kinds ?? [],
            ...(r.scope ? { scope: r.scope } : {}),
            threshold: typeof r.threshold === 'number' ? r.threshold : 1,
            override: r.override === true,
        })),
    };
}
//# sourceMappingURL=verifyTrustChain.js.map
/**
 * An intent's verdict against a verified trust root: trusted only when every
 * rule holds; otherwise one finding per failing rule, each with a stable code.
 * Pure: the root, the nodes, the caps, the ratchet and the clock are passed in.
 *
 * Every signature present must verify with a known, unexpired key allowed to
 * sign this kind; a key id in a signature is only a hint (the key that
 * verifies decides). Thresholds count distinct public keys. A role authorises
 * the intent when its threshold is met, every targeted node lies within its
 * scope and, when the intent needs it, the role may override the caps.
 */
import { createHash } from 'node:crypto';
import { hintFor } from '../records/hints.js';
import { decodeBase64 } from './ed25519.js';
import { expiryInstant } from './expiryInstant.js';
import { indexNodes, matchesScope, resolveTarget } from './resolveTarget.js';
import { signedPayload } from './signedPayload.js';
import { signingKey } from './signingKey.js';
export const MAX_SIGNATURES = 16;
export function verifyIntent(intent, ctx) {
    const findings = [];
    const refuse = (code, message, pointer = '') => {
        const at = intent.locate(pointer);
        findings.push({ file: intent.file, line: at.line, col: at.col, severity: 'error', code, message, hint: hintFor(code), kind: 'intent', id: intent.id });
    };
    const data = intent.data;
    let bytes;
    try {
        bytes = signedPayload('intent', intent.id, data);
    }
    catch (e) {
        refuse('intent-malformed', e.message);
        return { id: intent.id, trusted: false, signers: [], digest: '', findings };
    }
    const digest = createHash('sha256').update(bytes).digest('hex');
    const kind = typeof data.kind === 'string' ? data.kind : '';
    // Expiry, rollback and reuse do not depend on who signed.
    const expires = typeof data.expires === 'string' ? expiryInstant(data.expires) : null;
    if (expires === null)
        refuse('intent-malformed', `expires '${String(data.expires)}' is not a date`, '/expires');
    else if (ctx.now.getTime() >= expires)
        refuse('intent-expired', `the intent expired (${String(data.expires)})`, '/expires');
    const version = data.version;
    const seen = ctx.ratchet.get(intent.id);
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
        refuse('intent-malformed', 'version must be a whole number ≥ 1', '/version');
    else if (seen && version < seen.version)
        refuse('intent-rollback', `version ${version} is lower than version ${seen.version}, already trusted`, '/version');
    else if (seen && version === seen.version && digest !== seen.digest)
        refuse('intent-version-reused', `version ${version} was trusted with other content; a change needs a new version`, '/version');
    // Signatures: each must verify with a known, unexpired key allowed for this kind.
    const rolesForKind = ctx.root.roles.filter((r) => r.kinds.includes(kind));
    const counted = new Map(); // role → distinct public keys
    const signers = new Set();
    const sigs = data.signatures;
    if (sigs === undefined || (Array.isArray(sigs) && sigs.length === 0))
        refuse('intent-unsigned', 'the intent has no signatures', '');
    else if (!Array.isArray(sigs))
        refuse('intent-malformed', 'signatures must be a list of {key, sig}', '/signatures');
    else if (sigs.length > MAX_SIGNATURES)
        refuse('intent-malformed', `${sigs.length} signatures: at most ${MAX_SIGNATURES} are read`, '/signatures');
    else {
        sigs.forEach((entry, i) => {
            const at = `/signatures/${i}`;
            const e = entry;
            if (e === null || typeof e !== 'object' || typeof e.key !== 'string' || typeof e.sig !== 'string' || Object.keys(e).some((k) => k !== 'key' && k !== 'sig')) {
                refuse('intent-malformed', 'a signature must be {key: <key id>, sig: <base64>} and nothing else', at);
                return;
            }
            if (!decodeBase64(e.sig)) {
                refuse('intent-signature-invalid', `the signature by '${e.key}' is not base64`, `${at}/sig`);
                return;
            }
            const key = signingKey(ctx.root.keys, e.key, e.sig, bytes);
            if (!key) {
                const hinted = ctx.root.keys.some((k) => k.id === e.key);
                if (hinted)
                    refuse('intent-signature-invalid', `the signature by '${e.key}' does not verify: the signed part changed after signing, or it was signed for another record`, `${at}/sig`);
                else
                    refuse('intent-unknown-key', `no key in the trust root verifies the signature attributed to '${e.key}'`, `${at}/key`);
                return;
            }
            const keyExpiry = key.expires === undefined ? null : expiryInstant(key.expires);
            if (keyExpiry !== null && ctx.now.getTime() >= keyExpiry) {
                refuse('intent-key-expired', `key '${key.id}' expired on ${key.expires}`, `${at}/key`);
                return;
            }
            const roles = rolesForKind.filter((r) => key.roles.includes(r.name));
            if (roles.length === 0) {
                refuse('intent-key-not-allowed', `key '${key.id}' (roles: ${key.roles.join(', ')}) may not sign '${kind}' intents`, `${at}/key`);
                return;
            }
            signers.add(key.id);
            for (const r of roles) {
                if (!counted.has(r.name))
                    counted.set(r.name, new Set());
                counted.get(r.name).add(normalizedKey(key.publicKey));
            }
        });
    }
    // Authority: some role whose threshold is met, whose scope holds every target, and that may override when needed.
    if (Array.isArray(sigs) && sigs.length > 0 && findings.every((f) => !f.code.startsWith('intent-signature') && f.code !== 'intent-malformed')) {
        const target = (data.target ?? {});
        const index = 'byId' in ctx.nodes ? ctx.nodes : indexNodes(ctx.nodes);
        const reached = resolveTarget(target, index);
        const byId = index.byId;
        const override = overrideNeeded(data, ctx.caps);
        const met = rolesForKind.filter((r) => (counted.get(r.name)?.size ?? 0) >= r.threshold);
        const inScope = met.filter((r) => r.scope === undefined || reached.every((id) => byId.has(id) && matchesScope(byId.get(id), r.scope)));
        const authorising = inScope.filter((r) => !override || r.override);
        if (met.length === 0) {
            const counts = rolesForKind.map((r) => `${r.name} ${counted.get(r.name)?.size ?? 0}/${r.threshold}`).join(', ');
            refuse('intent-under-threshold', `not enough distinct keys signed it (${counts || `no role may sign '${kind}' intents`})`, '/signatures');
        }
        else if (inScope.length === 0) {
            const role = met[0];
            const outside = reached.filter((id) => !byId.has(id) || !matchesScope(byId.get(id), role.scope));
            refuse('intent-scope-widened', `the target reaches ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? ` and ${outside.length - 5} more` : ''}, outside the scope of role '${role.name}'`, '/target');
        }
        else if (authorising.length === 0) {
            refuse('intent-override-required', `${override}: needs the signatures of a role that may override the rollout caps (threshold of ${ctx.root.roles.filter((r) => r.override).map((r) => r.name).join(', ') || 'no such role'})`, '/strategy');
        }
    }
    return { id: intent.id, trusted: findings.length === 0, signers: [...signers].sort(), digest, findings };
}
function normalizedKey(b64) {
    return (decodeBase64(b64) ?? Buffer.alloc(0)).toString('hex');
}
/** Why the intent goes beyond what the rollout caps allow without an override, or null. */
export function overrideNeeded(data, caps) {
    const s = (data.strategy ?? {});
    if (s.type === 'forced-node')
        return 'a forced-node strategy';
    if (s.type === 'pinned' && Array.isArray(s.nodes) && caps.max_parallel !== undefined && s.nodes.length > caps.max_parallel)
        return `a pinned strategy starting ${s.nodes.length} nodes at once, beyond the cap of ${caps.max_parallel}`;
    const num = (v) => (typeof v === 'number' ? v : null);
    const over = (field, value, cap) => value !== null && cap !== undefined && value > cap ? `${field} ${value} is beyond the cap of ${cap}` : null;
    return (over('max_parallel', num(s.max_parallel), caps.max_parallel) ??
        over('max_unavailable', num(s.max_unavailable), caps.max_unavailable) ??
        over('batch_size', num(s.batch_size), caps.max_parallel) ??
        over('canary_count', num(s.canary_count), caps.max_parallel));
}
//# sourceMappingURL=verifyIntent.js.map
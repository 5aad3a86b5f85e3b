/**
 * Whether a node may act on a lease: its signatures verify with keys of a
 * role allowed to sign leases (the orchestrator role) up to the role's
 * threshold, it is for this node, it names the trusted intent's id, version
 * and digest, it has not expired, and its epoch is not below the highest this
 * node has accepted. The first failing rule is the answer, with a stable code
 * (LEASE_REFUSALS). Signatures are checked first: a forged or tampered lease
 * is `lease-signature-invalid` whatever else it says. Pure; anything that is
 * not a well-formed lease is refused, never thrown.
 */
import { decodeBase64 } from '../trust/ed25519.js';
import { expiryInstant } from '../trust/expiryInstant.js';
import { signedPayload } from '../trust/signedPayload.js';
import { signingKey } from '../trust/signingKey.js';
import { leaseId } from './leaseId.js';
import { DIGEST_PREFIX, LEASE_KIND } from './leaseTypes.js';
const MAX_SIGNATURES = 16;
const FIELDS = ['id', 'intent', 'intent_version', 'intent_digest', 'node', 'epoch', 'expires', 'signatures'];
export function verifyLease(lease, ctx) {
    const refuse = (code, message) => ({ ok: false, code, message });
    const l = lease;
    const str = (k) => typeof l?.[k] === 'string';
    const int = (k) => Number.isSafeInteger(l?.[k]);
    if (l === null || typeof l !== 'object' || Array.isArray(l) || !['id', 'intent', 'intent_digest', 'node', 'expires'].every(str) || !['intent_version', 'epoch'].every(int)) {
        return refuse('lease-signature-invalid', 'not a lease: it needs id, intent, intent_version, intent_digest, node, epoch, expires and signatures');
    }
    const extra = Object.keys(l).filter((k) => !FIELDS.includes(k));
    if (extra.length > 0)
        return refuse('lease-signature-invalid', `not a lease: unexpected field ${extra.join(', ')}`);
    const sigs = l.signatures;
    if (!Array.isArray(sigs) || sigs.length === 0)
        return refuse('lease-signature-invalid', `lease ${String(l.id)} is not signed`);
    if (sigs.length > MAX_SIGNATURES)
        return refuse('lease-signature-invalid', `lease ${String(l.id)} has ${sigs.length} signatures: at most ${MAX_SIGNATURES} are read`);
    // Signatures: the key that verifies decides; only keys of a role whose kinds include `lease` count.
    const id = String(l.id);
    const bytes = signedPayload(LEASE_KIND, id, l);
    const now = ctx.now.getTime();
    const roles = ctx.chain.root.roles.filter((r) => r.kinds.includes(LEASE_KIND));
    const counted = new Map();
    const verifiedBy = [];
    for (const s of sigs) {
        if (s === null || typeof s !== 'object' || typeof s.sig !== 'string' || typeof s.key !== 'string' || !decodeBase64(s.sig))
            continue;
        const key = signingKey(ctx.chain.root.keys, s.key, s.sig, bytes);
        if (!key)
            continue;
        verifiedBy.push(key);
        const expiry = key.expires === undefined ? null : expiryInstant(key.expires);
        if (expiry !== null && now >= expiry)
            continue;
        for (const r of roles.filter((r) => key.roles.includes(r.name))) {
            if (!counted.has(r.name))
                counted.set(r.name, new Set());
            counted.get(r.name).add((decodeBase64(key.publicKey) ?? Buffer.alloc(0)).toString('hex'));
        }
    }
    if (verifiedBy.length === 0)
        return refuse('lease-signature-invalid', `no key of the trust root verifies the signature of lease ${id}: it was forged, changed after signing, or signed for another lease`);
    if (!roles.some((r) => (counted.get(r.name)?.size ?? 0) >= r.threshold)) {
        const who = verifiedBy.map((k) => `${k.id} (roles: ${k.roles.join(', ')}${k.expires ? `, expires ${k.expires}` : ''})`).join('; ');
        const allowed = roles.map((r) => `${r.name} ${counted.get(r.name)?.size ?? 0}/${r.threshold}`).join(', ') || 'no role of trust.yaml may sign leases';
        return refuse('lease-key-not-orchestrator', `lease ${id} is signed by ${who}, not by enough unexpired orchestrator keys (${allowed})`);
    }
    if (l.node !== ctx.node)
        return refuse('lease-wrong-node', `lease ${id} is for node ${String(l.node)}, not ${ctx.node}`);
    const want = ctx.intent.digest.startsWith(DIGEST_PREFIX) ? ctx.intent.digest : `${DIGEST_PREFIX}${ctx.intent.digest}`;
    if (id !== leaseId(String(l.intent), String(l.node), l.epoch))
        return refuse('lease-intent-mismatch', `lease id ${id} is not ${leaseId(String(l.intent), String(l.node), l.epoch)}`);
    if (l.intent !== ctx.intent.id)
        return refuse('lease-intent-mismatch', `lease ${id} is for intent ${String(l.intent)}, not ${ctx.intent.id}`);
    if (l.intent_version !== ctx.intent.version)
        return refuse('lease-intent-mismatch', `lease ${id} is for version ${String(l.intent_version)} of intent ${ctx.intent.id}, the trusted one is version ${ctx.intent.version}`);
    if (l.intent_digest !== want)
        return refuse('lease-intent-mismatch', `lease ${id} names intent content ${String(l.intent_digest)}, the trusted intent is ${want}: the intent changed since the lease was issued`);
    const expires = Date.parse(String(l.expires));
    if (!Number.isFinite(expires))
        return refuse('lease-expired', `lease ${id} has no valid expiry (${String(l.expires)})`);
    if (now >= expires)
        return refuse('lease-expired', `lease ${id} expired at ${String(l.expires)}`);
    if (l.epoch < ctx.highestEpochSeen)
        return refuse('lease-epoch-rollback', `lease ${id} has epoch ${String(l.epoch)}, below epoch ${ctx.highestEpochSeen} already accepted for intent ${ctx.intent.id}: an older lease replayed`);
    return { ok: true };
}
//# sourceMappingURL=verifyLease.js.map
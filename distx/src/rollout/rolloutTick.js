/**
 * One reconcile tick of one intent's rollout: the previous rollout file and
 * the agents' reports in, the next rollout file and the plan out. Merges each
 * agent's report into the journal (only a report naming the lease this file
 * issued to that node counts, or a `blocked` report of a node never leased),
 * runs planLeases, removes the leases it revokes (kept in `revoked` with the
 * reason), and signs a lease for each grant with the orchestrator key under a
 * new epoch. Without a key, grants are planned but not issued (`unsigned`).
 * A new intent version or content starts afresh: the old leases are revoked,
 * the journal cleared, an operator abort lifted (a pause stays). Pure: the
 * clock and the key are passed in; the same inputs give the same file.
 */
import { expiryInstant } from '../trust/expiryInstant.js';
import { planLeases } from './planLeases.js';
import { signLease } from './signLease.js';
import { DIGEST_PREFIX } from './leaseTypes.js';
const FINISHED = new Set(['healthy', 'rolled_back', 'aborted']);
export function rolloutTick(input) {
    const nowIso = input.now.toISOString();
    const { intent, verdict } = input;
    const digest = verdict.trusted && verdict.digest !== '' ? `${DIGEST_PREFIX}${verdict.digest}` : null;
    const version = typeof intent.version === 'number' ? intent.version : 0;
    let file = input.previous
        ? { ...input.previous, leases: [...input.previous.leases], revoked: [...input.previous.revoked], journal: new Map(input.previous.journal) }
        : { intent: intent.id, intent_version: version, intent_digest: digest ?? '', epoch: 0, control: 'active', leases: [], revoked: [], journal: new Map() };
    // A new trusted version or content: the old leases no longer apply anywhere.
    if (digest !== null && (file.intent_version !== version || file.intent_digest !== digest)) {
        const revoked = [...file.revoked, ...file.leases.map((l) => ({ id: l.id, node: l.node, reason: `intent-changed: version ${file.intent_version} (${file.intent_digest || 'never trusted'}) was replaced by version ${version}` }))];
        file = { ...file, intent_version: version, intent_digest: digest, control: file.control === 'aborted' ? 'active' : file.control, leases: [], revoked, journal: new Map() };
    }
    if (input.control !== undefined)
        file.control = input.control;
    // The agents' reports, where they speak of this file's leases.
    for (const [node, r] of input.reports) {
        const line = file.journal.get(node);
        const next = merged(line, r);
        if (next)
            file.journal.set(node, next);
    }
    // A finished node's lease is spent: it leaves the file (the journal keeps the node's outcome and lease id).
    file.leases = file.leases.filter((l) => !FINISHED.has(file.journal.get(l.node)?.lease === l.id ? file.journal.get(l.node).state : 'leased'));
    const control = intent.control !== 'run' ? intent.control : file.control === 'active' ? 'run' : file.control;
    const journal = [...file.journal].map(([node, l]) => ({
        node,
        state: l.state,
        since: l.since,
        ...(l.leased_at !== null ? { leased_at: l.leased_at } : {}),
        ...(l.reported_at !== null ? { reported_at: l.reported_at } : {}),
    }));
    const plan = planLeases({ ...intent, control }, verdict, input.policy, input.nodes, journal, input.now);
    // Revocations: the lease leaves `leases` and is kept, with why, in `revoked` (once).
    const revokedIds = new Set(file.revoked.map((r) => r.id));
    const revoke = (l, reason) => {
        file.leases = file.leases.filter((x) => x.id !== l.id);
        if (!revokedIds.has(l.id))
            file.revoked.push({ id: l.id, node: l.node, reason });
        revokedIds.add(l.id);
    };
    for (const r of plan.revocations) {
        const l = file.leases.find((x) => x.node === r.node);
        if (l)
            revoke(l, `${r.code}: ${r.reason}`);
    }
    const unsigned = [];
    if (plan.grants.length > 0 && input.signer && digest !== null) {
        const epoch = file.epoch + 1;
        file.epoch = epoch;
        const fallback = new Date(Math.min(expiryInstant(intent.expires) ?? Infinity, input.now.getTime() + 24 * 3_600_000)).toISOString();
        for (const g of plan.grants) {
            const old = file.leases.find((x) => x.node === g.node);
            if (old)
                revoke(old, `superseded by the lease of epoch ${epoch}`);
            const lease = signLease({ intent: intent.id, intent_version: version, intent_digest: digest, node: g.node, epoch, expires: g.expires ?? fallback }, input.signer);
            file.leases.push(lease);
            file.journal.set(g.node, { state: 'leased', lease: lease.id, since: nowIso, leased_at: nowIso, reported_at: null, reason: null });
        }
    }
    else
        unsigned.push(...plan.grants.map((g) => g.node));
    file.leases.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
    return { file, plan, unsigned, control };
}
/** A journal line with the agent's report merged in, or null when the report does not speak of this file's lease. */
function merged(line, r) {
    const mine = line !== undefined && line.lease !== null && r.lease === line.lease;
    const blockedUnleased = r.state === 'blocked' && r.lease === null && (line === undefined || line.lease === null);
    if (!mine && !blockedUnleased)
        return null;
    if (line && line.reported_at !== null && Date.parse(r.reported_at) < Date.parse(line.reported_at))
        return null;
    const changed = !line || line.state !== r.state;
    return {
        state: r.state,
        lease: line?.lease ?? null,
        since: changed ? r.reported_at : line.since,
        leased_at: line?.leased_at ?? null,
        reported_at: r.reported_at,
        reason: r.reason,
    };
}
//# sourceMappingURL=rolloutTick.js.map
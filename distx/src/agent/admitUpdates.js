/**
 * What this node may do about each intent that targets it, decided from a
 * fetched view alone (pure: the pin, the clock and the agent's own ratchet
 * and epochs are passed in). Whatever remote the view came from — the
 * upstream or a neighbour's copy — nothing in it is believed unless signed:
 *
 * - the trust.yaml chain from the pinned root, then each intent against it
 *   (verifyFleetTrust), with the agent's own ratchet merged into the copy's,
 *   so a copy that lowers its ratchet cannot bring an older version back;
 * - then a lease for this node in status/rollouts/<intent>.yaml that verifies
 *   (verifyLease: orchestrator-signed, this node, this intent's version and
 *   digest, not expired, epoch not below the highest seen here). Of several,
 *   the valid one with the highest epoch; a forged one with a higher epoch
 *   cannot hide a real one.
 *
 * The unsigned parts of a rollout file (control, revoked) can only stop a
 * node, never start one, so they are believed.
 */
import { DIGEST_PREFIX } from '../rollout/leaseTypes.js';
import { verifyLease } from '../rollout/verifyLease.js';
import { indexNodes, resolveTarget } from '../trust/resolveTarget.js';
import { verifyFleetTrust } from '../trust/verifyFleetTrust.js';
const SIGNATURE_CODES = new Set(['intent-signature-invalid', 'intent-unknown-key', 'intent-unsigned']);
export function admitUpdates({ view, pin, node, now, journal }) {
    const ratchet = new Map(view.ratchet);
    for (const [id, e] of Object.entries(journal.accepted))
        if ((ratchet.get(id)?.version ?? 0) < e.version)
            ratchet.set(id, e);
    const trust = verifyFleetTrust({ pin, trustVersions: view.trustVersions, intents: view.intents, nodes: view.nodes, caps: view.caps, ratchet, now });
    const verdicts = new Map(trust.verdicts.map((v) => [v.id, v]));
    const index = indexNodes(view.nodes);
    const admissions = [];
    for (const intent of [...view.intents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
        const data = intent.data;
        if (!resolveTarget((data.target ?? {}), index).includes(node))
            continue;
        const verdict = verdicts.get(intent.id);
        const version = Number.isSafeInteger(data.version) ? data.version : 0;
        const base = { intent: intent.id, version, digest: verdict.digest ? `${DIGEST_PREFIX}${verdict.digest}` : '' };
        const artifact = artifactOf(data.artifact);
        const stop = (kind, code, message, lease = null) => ({ ...base, kind, code, message, artifact, lease });
        if (!verdict.trusted) {
            // A signature that does not verify says the most (a tampered copy also reuses the version, say): it is the reason given.
            const f = verdict.findings.find((x) => SIGNATURE_CODES.has(x.code)) ?? verdict.findings[0];
            admissions.push(stop('blocked', f.code, `${f.file}:${f.line}:${f.col}: ${f.message}`));
            continue;
        }
        if (artifact === null) {
            admissions.push(stop('blocked', 'intent-artifact-missing', `${intent.file}: the intent names no artifact (artifact: {name, version, digest}), so there is nothing to apply`));
            continue;
        }
        if (data.control === 'aborted') {
            admissions.push(stop('aborted', 'intent-aborted', `${intent.file}: the signed intent says control: aborted`));
            continue;
        }
        if (data.control === 'paused') {
            admissions.push(stop('blocked', 'intent-paused', `${intent.file}: the signed intent says control: paused`));
            continue;
        }
        admissions.push(leaseAdmission(view, intent.id, base, artifact, node, now, journal.epochs[intent.id] ?? 0, trust.chain.ok ? trust.chain.root : null, stop));
    }
    return { admissions, trustProblem: trust.chain.ok ? null : trust.chain.findings.map((f) => `${f.code}: ${f.message}`).join('; ') };
}
function leaseAdmission(view, id, base, artifact, node, now, highestEpochSeen, root, stop) {
    const file = `status/rollouts/${id}.yaml`;
    const rollout = view.rollouts.get(id);
    // One wording whether the file is there or not, so a waiting node's report does not change (and relay) when the rollout starts.
    const waiting = `no lease for ${node} yet: waiting for the orchestrator`;
    if (rollout === undefined)
        return stop('blocked', 'lease-missing', waiting);
    if (!rollout.ok)
        return stop('blocked', 'rollout-file-invalid', `${rollout.message}: no lease can be read from it`);
    const r = rollout.data;
    const mine = (Array.isArray(r.leases) ? r.leases : [])
        .filter((l) => l !== null && typeof l === 'object' && l.node === node)
        .sort((a, b) => (Number(b.epoch) || 0) - (Number(a.epoch) || 0));
    let first = null;
    let valid = null;
    for (const lease of root === null ? [] : mine) {
        const verdict = verifyLease(lease, { chain: { root: root }, intent: { id, version: base.version, digest: base.digest }, node, now, highestEpochSeen });
        if (verdict.ok) {
            valid = lease;
            break;
        }
        first ??= { code: verdict.code, message: `${file}: ${verdict.message}` };
    }
    const revokedList = (Array.isArray(r.revoked) ? r.revoked : []).filter((x) => x !== null && typeof x === 'object');
    // The lease the node holds (or held, until it was revoked) is named in its report, so the orchestrator counts the report against it.
    const lastRevoked = revokedList.filter((x) => x.node === node && typeof x.id === 'string').at(-1);
    const held = valid?.id ?? (lastRevoked ? String(lastRevoked.id) : null);
    if (r.control === 'aborted')
        return stop('aborted', 'rollout-aborted', `${file}: the rollout was aborted`, held);
    if (valid === null) {
        if (first !== null)
            return stop('blocked', first.code, first.message);
        return stop('blocked', r.control === 'paused' ? 'rollout-paused' : 'lease-missing', r.control === 'paused' ? `${file}: the rollout is paused and holds no lease for ${node}` : waiting);
    }
    if (revokedList.some((x) => x.id === valid.id))
        return stop('blocked', 'lease-revoked', `${file}: lease ${valid.id} was revoked by the orchestrator`, held);
    return { ...base, kind: 'admitted', artifact, lease: valid };
}
function artifactOf(v) {
    const a = v;
    if (!a || typeof a !== 'object' || typeof a.name !== 'string' || typeof a.version !== 'string' || typeof a.digest !== 'string')
        return null;
    const mirrors = Array.isArray(a.mirrors) ? a.mirrors.filter((m) => typeof m === 'string') : [];
    return { name: a.name, version: a.version, digest: a.digest, mirrors };
}
//# sourceMappingURL=admitUpdates.js.map
/**
 * Rollout leases (issue 12, CONTRACT-12): signed with the bundled demo
 * orchestrator key, verified against the real policies/trust.yaml chained from
 * the demo pin, and every refusal with its code — a forged signature, a lease
 * tampered after signing, a non-orchestrator signer, another node, another
 * intent version or content, an expired lease, an epoch rollback.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse as yamlParse } from 'yaml';
import { leaseId } from '../src/rollout/leaseId.js';
import { LEASE_REFUSALS } from '../src/rollout/leaseTypes.js';
import { signLease } from '../src/rollout/signLease.js';
import { verifyLease } from '../src/rollout/verifyLease.js';
import { splitFrontMatter } from '../src/records/splitFrontMatter.js';
import { generateKey, privateKeyFromPem, signBytes } from '../src/trust/ed25519.js';
import { parsePinnedRoot } from '../src/trust/parsePinnedRoot.js';
import { signedPayload } from '../src/trust/signedPayload.js';
import { verifyTrustChain } from '../src/trust/verifyTrustChain.js';
import { REPO } from './helpers/fleet.js';
const keyFile = (name) => readFileSync(join(REPO, 'test', 'fixtures', 'keys', name), 'utf8');
const orchestrator = { id: 'orchestrator-2026a', key: privateKeyFromPem(keyFile('orchestrator-2026a.key')) };
const releaseManager = { id: 'release-manager-2026a', key: privateKeyFromPem(keyFile('release-manager-2026a.pem')) };
// The real trust.yaml, verified from the demo pin.
const trustData = yamlParse(readFileSync(join(REPO, 'policies', 'trust.yaml'), 'utf8'));
const pin = parsePinnedRoot(keyFile('trust-root.json'), 'test/fixtures/keys/trust-root.json');
const chain = verifyTrustChain(pin, [{ file: 'policies/trust.yaml', commit: '', data: trustData, locate: () => ({ line: 1, col: 1 }) }]);
// A real bundled intent and its digest: the bytes its signatures cover.
const INTENT_ID = 'rap-node-agent-0.2.332-home-test';
const split = splitFrontMatter(readFileSync(join(REPO, 'registry', 'intents', `${INTENT_ID}.md`), 'utf8'));
assert.ok(split.ok);
const front = yamlParse(split.yaml);
const DIGEST = createHash('sha256').update(signedPayload('intent', INTENT_ID, front)).digest('hex');
const VERSION = front.version;
const NOW = new Date('2026-12-01T12:00:00Z');
const fields = { intent: INTENT_ID, intent_version: VERSION, intent_digest: `sha256:${DIGEST}`, node: 'home-1', epoch: 3, expires: '2026-12-01T12:30:00.000Z' };
const ctx = (over = {}) => {
    assert.ok(chain.ok);
    return { chain, intent: { id: INTENT_ID, version: VERSION, digest: DIGEST }, node: 'home-1', now: NOW, highestEpochSeen: 3, ...over };
};
const codeOf = (lease, c = ctx()) => {
    const v = verifyLease(lease, c);
    return v.ok ? 'ok' : v.code;
};
describe('rollout leases', () => {
    it('the demo orchestrator key is the orchestrator-2026a key of the real trust.yaml, which the demo pin verifies', () => {
        assert.ok(chain.ok, JSON.stringify(chain.findings));
        const k = chain.root.keys.find((x) => x.id === 'orchestrator-2026a');
        assert.deepEqual(k?.roles, ['orchestrator']);
        assert.deepEqual(chain.root.roles.find((r) => r.name === 'orchestrator'), { name: 'orchestrator', kinds: ['lease'], threshold: 1, override: false });
    });
    it('a lease signed by the orchestrator key verifies; its id is <intent>/<node>/<epoch>; signing is deterministic', () => {
        const lease = signLease(fields, orchestrator);
        assert.equal(lease.id, `${INTENT_ID}/home-1/3`);
        assert.equal(lease.id, leaseId(INTENT_ID, 'home-1', 3));
        assert.deepEqual(lease.signatures.map((s) => s.key), ['orchestrator-2026a']);
        assert.deepEqual(verifyLease(lease, ctx()), { ok: true });
        assert.deepEqual(signLease(fields, orchestrator), lease);
        // The hex digest and the sha256: form both name the intent.
        assert.deepEqual(verifyLease(lease, ctx({ intent: { id: INTENT_ID, version: VERSION, digest: `sha256:${DIGEST}` } })), { ok: true });
        // A later epoch than seen is fine; so is the same one (the same lease read again).
        assert.equal(codeOf(lease, ctx({ highestEpochSeen: 0 })), 'ok');
    });
    it('refuses a forged signature: a key outside trust.yaml, a signature moved from another lease, garbage', () => {
        const stranger = generateKey();
        const forged = signLease(fields, { id: 'orchestrator-2026a', key: privateKeyFromPem(stranger.privatePem) });
        assert.equal(codeOf(forged), 'lease-signature-invalid');
        const other = signLease({ ...fields, node: 'home-2' }, orchestrator);
        const moved = { ...signLease(fields, orchestrator), signatures: other.signatures };
        assert.equal(codeOf(moved), 'lease-signature-invalid');
        assert.equal(codeOf({ ...signLease(fields, orchestrator), signatures: [{ key: 'orchestrator-2026a', sig: 'not base64!' }] }), 'lease-signature-invalid');
        assert.equal(codeOf({ ...signLease(fields, orchestrator), signatures: [] }), 'lease-signature-invalid');
        for (const junk of [null, 42, 'lease', [], {}, { ...fields }])
            assert.equal(codeOf(junk), 'lease-signature-invalid');
    });
    it('refuses a lease changed after signing, whatever field a neighbour edits (property)', () => {
        const lease = signLease(fields, orchestrator);
        fc.assert(fc.property(fc.constantFrom('id', 'intent', 'intent_version', 'intent_digest', 'node', 'epoch', 'expires'), fc.oneof(fc.string(), fc.integer(), fc.constant('2099-01-01T00:00:00.000Z'), fc.constant('home-2')), (field, value) => {
            fc.pre(value !== lease[field]);
            return codeOf({ ...lease, [field]: value }) === 'lease-signature-invalid';
        }));
    });
    it('refuses a lease signed by a key that is not an orchestrator key (release-manager)', () => {
        const v = verifyLease(signLease(fields, releaseManager), ctx());
        assert.equal(v.ok, false);
        assert.equal(!v.ok && v.code, 'lease-key-not-orchestrator');
        assert.match(!v.ok ? v.message : '', /release-manager-2026a/);
        // The key id is a hint only: naming the orchestrator does not help.
        assert.equal(codeOf(signLease(fields, { ...releaseManager, id: 'orchestrator-2026a' })), 'lease-key-not-orchestrator');
    });
    it('refuses a lease for another node', () => {
        assert.equal(codeOf(signLease(fields, orchestrator), ctx({ node: 'home-2' })), 'lease-wrong-node');
    });
    it('refuses a lease for another intent, version or content digest', () => {
        const lease = signLease(fields, orchestrator);
        assert.equal(codeOf(lease, ctx({ intent: { id: 'other-intent', version: VERSION, digest: DIGEST } })), 'lease-intent-mismatch');
        assert.equal(codeOf(lease, ctx({ intent: { id: INTENT_ID, version: VERSION + 1, digest: DIGEST } })), 'lease-intent-mismatch');
        // A tampered intent has another digest: its old lease no longer applies.
        const tampered = createHash('sha256').update(signedPayload('intent', INTENT_ID, { ...front, target: { areas: ['home', 'usa'] } })).digest('hex');
        assert.equal(codeOf(lease, ctx({ intent: { id: INTENT_ID, version: VERSION, digest: tampered } })), 'lease-intent-mismatch');
        // An id that does not match its fields, though signed.
        const bad = signLease(fields, orchestrator);
        const { signatures: _s, ...body } = { ...bad, id: `${INTENT_ID}/home-1/99` };
        const resigned = { ...body, signatures: [{ key: orchestrator.id, sig: '' }] };
        resigned.signatures[0].sig = signBytes(orchestrator.key, signedPayload('lease', body.id, body));
        assert.equal(codeOf(resigned), 'lease-intent-mismatch');
    });
    it('refuses an expired lease (at its expiry instant and after)', () => {
        const lease = signLease(fields, orchestrator);
        assert.equal(codeOf(lease, ctx({ now: new Date('2026-12-01T12:29:59.999Z') })), 'ok');
        assert.equal(codeOf(lease, ctx({ now: new Date('2026-12-01T12:30:00Z') })), 'lease-expired');
        assert.equal(codeOf(signLease({ ...fields, expires: 'soon' }, orchestrator)), 'lease-expired');
    });
    it('refuses an older epoch than the node has accepted (a replayed lease)', () => {
        assert.equal(codeOf(signLease(fields, orchestrator), ctx({ highestEpochSeen: 4 })), 'lease-epoch-rollback');
    });
    it('every refusal code is produced by some case above and no other code exists', () => {
        assert.deepEqual([...LEASE_REFUSALS], ['lease-signature-invalid', 'lease-key-not-orchestrator', 'lease-wrong-node', 'lease-intent-mismatch', 'lease-expired', 'lease-epoch-rollback']);
    });
});
//# sourceMappingURL=lease.test.js.map
/**
 * Signed intents, verified purely: the DSSE encoding against the spec's
 * vector, the canonical bytes across both YAML parsers, and a matrix of
 * forged, tampered, replayed, expired, widened, rolled-back and
 * under-threshold intents, each refused with its code.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { yamlCoreSchema } from '../src/records/jsYamlLibrary.js';
import { parse as yamlParse, stringify as yamlStringify } from 'yaml';
import { canonicalJson } from '../src/trust/canonicalJson.js';
import { fingerprint, generateKey, privateKeyFromPem, publicKeyFromRaw, rawPublicKey, signBytes, verifyBytes } from '../src/trust/ed25519.js';
import { expiryInstant } from '../src/trust/expiryInstant.js';
import { pae } from '../src/trust/pae.js';
import { signedPayload } from '../src/trust/signedPayload.js';
import { verifyIntent } from '../src/trust/verifyIntent.js';
import { verifyFleetTrust } from '../src/trust/verifyFleetTrust.js';
import { withSignatures } from '../src/trust/withSignatures.js';
import { rootOf, verifyTrustChain } from '../src/trust/verifyTrustChain.js';
import { REPO } from './helpers/fleet.js';
import { TRUST_CODES } from './helpers/trustCodes.js';
const pem = (name) => readFileSync(join(REPO, 'test', 'fixtures', 'keys', `${name}.pem`), 'utf8');
const KEYS = { rm: pem('release-manager-2026a'), ra: pem('recovery-admin-a'), rb: pem('recovery-admin-b') };
const pub = (p) => rawPublicKey(require_(privateKeyFromPem(p)));
function require_(v) {
    assert.ok(v);
    return v;
}
const other = generateKey();
const ROOT = {
    version: 1,
    keys: [
        { id: 'release-manager-2026a', publicKey: pub(KEYS.rm), roles: ['release-manager'], expires: '2027-06-30' },
        { id: 'recovery-admin-a', publicKey: pub(KEYS.ra), roles: ['recovery-admin'] },
        { id: 'recovery-admin-b', publicKey: pub(KEYS.rb), roles: ['recovery-admin'] },
        { id: 'expired-2025', publicKey: other.publicKey, roles: ['release-manager'], expires: '2025-12-31' },
    ],
    roles: [
        { name: 'release-manager', kinds: ['update'], scope: { areas: ['home', 'test', 'usa', 'ifcm'] }, threshold: 1, override: false },
        { name: 'recovery-admin', kinds: ['update', 'drain', 'promote', 'rollback', 'restart'], threshold: 2, override: true },
    ],
};
const NODES = [
    { id: 'home-1', area: 'home', site: 'home', nat_group: 'home-nat', role: 'edge', labels: { plane: 'fabric' } },
    { id: 'home-2', area: 'home', site: 'home', nat_group: 'home-nat', role: 'edge', labels: { plane: 'fabric' } },
    { id: 'test-1', area: 'test', site: 'test', nat_group: 'test-nat', role: 'edge', labels: { plane: 'fabric' } },
    { id: 'usa-los-1', area: 'usa', site: 'los', nat_group: 'usa-nat', role: 'relay', labels: { plane: 'fabric' } },
    { id: 'coulombcore', area: 'fleet-dc', site: 'coulombcore', nat_group: 'cc', role: 'primary', labels: { plane: 'railiance' } },
];
const CAPS = { max_parallel: 3, max_unavailable: 2 };
const NOW = new Date('2026-12-01T12:00:00Z');
const BASE = {
    title: 'rap-node-agent 0.2.332 — canary in home and test',
    kind: 'update',
    version: 3,
    expires: '2027-03-31',
    target: { labels: { plane: 'fabric' }, areas: ['home', 'test'] },
    artifact: { name: 'rap-node-agent', version: '0.2.332', digest: `sha256:${'4c'.repeat(32)}` },
    strategy: { type: 'canary', canary_count: 2, max_parallel: 2, max_unavailable: 1 },
    control: 'run',
};
function signed(data, signers, id = 'canary') {
    const bytes = signedPayload('intent', id, data);
    return { ...data, signatures: signers.map(([keyId, p]) => ({ key: keyId, sig: signBytes(require_(privateKeyFromPem(p)), bytes) })) };
}
function verdictOf(data, opts = {}) {
    const intent = { id: opts.id ?? 'canary', file: 'registry/intents/canary.md', data, locate: (p) => ({ line: 2 + p.split('/').length, col: 1 }) };
    return verifyIntent(intent, { root: opts.root ?? ROOT, nodes: opts.nodes ?? NODES, caps: CAPS, ratchet: opts.ratchet ?? new Map(), now: opts.now ?? NOW });
}
const rm = ['release-manager-2026a', KEYS.rm];
const ra = ['recovery-admin-a', KEYS.ra];
const rb = ['recovery-admin-b', KEYS.rb];
describe('the envelope', () => {
    it('DSSE pre-authentication encoding matches the spec test vector', () => {
        assert.equal(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString(), 'DSSEv1 29 http://example.com/HelloWorld 11 hello world');
        assert.equal(pae('t', Buffer.from('é')).toString(), 'DSSEv1 1 t 2 é', 'lengths are bytes, not characters');
    });
    it('canonical JSON is RFC 8785 (sorted keys, no whitespace) and refuses what has no one form', () => {
        assert.equal(canonicalJson({ b: [1, 'x', true, null], a: { d: 1e21, c: 0.1 } }), '{"a":{"c":0.1,"d":1e+21},"b":[1,"x",true,null]}');
        assert.equal(canonicalJson({ d: new Date('2027-01-31T00:00:00Z') }), '{"d":"2027-01-31"}');
        for (const bad of [NaN, Infinity, -Infinity, () => 1, 10n])
            assert.throws(() => canonicalJson({ v: bad }), { code: 'not-canonical' });
    });
    it('the signed bytes bind the record kind and id: a signature does not move to another file or kind', () => {
        const a = signedPayload('intent', 'one', BASE);
        assert.notDeepEqual(a, signedPayload('intent', 'two', BASE));
        assert.notDeepEqual(a, signedPayload('trust', 'one', BASE));
        assert.deepEqual(a, signedPayload('intent', 'one', { ...BASE, signatures: [{ key: 'k', sig: 'AAAA' }] }), 'signatures are not signed');
    });
    it('keys: ed25519 raw public keys, fingerprints, malformed input never throws', () => {
        const k = generateKey();
        const priv = require_(privateKeyFromPem(k.privatePem));
        const sig = signBytes(priv, Buffer.from('x'));
        assert.ok(verifyBytes(require_(publicKeyFromRaw(k.publicKey)), Buffer.from('x'), sig));
        assert.match(fingerprint(k.publicKey), /^[0-9a-f]{64}$/);
        assert.equal(publicKeyFromRaw('not base64!'), null);
        assert.equal(publicKeyFromRaw(Buffer.alloc(31).toString('base64')), null);
        assert.equal(privateKeyFromPem('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'), null);
        assert.equal(verifyBytes(require_(publicKeyFromRaw(k.publicKey)), Buffer.from('x'), '%%%'), false);
        assert.equal(pub(KEYS.rm), 'ZksS9qCZ8ypSWgCuBsXmp83/3nSK2qPxHxkijLpNFoU=', "the demo key matches trust.yaml's public key");
    });
    it('expiry: a date lasts to the end of its day (UTC); impossible dates are not dates', () => {
        assert.equal(expiryInstant('2027-03-31'), Date.parse('2027-04-01T00:00:00Z'));
        assert.equal(expiryInstant('2027-03-31T10:00:00+02:00'), Date.parse('2027-03-31T08:00:00Z'));
        assert.equal(expiryInstant('2026-02-31'), null);
        assert.equal(expiryInstant('tomorrow'), null);
    });
    it('the records\' js-yaml schema reads scalars as YAML 1.2 core does (the yaml package): no YAML 1.1 octal, underscores, binary or dot floats', () => {
        for (const scalar of ['._0', '._5', '1_000', '1_0.5', '0b101', '012', '-.5', '+.5', '0o17', '0x1F', '-0x1F', '.5', '+12', '1e3', '.inf', '-.Inf', '.NaN', 'null', '~', '', 'True', 'yes', 'no', 'on', '2026-12-01']) {
            const text = `a: ${scalar}\n`;
            assert.deepEqual(jsyaml.load(text, { schema: yamlCoreSchema() }), yamlParse(text), JSON.stringify(scalar));
        }
    });
    it('property: the canonical bytes do not depend on which YAML parser read the file', () => {
        const key = fc.stringMatching(/^[a-z][a-z_]{0,8}$/);
        const scalar = fc.oneof(fc.string(), fc.integer({ min: -1e9, max: 1e9 }), fc.boolean(), fc.constant(null), fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
        const value = fc.letrec((tie) => ({
            v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
        })).v;
        fc.assert(fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), (doc) => {
            for (const text of [yamlStringify(doc), yamlStringify(doc, { defaultStringType: 'PLAIN' })]) {
                const viaJsYaml = jsyaml.load(text, { schema: yamlCoreSchema() });
                const viaYaml = yamlParse(text);
                assert.equal(canonicalJson(viaJsYaml), canonicalJson(viaYaml), text);
            }
        }), { numRuns: 300 });
    });
});
const tamper = (path, value) => () => {
    const d = structuredClone(signed(BASE, [rm]));
    let o = d;
    for (const p of path.slice(0, -1))
        o = o[p];
    o[path[path.length - 1]] = value;
    return d;
};
const ratchet = (version, digest = 'f'.repeat(64)) => new Map([['canary', { version, digest }]]);
const forced = { ...BASE, target: { nodes: ['home-1'] }, strategy: { type: 'forced-node', nodes: ['home-1'] } };
const CASES = [
    { name: 'trusted: one release-manager signature within scope', data: () => signed(BASE, [rm]), code: null },
    { name: 'trusted: forced-node with two recovery-admin signatures', data: () => signed(forced, [ra, rb]), code: null },
    { name: 'trusted: the key id is only a hint (a wrong id still verifies by key)', data: () => ({ ...signed(BASE, [rm]), signatures: [{ key: 'recovery-admin-a', sig: signed(BASE, [rm]).signatures[0].sig }] }), code: null },
    { name: 'trusted: at a higher version than the ratchet', data: () => signed(BASE, [rm]), code: null, opts: { ratchet: ratchet(2) } },
    { name: 'unsigned', data: () => BASE, code: 'intent-unsigned' },
    { name: 'empty signature list', data: () => ({ ...BASE, signatures: [] }), code: 'intent-unsigned' },
    { name: 'tampered: version changed', data: tamper(['version'], 4), code: 'intent-signature-invalid' },
    { name: 'tampered: title changed', data: tamper(['title'], 'x'), code: 'intent-signature-invalid' },
    { name: 'tampered: artifact digest swapped', data: tamper(['artifact', 'digest'], `sha256:${'00'.repeat(32)}`), code: 'intent-signature-invalid' },
    { name: 'tampered: target widened to all areas', data: tamper(['target'], { labels: { plane: 'fabric' } }), code: 'intent-signature-invalid' },
    { name: 'tampered: strategy turned to rolling', data: tamper(['strategy', 'type'], 'rolling'), code: 'intent-signature-invalid' },
    { name: 'tampered: control flipped to run', data: tamper(['control'], 'paused'), code: 'intent-signature-invalid' },
    { name: 'tampered: expiry extended', data: tamper(['expires'], '2099-12-31'), code: 'intent-signature-invalid' },
    { name: 'tampered: a field added', data: tamper(['labels'], { step: 'B' }), code: 'intent-signature-invalid' },
    { name: 'tampered: a field removed', data: () => { const d = signed(BASE, [rm]); delete d.artifact; return d; }, code: 'intent-signature-invalid' },
    { name: 'tampered: a mirror added', data: tamper(['artifact', 'mirrors'], ['https://evil.invalid/x']), code: 'intent-signature-invalid' },
    { name: 'moved: a signature copied from another intent id', data: () => signed(BASE, [rm], 'other-intent'), code: 'intent-signature-invalid' },
    { name: 'signature bytes flipped', data: () => { const d = signed(BASE, [rm]); const s = d.signatures[0]; const b = Buffer.from(s.sig, 'base64'); b[0] ^= 1; s.sig = b.toString('base64'); return d; }, code: 'intent-signature-invalid' },
    { name: 'signature truncated', data: () => { const d = signed(BASE, [rm]); const s = d.signatures[0]; s.sig = s.sig.slice(0, 40); return d; }, code: 'intent-signature-invalid' },
    { name: 'signature malformed base64', data: () => ({ ...BASE, signatures: [{ key: 'release-manager-2026a', sig: 'not*base64' }] }), code: 'intent-signature-invalid' },
    { name: 'signature all zeros', data: () => ({ ...BASE, signatures: [{ key: 'release-manager-2026a', sig: Buffer.alloc(64).toString('base64') }] }), code: 'intent-signature-invalid' },
    { name: 'forged: signed by a key not in the trust root', data: () => signed(BASE, [['mallory', other.privatePem]]), code: 'intent-unknown-key', opts: { root: { ...ROOT, keys: ROOT.keys.filter((k) => k.id !== 'expired-2025') } } },
    { name: 'forged: a self-made key claiming a trusted id', data: () => signed(BASE, [['release-manager-2026a', generateKey().privatePem]]), code: 'intent-signature-invalid' },
    { name: 'forged: unknown key id and unknown key', data: () => signed(BASE, [['nobody', generateKey().privatePem]]), code: 'intent-unknown-key' },
    { name: 'key expired', data: () => signed(BASE, [['expired-2025', other.privatePem]]), code: 'intent-key-expired' },
    { name: 'release-manager key past its expiry date', data: () => signed(BASE, [rm]), code: 'intent-key-expired', opts: { now: new Date('2027-07-01T00:00:00Z') } },
    { name: 'key not in a role that may sign this kind (drain by a release manager)', data: () => signed({ ...BASE, kind: 'drain' }, [rm]), code: 'intent-key-not-allowed' },
    { name: 'under threshold: one recovery-admin signature on a drain', data: () => signed({ ...BASE, kind: 'drain' }, [ra]), code: 'intent-under-threshold' },
    { name: 'under threshold: two entries by one key count once', data: () => signed(forced, [ra, ra]), code: 'intent-under-threshold' },
    { name: 'under threshold: one key listed under two ids counts once', data: () => signed({ ...BASE, kind: 'drain' }, [ra, ['recovery-admin-c', KEYS.ra]]), code: 'intent-under-threshold', opts: { root: { ...ROOT, keys: [...ROOT.keys, { id: 'recovery-admin-c', publicKey: pub(KEYS.ra), roles: ['recovery-admin'] }] } } },
    { name: 'scope widened: a fleet-dc node by label', data: () => signed({ ...BASE, target: { labels: { plane: 'railiance' } } }, [rm]), code: 'intent-scope-widened' },
    { name: 'scope widened: an explicit node outside the areas', data: () => signed({ ...BASE, target: { nodes: ['coulombcore'] } }, [rm]), code: 'intent-scope-widened' },
    { name: 'scope widened: a node that does not exist', data: () => signed({ ...BASE, target: { nodes: ['ghost-9'] } }, [rm]), code: 'intent-scope-widened' },
    { name: 'scope widened: a role selector reaching the primary', data: () => signed({ ...BASE, target: { roles: ['primary'] } }, [rm]), code: 'intent-scope-widened' },
    { name: 'scope widened once the fleet grows: a new node matching the labels', data: () => signed({ ...BASE, target: { labels: { plane: 'fabric' } } }, [rm]), code: 'intent-scope-widened', opts: { nodes: [...NODES, { id: 'new-1', area: 'eu', labels: { plane: 'fabric' } }] } },
    { name: 'expired', data: () => signed({ ...BASE, expires: '2026-11-30' }, [rm]), code: 'intent-expired' },
    { name: 'expired at the instant of a date-time', data: () => signed({ ...BASE, expires: '2026-12-01T11:59:59Z' }, [rm]), code: 'intent-expired' },
    { name: 'expires is not a real date', data: () => signed({ ...BASE, expires: '2026-02-31' }, [rm]), code: 'intent-malformed' },
    { name: 'rollback: lower than the version trusted before', data: () => signed(BASE, [rm]), code: 'intent-rollback', opts: { ratchet: ratchet(4) } },
    { name: 'replay: an old version re-signed is still a rollback', data: () => signed({ ...BASE, version: 1 }, [rm]), code: 'intent-rollback', opts: { ratchet: ratchet(3) } },
    { name: 'version reuse: same version, other content', data: () => signed(BASE, [rm]), code: 'intent-version-reused', opts: { ratchet: ratchet(3) } },
    { name: 'override required: forced-node by a release manager', data: () => signed(forced, [rm]), code: 'intent-override-required' },
    { name: 'override required: max_parallel beyond the caps', data: () => signed({ ...BASE, strategy: { type: 'rolling', max_parallel: 10 } }, [rm]), code: 'intent-override-required' },
    { name: 'override required: max_unavailable beyond the caps', data: () => signed({ ...BASE, strategy: { type: 'rolling', max_unavailable: 5 } }, [rm]), code: 'intent-override-required' },
    { name: 'override required: a batch larger than the caps allow at once', data: () => signed({ ...BASE, strategy: { type: 'rolling', batch_size: 4 } }, [rm]), code: 'intent-override-required' },
    { name: 'override required: a pinned strategy starting more nodes at once than the caps', data: () => signed({ ...BASE, target: { areas: ['home', 'test'] }, strategy: { type: 'pinned', nodes: ['home-1', 'home-2', 'test-1', 'usa-los-1'] } }, [rm]), code: 'intent-override-required' },
    { name: 'malformed: signatures not a list', data: () => ({ ...BASE, signatures: 'abc' }), code: 'intent-malformed' },
    { name: 'malformed: a signature entry with extra fields', data: () => ({ ...BASE, signatures: [{ key: 'a', sig: 'AAAA', keyid: 'x' }] }), code: 'intent-malformed' },
    { name: 'malformed: a signature entry that is a string', data: () => ({ ...BASE, signatures: ['AAAA'] }), code: 'intent-malformed' },
    { name: 'malformed: an oversized signature list', data: () => ({ ...BASE, signatures: Array.from({ length: 100 }, () => ({ key: 'a', sig: 'AAAA' })) }), code: 'intent-malformed' },
    { name: 'malformed: a version that is not a whole number', data: () => signed({ ...BASE, version: 1.5 }, [rm]), code: 'intent-malformed' },
    { name: 'malformed: a non-finite number in the signed part', data: () => ({ ...BASE, x: Infinity, signatures: [{ key: 'a', sig: 'AAAA' }] }), code: 'intent-malformed' },
];
describe('what is refused', () => {
    it(`covers at least 40 forged, tampered, replayed, expired, widened, rolled-back and under-threshold cases (${CASES.length})`, () => {
        assert.ok(CASES.filter((c) => c.code !== null).length >= 40);
        assert.deepEqual([...new Set(CASES.map((c) => c.code).filter((c) => c !== null))].sort(), [...TRUST_CODES].sort(), 'every trust code has a case');
    });
    for (const c of CASES) {
        it(c.name, () => {
            const v = verdictOf(c.data(), c.opts);
            if (c.code === null) {
                assert.equal(v.trusted, true, JSON.stringify(v.findings));
                assert.deepEqual(v.findings, []);
                assert.ok(v.signers.length > 0);
            }
            else {
                assert.equal(v.trusted, false);
                assert.ok(v.findings.some((f) => f.code === c.code), `expected ${c.code}, got ${v.findings.map((f) => f.code).join(', ')}`);
                for (const f of v.findings) {
                    assert.equal(f.file, 'registry/intents/canary.md');
                    assert.ok(f.line >= 1 && f.col >= 1 && f.hint && f.message);
                }
            }
        });
    }
    it('a signed intent is trusted the same whatever the clock, nodes order or ratchet of other ids', () => {
        const a = verdictOf(signed(BASE, [rm]), { nodes: [...NODES].reverse(), ratchet: new Map([['other', { version: 9, digest: 'x' }]]), now: new Date('2027-03-31T23:59:59Z') });
        assert.deepEqual(a, verdictOf(signed(BASE, [rm])));
    });
    it('property: any change to any byte of the signed part is refused', () => {
        const good = signed(BASE, [rm]);
        const { signatures, ...body } = good;
        const text = JSON.stringify(body);
        fc.assert(fc.property(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 94 }), (at, delta) => {
            const code = text.charCodeAt(at);
            const changed = text.slice(0, at) + String.fromCharCode(32 + ((code - 32 + delta) % 95)) + text.slice(at + 1);
            let data;
            try {
                data = JSON.parse(changed);
            }
            catch {
                return; // not a record any more: nothing to verify
            }
            if (canonicalJson(data) === canonicalJson(body))
                return; // the same value (e.g. whitespace): the same signed part
            const v = verdictOf({ ...data, signatures });
            assert.equal(v.trusted, false, changed);
        }), { numRuns: 500 });
    });
});
describe('the trust root chain', () => {
    const r1 = generateKey();
    const r2 = generateKey();
    const n1 = generateKey();
    const n2 = generateKey();
    const keyRow = (id, k) => ({ id, algorithm: 'ed25519', public_key: k.publicKey, roles: ['root'] });
    const doc = (version, rootKeys, threshold = 2) => ({
        kind: 'trust',
        version,
        root: { threshold, keys: rootKeys.map(([id]) => id) },
        keys: [...rootKeys.map(([id, k]) => keyRow(id, k)), { id: 'release-manager-2026a', public_key: pub(KEYS.rm), roles: ['release-manager'] }],
        roles: [{ name: 'release-manager', kinds: ['update'], threshold: 1 }],
    });
    const signDoc = (data, by) => {
        const bytes = signedPayload('trust', 'trust', data);
        return { ...data, signatures: by.map((k, i) => ({ key: `k${i}`, sig: signBytes(require_(privateKeyFromPem(k.privatePem)), bytes) })) };
    };
    const at = (data, commit = 'c') => ({ file: 'policies/trust.yaml', commit, data, locate: () => ({ line: 1, col: 1 }) });
    const oldRoot = [['root-a', r1], ['root-b', r2]];
    const newRoot = [['root-c', n1], ['root-d', n2]];
    const v1 = signDoc(doc(1, oldRoot), [r1, r2]);
    const pin = require_(rootOf(v1));
    it('accepts the pinned version, then a rotation signed by the old and the new root keys', () => {
        const ok = verifyTrustChain(pin, [at(v1)]);
        assert.equal(ok.ok, true, JSON.stringify(ok.findings));
        const v2 = signDoc(doc(2, newRoot), [r1, r2, n1, n2]);
        const rotated = verifyTrustChain(pin, [at(v1, 'a'), at(v2, 'b')]);
        assert.equal(rotated.ok, true, JSON.stringify(rotated.findings));
        assert.deepEqual(rotated.chain, [1, 2]);
        assert.ok(rotated.ok && rotated.root.keys.some((k) => k.id === 'release-manager-2026a'));
    });
    it('refuses a rotation signed only by the new keys, then accepts it signed by both', () => {
        const onlyNew = verifyTrustChain(pin, [at(v1), at(signDoc(doc(2, newRoot), [n1, n2]))]);
        assert.equal(onlyNew.ok, false);
        assert.equal(onlyNew.findings[0].code, 'trust-chain-broken');
        assert.match(onlyNew.findings[0].message, /version 1's root keys/);
        const onlyOld = verifyTrustChain(pin, [at(v1), at(signDoc(doc(2, newRoot), [r1, r2]))]);
        assert.equal(onlyOld.findings[0].code, 'trust-chain-broken', 'the new keys must sign too');
        const both = verifyTrustChain(pin, [at(v1), at(signDoc(doc(2, newRoot), [r1, r2, n1, n2]))]);
        assert.equal(both.ok, true);
    });
    it('one key signing twice does not meet a threshold of two', () => {
        const twice = signDoc(doc(1, oldRoot), [r1, r1]);
        assert.equal(verifyTrustChain(pin, [at(twice)]).findings[0].code, 'trust-chain-broken');
    });
    it('without a pin nothing is trusted, and says how to pin', () => {
        const r = verifyTrustChain(null, [at(v1)]);
        assert.equal(r.findings[0].code, 'trust-not-pinned');
        assert.match(r.findings[0].hint, /fleethub trust pin/);
    });
    it('refuses a version older than the pin (a stale mirror), a gap, a changed root at the pinned version, and a file that differs from history', () => {
        const v2 = signDoc(doc(2, newRoot), [r1, r2, n1, n2]);
        const pin2 = require_(rootOf(v2));
        assert.equal(verifyTrustChain(pin2, [at(v1)]).findings[0].code, 'trust-rollback');
        const v3 = signDoc(doc(3, newRoot), [n1, n2]);
        assert.equal(verifyTrustChain(pin, [at(v1), at(v3)]).findings[0].code, 'trust-chain-gap');
        const forged = signDoc(doc(1, newRoot), [n1, n2]);
        assert.equal(verifyTrustChain(pin, [at(forged)]).findings[0].code, 'trust-root-mismatch', 'whoever holds a copy cannot swap the root keys');
        const edited = { ...v1, roles: [{ name: 'release-manager', kinds: ['update', 'drain'], threshold: 1 }] };
        assert.equal(verifyTrustChain(pin, [at(v1), at(edited, '')]).findings[0].code, 'trust-chain-broken', 'an unsigned edit of trust.yaml is refused');
    });
});
describe('signing a file', () => {
    const md = "---\ntitle: 'x'   # a comment kept\nkind: update\nversion: 1\n---\n\n# Body kept\n";
    it('adds signatures at the end of the front matter, every other byte kept', () => {
        const out = withSignatures(md, true, [{ key: 'k1', sig: 'AAAA' }]);
        assert.equal(out, "---\ntitle: 'x'   # a comment kept\nkind: update\nversion: 1\nsignatures:\n  - key: k1\n    sig: 'AAAA'\n---\n\n# Body kept\n");
        const again = withSignatures(out, true, [{ key: 'k1', sig: 'BBBB' }, { key: 'k2', sig: 'CCCC' }]);
        assert.equal(again, md.replace('version: 1\n', "version: 1\nsignatures:\n  - key: k1\n    sig: 'BBBB'\n  - key: k2\n    sig: 'CCCC'\n"));
        assert.equal(withSignatures(again, true, []), md, 'removing them restores the file');
    });
    it('replaces signatures in the middle of a YAML file and keeps CRLF', () => {
        const y = 'kind: trust\r\nsignatures:\r\n- key: a\r\n  sig: x\r\nversion: 2\r\n';
        assert.equal(withSignatures(y, false, [{ key: 'b', sig: 'y' }]), "kind: trust\r\nsignatures:\r\n  - key: b\r\n    sig: 'y'\r\nversion: 2\r\n");
    });
    it('the signed bytes of a file signed this way verify after a round trip through both parsers', () => {
        const data = { title: 'x', kind: 'update', version: 1 };
        const sig = signBytes(require_(privateKeyFromPem(KEYS.rm)), signedPayload('intent', 'x', data));
        const out = withSignatures(md, true, [{ key: 'release-manager-2026a', sig }]);
        const front = out.split('---\n')[1];
        for (const parsed of [jsyaml.load(front, { schema: yamlCoreSchema() }), yamlParse(front)]) {
            assert.ok(verifyBytes(require_(publicKeyFromRaw(pub(KEYS.rm))), signedPayload('intent', 'x', parsed), sig));
        }
    });
});
describe('a fleet at one tick', () => {
    it('refuses every intent with the reason when the trust root does not chain to the pin', () => {
        const intent = { id: 'canary', file: 'registry/intents/canary.md', data: signed(BASE, [rm]), locate: () => ({ line: 1, col: 1 }) };
        const r = verifyFleetTrust({ pin: null, trustVersions: [], intents: [intent], nodes: NODES, caps: CAPS, ratchet: new Map(), now: NOW });
        assert.equal(r.chain.ok, false);
        assert.equal(r.verdicts[0].trusted, false);
        assert.equal(r.verdicts[0].findings[0].code, 'intent-untrusted-root');
        assert.match(r.verdicts[0].findings[0].message, /no trust root is pinned/);
    });
});
//# sourceMappingURL=trust.test.js.map
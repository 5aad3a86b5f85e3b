/**
 * Signed intents end to end on a copy of the bundled fleet, through the CLI's
 * main() as bin/fleethub.js runs it: keys gen, intent sign/verify, trust
 * pin/sign/verify, and the reconcile loop's trust step (findings, the board's
 * Intents section, the ratchet).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cliInProcess, copyExampleFleet, removeDir, tempDir } from './helpers/fleet.js';

const dirs: string[] = [];
const fleet = (): string => {
  const d = copyExampleFleet({ status: true });
  dirs.push(d);
  return d;
};
after(() => dirs.forEach(removeDir));

interface VerifyJson {
  intents: Array<{ id: string; trusted: boolean; signers: string[]; findings: Array<{ code: string; file: string; line: number; column: number; hint: string }> }>;
}
const HOME = 'rap-node-agent-0.2.332-home-test';
const USA = 'rap-node-agent-0.2.332-usa-ifcm';
const RECOVERY = 'rap-node-agent-0.2.325-ifcm-recovery';
const KEY = (name: string): string => join(process.cwd(), 'test', 'fixtures', 'keys', `${name}.pem`);

describe('intent verify on the bundled fleet', () => {
  it('trusts the signed canary and the recovery intent, refuses the unsigned one with its reason, exit 1', async () => {
    const root = fleet();
    const r = await cliInProcess(['intent', 'verify', '--root', root, '--format', 'json']);
    assert.equal(r.code, 1);
    const byId = new Map(r.json<VerifyJson>().intents.map((i) => [i.id, i]));
    assert.deepEqual(byId.get(HOME)!.signers, ['release-manager-2026a']);
    assert.equal(byId.get(HOME)!.trusted, true);
    assert.deepEqual(byId.get(RECOVERY)!.signers, ['recovery-admin-a', 'recovery-admin-b'], 'forced-node, with the two recovery-admin signatures');
    assert.equal(byId.get(USA)!.trusted, false);
    assert.deepEqual(byId.get(USA)!.findings.map((f) => [f.code, f.file]), [['intent-unsigned', `registry/intents/${USA}.md`]]);
    assert.equal((await cliInProcess(['intent', 'verify', HOME, '--root', root])).code, 0, 'one trusted intent: exit 0');
    assert.equal((await cliInProcess(['intent', 'verify', 'nope', '--root', root])).code, 2, 'an unknown id is a usage error');
  });

  it('without a pin, refuses every intent and says how to pin', async () => {
    const root = fleet();
    const r = await cliInProcess(['intent', 'verify', '--root', root, '--format', 'json'], { env: { FLEETHUB_TRUST_ROOT: '' } });
    assert.equal(r.code, 1);
    for (const i of r.json<VerifyJson>().intents) assert.deepEqual(i.findings.map((f) => f.code), ['intent-untrusted-root']);
    assert.match((await cliInProcess(['intent', 'verify', '--root', root], { env: { FLEETHUB_TRUST_ROOT: '' } })).stdout, /fleethub trust pin/);
  });

  it('refuses a tampered intent at its file, and a version below the ratchet', async () => {
    const root = fleet();
    const file = join(root, 'registry/intents', `${HOME}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('canary_count: 2', 'canary_count: 3'));
    const tampered = (await cliInProcess(['intent', 'verify', HOME, '--root', root, '--format', 'json'])).json<VerifyJson>().intents[0]!;
    const invalid = tampered.findings.find((f) => f.code === 'intent-signature-invalid');
    assert.ok(invalid && invalid.line > 1, 'at the signature');
    assert.ok(tampered.findings.some((f) => f.code === 'intent-version-reused'), 'other content under a version already trusted');
    const again = fleet();
    writeFileSync(join(again, 'status/trust-ratchet.json'), JSON.stringify({ intents: { [HOME]: { version: 2, digest: 'x' } } }));
    assert.equal((await cliInProcess(['intent', 'verify', HOME, '--root', again, '--format', 'json'])).json<VerifyJson>().intents[0]!.findings[0]!.code, 'intent-rollback');
  });
});

describe('the reconcile loop', () => {
  it('reports the refusals as findings, shows the Intents section on the board, and the bundled status/ is up to date', async () => {
    const root = fleet();
    const r = await cliInProcess(['reconcile', '--check', '--fail-on', 'none', '--root', root, '--format', 'json']);
    assert.equal(r.code, 0, r.stdout);
    const json = r.json<{ findings: Array<{ code: string; record: string }>; intents: Array<{ id: string; trusted: boolean }>; trust: { trusted: boolean } }>();
    assert.equal(json.trust.trusted, true);
    assert.deepEqual(json.intents.map((i) => i.trusted), [true, true, false]);
    assert.ok(json.findings.some((f) => f.code === 'intent-unsigned' && f.record === `intent:${USA}`));
    const board = readFileSync(join(root, 'status/BOARD.md'), 'utf8');
    assert.ok(/## Intents\n\nVerified against the pinned trust root: policies\/trust.yaml version 1/.test(board));
    assert.ok(new RegExp(`\\| ${USA} \\| update \\| 1 \\| rolling \\| paused \\| — \\| \\*\\*refused\\*\\* \\(\`intent-unsigned\`\\)`).test(board));
    assert.ok(JSON.parse(readFileSync(join(root, 'status/trust-ratchet.json'), 'utf8')).intents[HOME].version === 1);
    const status = (await cliInProcess(['status', '--root', root, '--format', 'json'])).json<{ intents: Array<{ id: string; trusted: boolean }> }>();
    assert.deepEqual(status.intents, json.intents, 'status carries the verdicts too');
  });

  it('a newly trusted intent raises the ratchet; reconcile --write records it', async () => {
    const root = fleet();
    const missing = await cliInProcess(['intent', 'sign', USA, '--key', join(root, 'no-such.pem'), '--root', root]);
    assert.deepEqual([missing.code, missing.stderr], [2, `fleethub intent: the key ${join(root, 'no-such.pem')} does not exist (make a key pair with 'fleethub keys gen <name>')\n`]);
    const notAKey = await cliInProcess(['intent', 'sign', USA, '--key', join(root, 'policies/modes.yaml'), '--root', root]);
    assert.deepEqual([notAKey.code, notAKey.stderr.includes('is not an ed25519 private key')], [2, true]);
    const file = join(root, 'registry/intents', `${USA}.md`);
    const unsigned = readFileSync(file, 'utf8');
    const forged = await cliInProcess(['intent', 'sign', USA, '--key', KEY('recovery-admin-a'), '--key-id', 'release-manager-2026a', '--root', root]);
    assert.equal(forged.code, 2, 'a key under an id trust.yaml gives another public key is refused');
    assert.match(forged.stderr, /is not the key 'release-manager-2026a': trust\.yaml gives 'release-manager-2026a' another public key \(fingerprint [0-9a-f]{64}\), and this key's fingerprint is [0-9a-f]{64}/);
    assert.equal(readFileSync(file, 'utf8'), unsigned, 'the file is untouched');
    const signed = await cliInProcess(['intent', 'sign', USA, '--key', KEY('release-manager-2026a'), '--root', root]);
    assert.equal(signed.code, 0, signed.stderr);
    assert.doesNotMatch(signed.stdout, /note: /, 'a listed key: no note');
    assert.match(readFileSync(join(root, 'registry/intents', `${USA}.md`), 'utf8'), /Not signed yet in the bundled example/, 'the body is kept');
    assert.equal((await cliInProcess(['intent', 'verify', USA, '--root', root])).code, 0);
    assert.equal((await cliInProcess(['reconcile', '--write', '--fail-on', 'none', '--root', root])).code, 0);
    assert.equal(JSON.parse(readFileSync(join(root, 'status/trust-ratchet.json'), 'utf8')).intents[USA].version, 1);
    const keys = tempDir();
    dirs.push(keys);
    assert.equal((await cliInProcess(['keys', 'gen', 'somebody', '--out', keys])).code, 0);
    const stranger = await cliInProcess(['intent', 'sign', USA, '--key', join(keys, 'somebody.pem'), '--root', root, '--format', 'json']);
    assert.equal(stranger.code, 0, stranger.stderr);
    assert.equal(stranger.json<{ listed: boolean }>().listed, false, 'an unlisted key is said to be one');
    assert.match((await cliInProcess(['intent', 'sign', USA, '--key', join(keys, 'somebody.pem'), '--root', root])).stdout, /\nnote: policies\/trust\.yaml lists no key with this public key/);
  });
});

describe('keys and the root of trust', () => {
  it('unpinned, the root to check is shown: trust verify lists the declared root keys with fingerprints, and trust pin without a terminal shows them before refusing', async () => {
    const root = fleet();
    const env = { FLEETHUB_TRUST_ROOT: '' };
    const prints = (text: string): string[] => [...text.matchAll(/^ {2}(root-\S+) {2}([0-9a-f]{64})$/gm)].map((m) => `${m[1]} ${m[2]}`);
    const verify = await cliInProcess(['trust', 'verify', '--root', root], { env });
    assert.equal(verify.code, 1);
    assert.match(verify.stdout, /^no pinned root\npolicies\/trust\.yaml declares the root: version 1, threshold 2 of 2 root key\(s\):\n/);
    assert.equal(prints(verify.stdout).length, 2, verify.stdout);
    const json = await cliInProcess(['trust', 'verify', '--root', root, '--format', 'json'], { env });
    const declared = json.json<{ declared: { keys: Array<{ id: string; fingerprint: string }> } }>().declared;
    assert.deepEqual(declared.keys.map((k) => `${k.id} ${k.fingerprint}`), prints(verify.stdout));
    const pin = await cliInProcess(['trust', 'pin', '--root', root], { env });
    assert.equal(pin.code, 2);
    assert.deepEqual(prints(pin.stderr), prints(verify.stdout), 'the same fingerprints, before the refusal');
    assert.match(pin.stderr, /no terminal to ask: check the root's fingerprints above .* then run 'fleethub trust pin --yes'\n$/);
    assert.equal(existsSync(join(root, '.fleethub', 'trust-root.json')), false, 'nothing pinned');
  });

  it('a key directory with a file in the way, a pinned root that is a directory or no file: one line each naming the path, exit 2, never an internal error', async () => {
    const root = fleet();
    const scratch = tempDir();
    dirs.push(scratch);
    writeFileSync(join(scratch, 'a-file'), 'x');
    const keys = await cliInProcess(['keys', 'gen', 'k', '--out', join(scratch, 'a-file', 'keys'), '--root', root]);
    assert.equal(keys.code, 2);
    assert.equal(keys.stderr, `fleethub keys: cannot make the key directory ${join(scratch, 'a-file', 'keys')}: a file is in the way (a path in it is a file, not a directory); pass --out with a directory you can write to\n`);
    for (const [pin, why] of [[scratch, `${scratch} is a directory, not a file`], [join(scratch, 'nowhere.json'), 'no such file']] as const) {
      const r = await cliInProcess(['trust', 'verify', '--root', root], { env: { FLEETHUB_TRUST_ROOT: pin } });
      assert.equal(r.code, 2, r.stdout);
      assert.equal(r.stderr, `fleethub trust: the pinned trust root (FLEETHUB_TRUST_ROOT=${pin}) cannot be read: ${why}: give the pinned root's file (a trust-root.json) or its JSON; pin it again with 'fleethub trust pin'\n`);
      const j = await cliInProcess(['status', '--root', root, '--format', 'json'], { env: { FLEETHUB_TRUST_ROOT: pin } });
      assert.equal(j.json<{ error: { code: string } }>().error.code, 'trust-pin-malformed', 'every command that reads the pin');
    }
  });

  it('keys gen writes a 0600 private key outside the tracked directories, and refuses them', async () => {
    const root = fleet();
    const out = tempDir();
    dirs.push(out);
    const r = await cliInProcess(['keys', 'gen', 'release-2027', '--out', out, '--root', root, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const k = r.json<{ privateKey: string; publicKey: string; fingerprint: string }>();
    assert.equal(statSync(k.privateKey).mode & 0o777, 0o600);
    assert.match(k.fingerprint, /^[0-9a-f]{64}$/);
    assert.equal((await cliInProcess(['keys', 'gen', 'release-2027', '--out', out, '--root', root])).code, 2, 'never overwritten');
    for (const dir of ['registry', 'workplans', 'policies', 'status', '.']) {
      const refused = await cliInProcess(['keys', 'gen', 'k', '--out', join(root, dir, 'keys'), '--root', root]);
      assert.equal(refused.code, 2, dir);
      assert.match(refused.stderr, /refusing to write a private key/);
      assert.equal(existsSync(join(root, dir, 'keys')), false);
    }
    assert.equal((await cliInProcess(['keys', 'gen', 'k', '--out', join(root, '.fleethub', 'keys'), '--root', root])).code, 0, 'fleethub\'s own state directory is ignored by Git');
  });

  it('rotates the root: version 2 signed only by the new keys is refused, signed by both is trusted; pin never moves back', async () => {
    const root = fleet();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'v1');
    const env = { FLEETHUB_TRUST_ROOT: '' };
    assert.equal((await cliInProcess(['trust', 'pin', '--yes', '--root', root], { env })).code, 0);
    const keys = tempDir();
    dirs.push(keys);
    const pubs: string[] = [];
    for (const n of ['new-a', 'new-b']) pubs.push((await cliInProcess(['keys', 'gen', n, '--out', keys, '--format', 'json', '--root', root])).json<{ publicKey: string }>().publicKey);
    const file = join(root, 'policies/trust.yaml');
    const v1 = readFileSync(file, 'utf8');
    const v2 = v1
      .replace('version: 1', 'version: 2')
      .replace('keys: [root-2026a, root-2026b]', 'keys: [new-a, new-b]')
      .replace('keys:\n', `keys:\n  - id: new-a\n    public_key: "${pubs[0]}"\n    roles: [root]\n  - id: new-b\n    public_key: "${pubs[1]}"\n    roles: [root]\n`)
      .replace(/\nsignatures:\n(?: {2}- key: .*\n {4}sig: .*\n)+/, '\n');
    writeFileSync(file, v2);
    for (const k of ['new-a', 'new-b']) assert.equal((await cliInProcess(['trust', 'sign', '--key', join(keys, `${k}.pem`), '--root', root], { env })).code, 0);
    git('commit', '-qam', 'v2 by the new keys only');
    const refused = await cliInProcess(['trust', 'verify', '--root', root, '--format', 'json'], { env });
    assert.equal(refused.code, 1);
    assert.equal(refused.json<{ findings: Array<{ code: string }> }>().findings[0]!.code, 'trust-chain-broken');
    assert.equal((await cliInProcess(['intent', 'verify', HOME, '--root', root], { env })).code, 1, 'every intent waits for the root');
    for (const k of ['root-2026a', 'root-2026b']) assert.equal((await cliInProcess(['trust', 'sign', '--key', KEY(k), '--root', root], { env })).code, 0);
    git('commit', '-qam', 'v2 by both');
    const ok = await cliInProcess(['trust', 'verify', '--root', root, '--format', 'json'], { env });
    assert.equal(ok.code, 0, ok.stdout);
    assert.deepEqual(ok.json<{ chain: number[] }>().chain, [1, 2]);
    assert.equal((await cliInProcess(['trust', 'pin', '--yes', '--root', root], { env })).code, 0, 'the pin moves forward along the chain');
    writeFileSync(file, v1);
    git('commit', '-qam', 'back to v1');
    const back = await cliInProcess(['trust', 'verify', '--root', root, '--format', 'json'], { env });
    assert.equal(back.json<{ findings: Array<{ code: string }> }>().findings[0]!.code, 'trust-rollback', 'a stale copy cannot move the pin back');
    assert.equal((await cliInProcess(['trust', 'pin', '--yes', '--root', root], { env })).code, 2);
  });
});

/**
 * For the node agent's tests: the bundled fleet's files as an upstream's
 * content, an intent's digest, leases signed with the demo orchestrator key
 * (or forged), a rollout file holding them, and files pushed to a served
 * repository with C git.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseYaml } from '../../src/records/parseYaml.js';
import { splitFrontMatter } from '../../src/records/splitFrontMatter.js';
import { signLease } from '../../src/rollout/signLease.js';
import { generateKey, privateKeyFromPem } from '../../src/trust/ed25519.js';
import { signedPayload } from '../../src/trust/signedPayload.js';
import { checkout, runGit } from '../../scripts/git-server/fleetUpstream.js';
import { REPO } from './fleet.js';
export const KEYS = join(REPO, 'test', 'fixtures', 'keys');
export const INTENT = 'rap-node-agent-0.2.332-home-test';
export const INTENT_FILE = `registry/intents/${INTENT}.md`;
/** The bundled fleet's registry/, policies/ and status/ files (path → text). */
export function bundledFleetFiles() {
    const out = { '.gitignore': '.fleethub/\n' };
    const walk = (dir) => {
        for (const name of readdirSync(dir)) {
            const abs = join(dir, name);
            if (statSync(abs).isDirectory())
                walk(abs);
            else
                out[relative(REPO, abs)] = readFileSync(abs, 'utf8');
        }
    };
    for (const d of ['registry', 'policies', 'status'])
        walk(join(REPO, d));
    return out;
}
/** `sha256:<hex>` of the bytes an intent file's signatures cover. */
export function intentDigest(id, text) {
    const split = splitFrontMatter(text);
    if (!split.ok)
        throw new Error(split.message);
    const parsed = parseYaml(split.yaml);
    if (!parsed.ok)
        throw new Error(parsed.message);
    return `sha256:${createHash('sha256').update(signedPayload('intent', id, parsed.data)).digest('hex')}`;
}
export function orchestratorKey() {
    return privateKeyFromPem(readFileSync(join(KEYS, 'orchestrator-2026a.key'), 'utf8'));
}
/** A lease signed by the demo orchestrator key, as the reconciler issues it. */
export function orchestratorLease(f) {
    const intent = f.intent ?? INTENT;
    return signLease({ intent, intent_version: f.version ?? 1, intent_digest: intentDigest(intent, f.intentText), node: f.node, epoch: f.epoch, expires: f.expires.toISOString() }, { id: 'orchestrator-2026a', key: orchestratorKey() });
}
/** A lease a neighbour made: signed by a key of its own (claiming the orchestrator's id), or by the release manager's key (in trust.yaml, not an orchestrator). */
export function forgedLease(f, by) {
    const intent = f.intent ?? INTENT;
    const key = by === 'own-key' ? privateKeyFromPem(generateKey().privatePem) : privateKeyFromPem(readFileSync(join(KEYS, 'release-manager-2026a.pem'), 'utf8'));
    return signLease({ intent, intent_version: f.version ?? 1, intent_digest: intentDigest(intent, f.intentText), node: f.node, epoch: f.epoch, expires: f.expires.toISOString() }, { id: by === 'own-key' ? 'orchestrator-2026a' : 'release-manager-2026a', key });
}
/** status/rollouts/<intent>.yaml holding `leases` (JSON is YAML). */
export function rolloutFile(leases, extra = {}, intent = INTENT) {
    const epoch = leases.reduce((n, l) => Math.max(n, l.epoch), 0);
    return `${JSON.stringify({ intent, intent_version: leases[0]?.intent_version ?? 1, intent_digest: leases[0]?.intent_digest ?? '', epoch, control: 'active', leases, revoked: [], journal: {}, ...extra }, null, 2)}\n`;
}
/** Writes `files` into a clone of `url`, commits and pushes them. */
export async function pushFiles(url, files, message) {
    const dir = await checkout(url, { name: 'Other Engineer', email: 'other@fleet.invalid' });
    try {
        for (const [path, text] of Object.entries(files)) {
            const abs = join(dir, path);
            if (!existsSync(dirname(abs)))
                mkdirSync(dirname(abs), { recursive: true });
            writeFileSync(abs, text);
        }
        await runGit(['add', '-A'], { cwd: dir });
        await runGit(['commit', '-qm', message], { cwd: dir });
        await runGit(['push', '-q', 'origin', 'HEAD'], { cwd: dir });
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
/** The apply and health commands of a simulated node: the apply appends its version to `marker` (one line per application) and writes `installed`; health prints `installed` (or `initial`). */
export function nodeCommands(dir, initial, options = {}) {
    const marker = join(dir, 'applications');
    const installed = join(dir, 'installed');
    const sleep = options.applySleep ? `sleep ${options.applySleep}; ` : '';
    return {
        marker,
        installed,
        apply: `echo "$FLEETHUB_VERSION rollback=$FLEETHUB_ROLLBACK digest=$FLEETHUB_DIGEST" >> '${marker}'; ${sleep}echo "$FLEETHUB_VERSION" > '${installed}'`,
        health: `if [ -f '${installed}' ]; then cat '${installed}'; else echo '${initial}'; fi`,
    };
}
//# sourceMappingURL=agentFleet.js.map
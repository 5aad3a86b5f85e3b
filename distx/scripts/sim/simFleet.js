/**
 * A synthetic fleet for the end-to-end rollout test and the agent benchmark: `n` nodes spread over the
 * four areas the demo release manager may sign for, one site and NAT group
 * per `perSite` nodes, every node ACTIVE in status/modes.json; the bundled
 * trust.yaml; a rollout policy; and one rolling update intent over all of
 * them, signed with the demo release-manager key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { privateKeyFromPem, signBytes } from '../../src/trust/ed25519.js';
import { signedPayload } from '../../src/trust/signedPayload.js';
/** This checkout (the module runs from dist/scripts/sim/). */
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const KEYS = join(REPO, 'test', 'fixtures', 'keys');
export const SIM_INTENT = 'sim-agent-2.0.0';
export const SIM_ARTIFACT = { name: 'sim-agent', version: '2.0.0', digest: `sha256:${'ab'.repeat(32)}`, mirrors: ['https://update-store.fleet.invalid/sim-agent/2.0.0'] };
export const AREAS = ['home', 'test', 'usa', 'ifcm'];
export function simNodes(n, perSite) {
    return Array.from({ length: n }, (_, i) => {
        const site = Math.floor(i / perSite);
        return { id: `n${String(i).padStart(3, '0')}`, area: AREAS[site % AREAS.length], site: `site-${site}`, nat_group: `nat-${site}` };
    });
}
export function simFleetFiles(nodes, caps, now) {
    const files = { '.gitignore': '.fleethub/\n', 'policies/trust.yaml': readFileSync(join(REPO, 'policies', 'trust.yaml'), 'utf8') };
    for (const n of nodes)
        files[`registry/nodes/${n.id}.md`] = `---\ntitle: ${n.id}\nrole: edge\nenabled: true\narea: ${n.area}\nsite: ${n.site}\nnat_group: ${n.nat_group}\nlabels:\n  plane: sim\n---\nA simulated node.\n`;
    files['policies/rollout.yaml'] = `kind: rollout\ntitle: caps for the simulated fleet\n${Object.entries({ ...caps, lease_ttl: '30m', heartbeat_timeout: '10m' })
        .map(([k, v]) => (typeof v === 'object' ? `${k}:\n${Object.entries(v).map(([a, b]) => `  ${a}: ${b}`).join('\n')}` : `${k}: ${v}`))
        .join('\n')}\n`;
    const seen = new Date(now.getTime() - 60_000).toISOString();
    const modes = Object.fromEntries(nodes.map((n) => [n.id, { mode: 'ACTIVE', since: seen, last_verified: seen, observed_at: seen, failures: 0, passes: 0, reason: 'all probes passed' }]));
    files['status/modes.json'] = `${JSON.stringify({ generated_by: 'fleethub', nodes: modes }, null, 2)}\n`;
    files[`registry/intents/${SIM_INTENT}.md`] = signedIntent(SIM_INTENT, {
        title: 'sim-agent 2.0.0 to every simulated node',
        kind: 'update',
        version: 1,
        expires: '2027-06-30',
        target: { labels: { plane: 'sim' } },
        artifact: SIM_ARTIFACT,
        strategy: { type: 'rolling', batch_size: caps.max_parallel, max_parallel: caps.max_parallel, max_unavailable: caps.max_unavailable },
        control: 'run',
    });
    return files;
}
/** An intent file (JSON front matter, which is YAML) signed with the demo release-manager key. */
export function signedIntent(id, data) {
    const key = privateKeyFromPem(readFileSync(join(KEYS, 'release-manager-2026a.pem'), 'utf8'));
    const sig = signBytes(key, signedPayload('intent', id, data));
    return `---\n${JSON.stringify({ ...data, signatures: [{ key: 'release-manager-2026a', sig }] }, null, 2)}\n---\n\nA simulated rollout.\n`;
}
//# sourceMappingURL=simFleet.js.map
/**
 * The Forgejo Actions workflows, rendered from their one source,
 * templates/workflows/: for this repository (`npm run workflows` writes
 * .forgejo/workflows/, and a test checks it is current) and for a fleet
 * repository (`fleethub init`). The two differ only in the values below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
const TEMPLATES = fileURLToPath(new URL('../../../templates/workflows/', import.meta.url));
export const SHARDS = 3;
const VALUES = {
    repository: {
        header: '# Generated from templates/workflows/ by `npm run workflows` (fleethub init\n# scaffolds the same for a fleet repository): edit the template, not this file.',
        package: '.',
        trust_root: 'test/fixtures/keys/trust-root.json',
        setup: '- run: npm ci --no-audit --no-fund',
        // The bundled fleet holds error findings on purpose (the demo): here the check is for drift only.
        check_fail_on: 'none',
        allow_remote: '',
        // The lease-signing key (docs/rollout.md): the bundled fleet's demo key; a real fleet's comes from a secret (below).
        orchestrator_key_env: 'FLEETHUB_ORCHESTRATOR_KEY: test/fixtures/keys/orchestrator-2026a.key',
        orchestrator_key_step: '',
    },
    fleet: {
        header: "# Scaffolded by fleethub init. FLEETHUB_PACKAGE (a repository variable) names\n# where npm installs fleethub from: a git URL such as\n# git+https://forge.example/ops/fleethub.git, a tarball URL, or a registry name\n# (unset: the npm registry's `fleethub`). FLEETHUB_TRUST_ROOT (a variable too)\n# is the pinned trust root intents are verified against (docs/trust.md).",
        package: "${{ vars.FLEETHUB_PACKAGE || 'fleethub' }}",
        trust_root: '${{ vars.FLEETHUB_TRUST_ROOT }}',
        setup: '',
        check_fail_on: 'error',
        // A real fleet's nodes have real addresses.
        allow_remote: ' --allow-remote',
        // The lease-signing key lives in a secret, written to a file only this job reads; without it leases are planned, not issued.
        orchestrator_key_env: '',
        orchestrator_key_step: [
            '- name: The lease-signing key (secret FLEETHUB_ORCHESTRATOR_KEY, docs/rollout.md)',
            '  run: |',
            '    if [ -n "$KEY" ]; then',
            '      umask 077 && printf \'%s\\n\' "$KEY" > "$RUNNER_TEMP/orchestrator.key"',
            '      echo "FLEETHUB_ORCHESTRATOR_KEY=$RUNNER_TEMP/orchestrator.key" >> "$GITHUB_ENV"',
            '    else',
            '      echo "no FLEETHUB_ORCHESTRATOR_KEY secret: leases are planned, not issued"',
            '    fi',
            '  env:',
            '    KEY: ${{ secrets.FLEETHUB_ORCHESTRATOR_KEY }}',
        ].join('\n'),
    },
};
export function renderWorkflows(flavour) {
    const values = { ...VALUES[flavour], shards: String(SHARDS), shard_list: Array.from({ length: SHARDS }, (_, i) => i + 1).join(', ') };
    return readdirSync(TEMPLATES)
        .filter((f) => f.endsWith('.yml'))
        .sort()
        .map((f) => {
        const lines = readFileSync(join(TEMPLATES, f), 'utf8').split('\n').flatMap((line) => {
            // A placeholder alone on its line is a block, indented as the placeholder is; an empty one removes the line.
            const block = /^(\s*)\{\{(\w+)\}\}$/.exec(line);
            if (block) {
                const text = value(values, block[2], f);
                return text === '' ? [] : text.split('\n').map((l) => block[1] + l);
            }
            return [line.replace(/\{\{(\w+)\}\}/g, (_, name) => value(values, name, f))];
        });
        return { path: `.forgejo/workflows/${f}`, text: lines.join('\n') };
    });
}
function value(values, name, file) {
    const v = values[name];
    if (v === undefined)
        throw new Error(`templates/workflows/${file}: no value for {{${name}}}`);
    return v;
}
//# sourceMappingURL=renderWorkflows.js.map
/**
 * For the relay's tests and stress: a fleet repository served by the loopback
 * Git server (git http-backend), and engineers' checkouts of it made with C
 * git, each with its own writer identity.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isolatedGitEnv } from './isolatedGitEnv.js';
import { runGit } from './runGit.js';
import { promisify } from 'node:util';
const execFileAsync = promisify(execFile);
export const PLAN = `---
title: Plan
status: active
---
# Plan

- [ ] T01 First [owner:: ops]
- [ ] T02 Second [depends:: T01]
- [ ] T03 Third [depends:: T02]
`;
export const NODE = '---\ntitle: Node a\nrole: primary\n---\nThe only node.\n';
/** The files of a small fleet: one node, one workplan. */
export function smallFleet(extra = {}) {
    return { 'registry/nodes/a.md': NODE, 'workplans/WP.md': PLAN, '.gitignore': '.fleethub/\n', ...extra };
}
export async function upstreamRepo(server, name, files = smallFleet()) {
    await server.createRepo(name, { files });
    return server.url(name);
}
/** A C git clone of `url`, with `writer` as user.name / user.email in its config. */
export async function checkout(url, writer, dir = mkdtempSync(join(tmpdir(), 'fleethub-checkout-'))) {
    await runGit(['clone', '-q', url, dir]);
    await runGit(['config', 'user.name', writer.name], { cwd: dir });
    await runGit(['config', 'user.email', writer.email], { cwd: dir });
    return dir;
}
/** A file's text at upstream's branch head, byte for byte, read with C git from the bare repository. */
export async function upstreamFile(server, name, path, branch = 'main') {
    try {
        const { stdout } = await execFileAsync('git', ['--git-dir', join(server.root, `${name}.git`), 'show', `${branch}:${path}`], { env: isolatedGitEnv(), maxBuffer: 1 << 28 });
        return stdout;
    }
    catch {
        return null;
    }
}
/** The whole message of upstream's head commit. */
export async function upstreamMessage(server, name, branch = 'main') {
    return runGit(['--git-dir', join(server.root, `${name}.git`), 'log', '-1', '--format=%B', branch]);
}
export async function upstreamLog(server, name, format = '%s', branch = 'main') {
    const out = await runGit(['--git-dir', join(server.root, `${name}.git`), 'log', `--format=${format}`, branch]);
    return out === '' ? [] : out.split('\n');
}
/** Another engineer's change pushed straight to upstream: edit files in a fresh clone, commit, push. */
export async function pushChange(url, edit, message) {
    const dir = await checkout(url, { name: 'Other Engineer', email: 'other@fleet.invalid' });
    try {
        edit(dir);
        await runGit(['commit', '-qam', message], { cwd: dir });
        await runGit(['push', '-q', 'origin', 'HEAD'], { cwd: dir });
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
export { runGit };
//# sourceMappingURL=fleetUpstream.js.map
/**
 * The relay benchmark: 10,000 buffered task events relayed to a loopback
 * `git http-backend` by a real `fleethub relay` process — total time and
 * number of commits — and the push step's time against C git pushing the
 * same commits from the same clone to an identical upstream, in the same run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordEvents } from '../src/outbox/recordEvents.js';
import { relayCloneDir } from '../src/relay/relayClone.js';
import { checkout } from './git-server/fleetUpstream.js';
import { startGitServer } from './git-server/gitHttpServer.js';
import { runGit } from './git-server/runGit.js';
import { generateFleet } from './gen-fleet.js';
const BIN = fileURLToPath(new URL('../../bin/fleethub.js', import.meta.url));
export async function benchRelay(options) {
    const dir = mkdtempSync(join(tmpdir(), 'fleethub-bench-relay-'));
    const server = await startGitServer();
    try {
        const fleet = join(dir, 'fleet');
        generateFleet(fleet, { nodes: 50, workloads: 50, workplans: options.workplans });
        const files = { '.gitignore': '.fleethub/\n' };
        for (const path of walk(fleet))
            files[relative(fleet, path)] = readFileSync(path, 'utf8');
        await server.createRepo('bench', { files });
        await server.createRepo('bench-cgit', { files });
        const root = await checkout(server.url('bench'), { name: 'Bench Writer', email: 'bench@fleet.invalid' }, join(dir, 'checkout'));
        const bodies = Array.from({ length: options.events }, (_, i) => {
            const wp = `WP-${String(i % options.workplans).padStart(4, '0')}`;
            const task = `T${String((Math.floor(i / options.workplans) % 20) + 1).padStart(2, '0')}`;
            return { type: 'task.set', payload: { workplan: wp, task, action: i % 3 === 0 ? 'done' : 'start', note: `bench event ${i}`, date: '2026-12-01', file: `workplans/${wp}.md` } };
        });
        await recordEvents(root, bodies, { env: {}, now: () => new Date() });
        const started = performance.now();
        const out = await run(process.execPath, [BIN, 'relay', '--format', 'json', '--root', root, ...(options.batchSize ? ['--batch-size', String(options.batchSize)] : [])]);
        const totalMs = performance.now() - started;
        const report = JSON.parse(out);
        if (report.applied !== options.events)
            throw new Error(`relayed ${report.applied} of ${options.events} events`);
        const gitdir = relayCloneDir(root, server.url('bench'));
        const t = performance.now();
        await runGit(['--git-dir', gitdir, 'push', '-q', server.url('bench-cgit'), `${report.commits.at(-1)}:refs/heads/main`]);
        const cGitPushMs = performance.now() - t;
        return { events: report.applied, commits: report.commits.length, totalMs, pushMs: report.ms.push, cGitPushMs, fetchMs: report.ms.fetch, planMs: report.ms.plan, commitMs: report.ms.commit };
    }
    finally {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
    }
}
function walk(dir) {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
function run(cmd, args) {
    return new Promise((resolve, reject) => {
        const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`${args.slice(1, 3).join(' ')} exited ${code}: ${Buffer.concat(err).toString('utf8')}${Buffer.concat(out).toString('utf8')}`))));
    });
}
//# sourceMappingURL=bench-relay.js.map
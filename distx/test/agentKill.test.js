/**
 * The agent's journal survives kill -9 (issue 12): a real `fleethub agent`
 * process is killed with SIGKILL mid-apply (the apply command sleeps; a
 * marker file gets one line per application), then restarted: it waits for
 * the apply it left running, reads health, and ends healthy with exactly one
 * application. The same mid-rollback: the restarted agent does not forget the
 * rollback it owed, and does not run it twice.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { bundledFleetFiles, INTENT, INTENT_FILE, orchestratorLease, rolloutFile } from './helpers/agentFleet.js';
import { BIN, cliAsync, DEMO_TRUST_ROOT, tempDir } from './helpers/fleet.js';
import { gitServerSuite } from './helpers/gitServerSuite.js';
const suite = gitServerSuite();
const NODE = 'test-2';
const BEFORE = '0.2.325-updatehintwake';
const TARGET = '0.2.332-relaycertintentfix';
/** A served fleet whose rollout file already holds the orchestrator's lease for NODE. */
async function leasedFleet(name) {
    const files = bundledFleetFiles();
    const lease = orchestratorLease({ intentText: files[INTENT_FILE], node: NODE, epoch: 1, expires: new Date(Date.now() + 30 * 60_000) });
    await suite.server.createRepo(name, { files: { ...files, [`status/rollouts/${INTENT}.yaml`]: rolloutFile([lease]) } });
    return suite.server.url(name);
}
function lines(path) {
    return existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').filter(Boolean) : [];
}
async function until(what, cond, ms = 20_000) {
    const end = Date.now() + ms;
    while (!cond()) {
        if (Date.now() > end)
            throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 25));
    }
}
/** Starts `fleethub agent --once` and kills it with SIGKILL once `when` holds; resolves when it is gone. */
async function killAgentWhen(args, cwd, when) {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    const gone = new Promise((r) => child.once('exit', (_code, signal) => r(signal)));
    await until('the apply to start', when);
    child.kill('SIGKILL');
    assert.equal(await gone, 'SIGKILL', 'the agent was killed, not finished');
}
function timeline(stateDir) {
    const db = new Database(join(stateDir, 'journal.sqlite'), { readonly: true });
    try {
        return db.prepare('SELECT state, reason FROM timeline ORDER BY seq').all();
    }
    finally {
        db.close();
    }
}
test('kill -9 mid-apply: the restarted agent waits for the apply it left, applies nothing more, and reports healthy', async () => {
    const url = await leasedFleet('kill-apply');
    const dir = suite.keep(tempDir('fleethub-agent-kill-'));
    const marker = join(dir, 'applications');
    const installed = join(dir, 'installed');
    const apply = `echo "$FLEETHUB_VERSION" >> '${marker}'; sleep 2; echo "$FLEETHUB_VERSION" > '${installed}'`;
    const health = `if [ -f '${installed}' ]; then cat '${installed}'; else echo ${BEFORE}; fi`;
    const args = ['agent', '--node', NODE, '--remote', url, '--apply', apply, '--health', health, '--once', '--state-dir', join(dir, 'state'), '--trust-root', DEMO_TRUST_ROOT, '--format', 'json'];
    await killAgentWhen(args, dir, () => lines(marker).length === 1);
    assert.equal(existsSync(installed), false, 'killed while the apply was still running');
    const r = await cliAsync(args, { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const out = r.json();
    assert.equal(out.reports[INTENT]?.state, 'healthy', JSON.stringify(out));
    assert.deepEqual(lines(marker), [TARGET], 'exactly one application');
    assert.equal(readFileSync(installed, 'utf8').trim(), TARGET);
    assert.ok(out.actions.some((a) => /resuming .* \(applying\)/.test(a)), out.actions.join('\n'));
    const states = timeline(join(dir, 'state')).map((t) => t.state);
    assert.deepEqual(states, ['blocked', 'leased', 'staged', 'applying', 'recovered', 'healthy'].filter((s) => s !== 'blocked' || states[0] === 'blocked'));
});
test('kill -9 mid-rollback: the restarted agent finishes the rollback it owed, once, and reports rolled_back', async () => {
    const url = await leasedFleet('kill-rollback');
    const dir = suite.keep(tempDir('fleethub-agent-kill-'));
    const marker = join(dir, 'applications');
    const installed = join(dir, 'installed');
    // The new version installs but is unhealthy; the rollback (FLEETHUB_ROLLBACK=1) takes 2 s.
    const apply = `echo "$FLEETHUB_VERSION rollback=$FLEETHUB_ROLLBACK" >> '${marker}'; if [ "$FLEETHUB_ROLLBACK" = 1 ]; then sleep 2; fi; echo "$FLEETHUB_VERSION" > '${installed}'`;
    const health = `v=$(cat '${installed}' 2>/dev/null || echo ${BEFORE}); echo "$v"; [ "$v" != ${TARGET} ]`;
    const args = ['agent', '--node', NODE, '--remote', url, '--apply', apply, '--health', health, '--once', '--state-dir', join(dir, 'state'), '--trust-root', DEMO_TRUST_ROOT, '--format', 'json'];
    await killAgentWhen(args, dir, () => lines(marker).length === 2);
    assert.equal(readFileSync(installed, 'utf8').trim(), TARGET, 'killed while the rollback was still running');
    const r = await cliAsync(args, { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const out = r.json();
    assert.equal(out.reports[INTENT]?.state, 'rolled_back', JSON.stringify(out));
    assert.match(out.reports[INTENT].reason, /^health-failed: /);
    assert.deepEqual(lines(marker), [`${TARGET} rollback=0`, `${BEFORE} rollback=1`], `one apply, one rollback: ${r.stdout}`);
    assert.equal(readFileSync(installed, 'utf8').trim(), BEFORE);
    // And the next cycle leaves it there: the lease is still valid, but this version ended here.
    const again = await cliAsync(args, { cwd: dir });
    assert.equal(again.json().reports[INTENT]?.state, 'rolled_back');
    assert.equal(lines(marker).length, 2);
});
//# sourceMappingURL=agentKill.test.js.map
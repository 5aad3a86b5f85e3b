/**
 * The kill -9 stress of the outbox and the relay (issue 5): on a fresh
 * upstream repository and checkout per trial (one loopback Git server for
 * all), a few rounds of
 *
 * - append: a child process (appendDriver.js) appends task events one by one
 *   with recordEvents, printing each id once it is acknowledged; most runs are
 *   killed with SIGKILL just after a random acknowledgement;
 * - relay: `fleethub relay --batch-size <small>` with events pending, killed
 *   with SIGKILL a random time into a chosen phase (startup, fetch, commit,
 *   push, settle — seen from the server's request log), or let finish; some
 *   rounds append while the relay runs;
 *
 * then the relay runs to completion, and verifyTrial checks that each event
 * landed exactly once. Every decision comes from a seeded PRNG: trial i uses
 * seed + i, and `runRelayStress({ trials: 1, seed: seed + i })` replays it
 * (the timing of the kills is the machine's, so a replay is close, not
 * identical). Problems are counted and listed, never thrown; the directories of
 * a failed trial are kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startGitServer } from '../git-server/gitHttpServer.js';
import { openOutbox } from '../../src/outbox/openOutbox.js';
import { journalIds, journalPath } from '../../src/relay/journal.js';
import { checkout, runGit, smallFleet, upstreamFile, upstreamRepo } from '../git-server/fleetUpstream.js';
import { mulberry32 } from '../mulberry32.js';
import { spawnKillable } from './spawnKillable.js';
import { verifyTrial } from './verifyTrial.js';
import { RELAY_PHASES, watchRelayPhases } from './watchRelayPhases.js';
const BIN = fileURLToPath(new URL('../../../bin/fleethub.js', import.meta.url));
const WRITER = { name: 'Stress Writer', email: 'stress@fleet.invalid' };
const WORKPLAN = 'STRESS';
const TASKS = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06'];
const WORKPLAN_TEXT = `---\ntitle: Stress\nstatus: active\n---\n# Stress\n\n${TASKS.map((t) => `- [ ] ${t} Task ${t}\n`).join('')}`;
const DRIVER = fileURLToPath(new URL('./appendDriver.js', import.meta.url));
const EXAMPLES = 20;
const FINAL_ATTEMPTS = 5;
const IDLE_TIMEOUT_MS = 15_000;
const ENV = { ...process.env, NO_COLOR: '1', FLEETHUB_DEBUG: '', FLEETHUB_WRITER_NAME: '', FLEETHUB_WRITER_EMAIL: '', FLEETHUB_TOKEN: '' };
export async function runRelayStress(options) {
    const started = Date.now();
    const seed = (options.seed ?? Math.floor(Math.random() * 2 ** 31)) >>> 0;
    const log = options.log ?? (() => { });
    const kills = Object.fromEntries([['append', 0], ...RELAY_PHASES.map((p) => [`relay:${p}`, 0])]);
    const report = { trials: options.trials, seed, kills, missed: 0, appended: 0, acknowledged: 0, landed: 0, landedUnsettled: 0, duplicates: 0, lost: 0, phantoms: 0, unsettled: 0, relayErrors: 0, examples: [], failedTrials: [], ms: 0 };
    const timing = { ack: 3, phase: { startup: 400, fetch: 60, commit: 60, push: 60, settle: 20 } };
    const serverRoot = mkdtempSync(join(tmpdir(), 'fleethub-stress-upstream-'));
    const server = await startGitServer({ root: serverRoot });
    log(`relay stress: ${options.trials} trial(s), seed ${seed} (replay trial i alone with --trials 1 --seed ${seed}+i)`);
    try {
        for (let t = 0; t < options.trials; t++) {
            const trialSeed = (seed + t) >>> 0;
            const line = await runTrial(server, t, trialSeed, timing, report);
            log(`trial ${t + 1}/${options.trials} seed ${trialSeed}: ${line}`);
        }
    }
    finally {
        await server.close();
        if (report.failedTrials.length === 0)
            rmSync(serverRoot, { recursive: true, force: true });
    }
    report.ms = Date.now() - started;
    return report;
}
async function runTrial(server, t, seed, timing, report) {
    const rng = mulberry32(seed);
    const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
    const repo = `stress-${t}`;
    const url = await upstreamRepo(server, repo, smallFleet({ [`workplans/${WORKPLAN}.md`]: WORKPLAN_TEXT }));
    const root = await checkout(url, WRITER, mkdtempSync(join(tmpdir(), 'fleethub-stress-checkout-')));
    const problems = [];
    const acknowledged = new Set();
    const before = { ...report.kills };
    let next = 0;
    const relayRun = async (kill) => {
        const watch = watchRelayPhases(server, repo);
        const child = spawnKillable(process.execPath, [BIN, 'relay', '--batch-size', String(int(1, 6)), '--root', root], { env: ENV });
        let killedIn = null;
        if (kill) {
            const reached = await Promise.race([watch.until(kill.phase), child.exited.then(() => false)]);
            if (reached) {
                await sleep(kill.fraction * 1.2 * timing.phase[kill.phase]);
                const phase = watch.phase();
                if (child.kill())
                    killedIn = phase;
            }
        }
        const exit = await child.exited;
        watch.stop();
        if (exit.interrupted && killedIn) {
            report.kills[`relay:${killedIn}`] += 1;
            report.landedUnsettled += await landedWhilePending(server, repo, root);
        }
        else {
            if (kill)
                report.missed += 1;
            if (exit.code === 0)
                learn(timing, watch.reached, exit.ms);
            else {
                report.relayErrors += 1;
                problems.push(`relay exited ${exit.signal ?? exit.code} without being killed: ${(exit.stdout + exit.stderr).trim().split('\n').slice(0, 6).join(' | ')}`);
            }
        }
        return exit;
    };
    const appendRun = async (count, killAfter) => {
        const child = spawnKillable(process.execPath, [DRIVER, root, WORKPLAN, TASKS.join(','), `stress ${t}`, String(next), String(count)], { env: ENV });
        next += count;
        let killed = false;
        if (killAfter !== null && (await child.line(1))) {
            const ready = Date.now();
            if (await child.line(1 + killAfter)) {
                if (killAfter > 0)
                    timing.ack = 0.8 * timing.ack + 0.2 * ((Date.now() - ready) / killAfter);
                await sleep(rng() * 2 * timing.ack);
                killed = child.kill();
            }
        }
        const exit = await child.exited;
        for (const id of exit.stdout.split('\n').filter((l) => /^[0-9A-Z]{26}$/.test(l)))
            acknowledged.add(id);
        if (killed && exit.interrupted)
            report.kills.append += 1;
        else {
            if (killAfter !== null)
                report.missed += 1;
            if (exit.code !== 0)
                problems.push(`append driver exited ${exit.signal ?? exit.code} without being killed: ${exit.stderr.trim().split('\n').slice(0, 6).join(' | ')}`);
        }
    };
    const plannedKill = () => (rng() < 0.15 ? null : { phase: RELAY_PHASES[int(0, RELAY_PHASES.length - 1)], fraction: rng() });
    const rounds = int(1, 3);
    for (let r = 0; r < rounds; r++) {
        const count = int(3, 14);
        const appending = appendRun(count, rng() < 0.8 ? int(0, count - 1) : null);
        const concurrent = rng() < 0.25;
        if (!concurrent)
            await appending;
        const relays = int(1, 2);
        for (let i = 0; i < relays; i++)
            await relayRun(plannedKill());
        await appending;
    }
    let complete = false;
    for (let i = 0; i < FINAL_ATTEMPTS && !complete; i++)
        complete = (await relayRun(null)).code === 0 && pendingCount(root) === 0;
    if (!complete)
        problems.push(`no complete relay in ${FINAL_ATTEMPTS} attempts`);
    if (!(await serverIdle(server, repo)))
        problems.push(`the server still had requests running ${IDLE_TIMEOUT_MS} ms after the last relay`);
    const upstream = join(server.root, `${repo}.git`);
    await runGit(['--git-dir', upstream, 'fsck', '--no-progress']).catch((e) => problems.push(`upstream fails git fsck: ${e.message}`));
    const verdict = await verifyTrial(server, repo, root, acknowledged, { workplanFile: `workplans/${WORKPLAN}.md`, journalFile: journalPath(WRITER) });
    report.appended += verdict.appended;
    report.acknowledged += verdict.acknowledged;
    report.landed += verdict.landed;
    report.duplicates += verdict.duplicates.length;
    report.lost += verdict.lost.length;
    report.phantoms += verdict.phantoms.length;
    const unsettled = verdict.counts.pending + verdict.counts.dead + (complete ? 0 : 1);
    report.unsettled += unsettled;
    problems.push(...verdict.duplicates.map((d) => `duplicate ${d}`), ...verdict.lost.map((l) => `lost ${l}`), ...verdict.phantoms.map((p) => `phantom ${p}`));
    if (verdict.counts.pending + verdict.counts.dead > 0)
        problems.push(`outbox at the end: ${verdict.counts.pending} pending, ${verdict.counts.dead} dead`);
    for (const p of problems)
        if (report.examples.length < EXAMPLES)
            report.examples.push(`trial ${t} (seed ${seed}): ${p}`);
    if (problems.length > 0)
        report.failedTrials.push({ trial: t, seed, checkout: root, upstream });
    else {
        rmSync(root, { recursive: true, force: true });
        rmSync(upstream, { recursive: true, force: true });
    }
    const killed = Object.keys(report.kills).filter((k) => report.kills[k] > before[k]).map((k) => `${k}×${report.kills[k] - before[k]}`);
    return `${verdict.appended} event(s) (${verdict.acknowledged} acknowledged), ${verdict.landed} landed; killed ${killed.join(' ') || 'nothing'}; ${problems.length === 0 ? 'ok' : `${problems.length} problem(s), kept ${root} and ${upstream}`}`;
}
/** Folds a finished relay's phase durations into the running estimates. */
function learn(timing, reached, exitMs) {
    if (reached.settle === undefined)
        return; // nothing was pushed: not a full pass
    RELAY_PHASES.forEach((p, i) => {
        const end = i + 1 < RELAY_PHASES.length ? reached[RELAY_PHASES[i + 1]] : exitMs;
        timing.phase[p] = 0.7 * timing.phase[p] + 0.3 * Math.max(1, end - reached[p]);
    });
}
function pendingCount(root) {
    const outbox = openOutbox(root, { create: false });
    if (!outbox)
        return 0;
    try {
        return outbox.counts().pending;
    }
    finally {
        outbox.close();
    }
}
/** How many events upstream's journal holds that the outbox still has pending. */
async function landedWhilePending(server, repo, root) {
    const landed = journalIds(await upstreamFile(server, repo, journalPath(WRITER)));
    const outbox = openOutbox(root, { create: false });
    if (!outbox)
        return 0;
    try {
        return outbox.list('pending').filter((e) => landed.has(e.id)).length;
    }
    finally {
        outbox.close();
    }
}
/** Waits until every request the server received for `repo` has been answered (a killed client's git http-backend may still run). */
async function serverIdle(server, repo) {
    const prefix = `/${repo}.git/`;
    const deadline = Date.now() + IDLE_TIMEOUT_MS;
    while (server.requests.some((r) => r.path.startsWith(prefix) && r.status === 0)) {
        if (Date.now() > deadline)
            return false;
        await sleep(10);
    }
    return true;
}
//# sourceMappingURL=runRelayStress.js.map
import { FleethubError, UpstreamAuthError, UpstreamRejectedError, UpstreamUnreachableError } from '../errors.js';
import { openOutbox } from '../outbox/openOutbox.js';
import { readRepoText } from '../repo/readRepoText.js';
import { applyToWorkingTree, hasRedoLog, recoverWorkingTree } from './applyToWorkingTree.js';
import { backoffDelay } from './backoffDelay.js';
import { planRelay } from './planRelay.js';
import { pushCommits } from './pushCommits.js';
import { readFilesAt } from './readFilesAt.js';
import { openTransport } from './openTransport.js';
import { fetchUpstream, relayCloneDir, removeCredentialedClones, removeRelayClone } from './relayClone.js';
import { isDamagedClone } from './isDamagedClone.js';
import { acquireRelayLock } from './relayLock.js';
import { relayReads } from './relayReads.js';
import { resolveUpstream } from './resolveUpstream.js';
import { writeBatchCommits } from './writeBatchCommits.js';
/**
 * Most events per commit by default. Fewer, larger commits cost less: each
 * commit writes (and the push sends) a new version of every file it touches.
 * 5,000 lands 10,000 events spread over 500 workplans in 2 commits.
 */
export const DEFAULT_BATCH_SIZE = 5000;
export async function relay(root, options, io) {
    const started = Date.now();
    const lock = acquireRelayLock(root);
    const outbox = openOutbox(root);
    const report = { target: 'upstream', url: null, branch: null, pending: 0, applied: 0, landed: 0, dead: [], commits: [], written: [], warnings: [], pushes: 0, ms: { fetch: 0, plan: 0, commit: 0, push: 0, total: 0 } };
    try {
        // Nothing to do touches no configuration and no network.
        if (outbox.counts().pending === 0 && !hasRedoLog(root)) {
            report.ms.total = Date.now() - started;
            return report;
        }
        const upstream = await resolveUpstream(root, options);
        if (upstream.kind === 'working-tree') {
            report.target = 'working-tree';
            report.written.push(...recoverWorkingTree(root, outbox, io.now().toISOString(), (why) => report.warnings.push(why)));
        }
        const events = outbox.list('pending');
        report.pending = events.length;
        if (events.length > 0) {
            const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
            if (upstream.kind === 'working-tree')
                relayToWorkingTree(root, outbox, events, batchSize, io, report);
            else
                await withDisposableClone(root, upstream.remote.url, () => relayUpstream(root, outbox, events, { ...options, batchSize, remote: upstream.remote, branch: upstream.branch ?? undefined }, io, report));
        }
        outbox.setRelayState({ ...outbox.relayState(), failures: 0, nextAttemptAt: null, lastError: null, lastSuccessAt: io.now().toISOString() });
        report.ms.total = Date.now() - started;
        return report;
    }
    catch (e) {
        if (e instanceof UpstreamUnreachableError || e instanceof UpstreamAuthError || e instanceof UpstreamRejectedError) {
            const state = outbox.relayState();
            const failures = state.failures + 1;
            const next = e instanceof UpstreamUnreachableError ? new Date(io.now().getTime() + backoffDelay(failures, io.random())).toISOString() : null;
            outbox.setRelayState({ ...state, failures, nextAttemptAt: next, lastError: e.message });
        }
        throw e;
    }
    finally {
        outbox.close();
        lock.release();
    }
}
/**
 * The relay's clone is disposable, like the cache: a pass that fails because
 * the clone is damaged (isDamagedClone: an object left half-written by a relay
 * killed mid-write, a pack cut short) removes the clone and runs once more on
 * a fresh one. Nothing in the clone is ever the only copy. Any other failure —
 * upstream's answers, a bug — is thrown as it is, at once. When the second
 * pass fails too, its error carries the first one's message: none is dropped.
 */
async function withDisposableClone(root, url, pass) {
    const gitdir = relayCloneDir(root, url);
    let first;
    try {
        return await pass();
    }
    catch (e) {
        if (!isDamagedClone(e, gitdir))
            throw e;
        first = e;
    }
    removeRelayClone(gitdir);
    try {
        await pass();
    }
    catch (e) {
        // One line: isomorphic-git's InternalError wraps its cause in a paragraph of advice.
        const earlier = (first instanceof Error ? first.message : String(first)).replace(/^[\s\S]*this error message: /, '').replace(/\s+/g, ' ').trim().slice(0, 300);
        if (e instanceof Error) {
            e.message += ` (after the relay's clone was replaced because it was damaged: ${earlier})`;
            if (e instanceof FleethubError)
                e.data.damagedClone = earlier;
            throw e;
        }
        throw new AggregateError([first, e], `relay failed twice: ${earlier}; then ${String(e)}`);
    }
}
function relayToWorkingTree(root, outbox, events, batchSize, io, report) {
    const t = Date.now();
    const plan = planRelay(events, readRepoText(root), { batchSize, journal: false });
    report.ms.plan = Date.now() - t;
    report.written.push(...applyToWorkingTree(root, outbox, plan, io.now().toISOString()));
    tally(report, plan);
}
async function relayUpstream(root, outbox, events, options, io, report) {
    const cache = {};
    const transport = await openTransport(options.remote, options, io.http, cache);
    report.url = options.remote.shown;
    removeCredentialedClones(root);
    const gitdir = relayCloneDir(root, options.remote.url);
    const reads = relayReads(events);
    let t = Date.now();
    let head = await fetchUpstream(gitdir, transport, options.branch ?? null);
    report.ms.fetch += Date.now() - t;
    report.branch = head.branch;
    for (;;) {
        t = Date.now();
        const files = await readFilesAt(gitdir, head.head, reads, cache);
        const plan = planRelay(events, (p) => files.get(p) ?? null, { batchSize: options.batchSize, journal: true });
        report.ms.plan += Date.now() - t;
        if (plan.batches.length === 0) {
            outbox.settle({ applied: plan.landed.map((id) => ({ id, commit: null })), dead: plan.dead, at: io.now().toISOString() });
            tally(report, plan);
            return;
        }
        t = Date.now();
        const commits = await writeBatchCommits(gitdir, head.head, plan.batches, io.now(), cache);
        report.ms.commit += Date.now() - t;
        t = Date.now();
        report.pushes += 1;
        const pushed = await pushCommits(head, transport, commits.at(-1));
        report.ms.push += Date.now() - t;
        if (pushed === 'pushed') {
            const applied = plan.batches.flatMap((b, i) => b.events.map((e) => ({ id: e.id, commit: commits[i] })));
            outbox.settle({ applied: [...applied, ...plan.landed.map((id) => ({ id, commit: null }))], dead: plan.dead, at: io.now().toISOString() });
            report.commits = commits;
            tally(report, plan);
            return;
        }
        if (report.pushes >= (options.maxPushes ?? 50))
            throw new UpstreamRejectedError(report.url, `upstream moved before each of ${report.pushes} pushes; try again`);
        t = Date.now();
        head = await fetchUpstream(gitdir, transport, head.branch);
        report.ms.fetch += Date.now() - t;
    }
}
function tally(report, plan) {
    report.applied = plan.batches.reduce((n, b) => n + b.events.length, 0);
    report.landed = plan.landed.length;
    report.dead = plan.dead;
}
//# sourceMappingURL=relay.js.map
/**
 * One relay pass: the pending events of a fleet's outbox, landed upstream as
 * commits (or, without an upstream, written to the working tree).
 *
 * 1. lock the outbox's relay (one at a time; released by the OS on a crash);
 * 2. fetch upstream's branch into the relay's own bare clone;
 * 3. plan (pure): skip events already in their writer's journal at upstream's
 *    head, set aside dead letters, batch the rest into commits;
 * 4. write the commits on upstream's head and push; when the push loses to a
 *    concurrent writer, fetch again and go back to 3 on the new head — the
 *    events are re-applied semantically, so there is no rebase and no
 *    conflict;
 * 5. settle the outbox: applied events with their commit, dead letters.
 *
 * A crash anywhere loses nothing (the outbox is untouched until 5) and
 * duplicates nothing (an event pushed but not settled is found in the journal
 * at the next pass). Transient failures record a backoff in the outbox; a
 * refused credential stops with UpstreamAuthError. Never touches the user's
 * working tree or index when there is an upstream.
 */
import type { HttpClient } from 'isomorphic-git';
import { FleethubError, UpstreamAuthError, UpstreamRejectedError, UpstreamUnreachableError } from '../errors.js';
import { openOutbox, type DeadLetter, type Outbox } from '../outbox/openOutbox.js';
import type { OutboxEvent } from '../reconcile/outboxEvent.js';
import { readRepoText } from '../repo/readRepoText.js';
import { applyToWorkingTree, hasRedoLog, recoverWorkingTree } from './applyToWorkingTree.js';
import { backoffDelay } from './backoffDelay.js';
import { planRelay, type RelayPlan } from './planRelay.js';
import { pushCommits } from './pushCommits.js';
import { readFilesAt } from './readFilesAt.js';
import { openTransport } from './openTransport.js';
import type { RemoteAddress } from './parseRemote.js';
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

export interface RelayOptions {
  /** --upstream: overrides git config fleethub.upstream and the origin remote. */
  upstream?: string;
  branch?: string;
  /** Most events per commit (default DEFAULT_BATCH_SIZE). */
  batchSize?: number;
  /** A token for upstream (FLEETHUB_TOKEN), sent as HTTP basic auth; never printed. */
  token?: string;
  tokenUser?: string;
  /** Pushes lost to concurrent writers before giving up for this pass (default 50). */
  maxPushes?: number;
  /** Per HTTP request or git process (default 120 s). */
  requestTimeoutMs?: number;
  /** The environment the system's git runs with (ssh, git:// and local upstreams). */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface RelayIo {
  now(): Date;
  random(): number;
  /** The HTTP client (isomorphic-git's node client by default). */
  http?: HttpClient;
}

export interface RelayReport {
  target: 'upstream' | 'working-tree';
  /** Upstream's URL without credentials, and the branch (upstream only). */
  url: string | null;
  branch: string | null;
  /** Pending before the pass. */
  pending: number;
  /** Landed in this pass. */
  applied: number;
  /** Found already landed (in the journal at upstream's head) and settled without applying again. */
  landed: number;
  dead: DeadLetter[];
  /** Generated files left as another run wrote them upstream: this pass's versions of them were superseded (planRelay). */
  superseded: string[];
  commits: string[];
  /** Files written in the working tree (working-tree target). */
  written: string[];
  /** What the pass recovered from and the user should know (an invalid redo log moved aside). */
  warnings: string[];
  /** Push attempts (more than one when upstream moved meanwhile). */
  pushes: number;
  ms: { fetch: number; plan: number; commit: number; push: number; total: number };
}

export async function relay(root: string, options: RelayOptions, io: RelayIo): Promise<RelayReport> {
  const started = Date.now();
  const lock = acquireRelayLock(root);
  const outbox = openOutbox(root);
  const report: RelayReport = { target: 'upstream', url: null, branch: null, pending: 0, applied: 0, landed: 0, dead: [], superseded: [], commits: [], written: [], warnings: [], pushes: 0, ms: { fetch: 0, plan: 0, commit: 0, push: 0, total: 0 } };
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
      if (upstream.kind === 'working-tree') relayToWorkingTree(root, outbox, events, batchSize, io, report);
      else await withDisposableClone(root, upstream.remote.url, () => relayUpstream(root, outbox, events, { ...options, batchSize, remote: upstream.remote, branch: upstream.branch ?? undefined }, io, report));
    }
    outbox.setRelayState({ ...outbox.relayState(), failures: 0, nextAttemptAt: null, lastError: null, lastSuccessAt: io.now().toISOString() });
    report.ms.total = Date.now() - started;
    return report;
  } catch (e) {
    if (e instanceof UpstreamUnreachableError || e instanceof UpstreamAuthError || e instanceof UpstreamRejectedError) {
      const state = outbox.relayState();
      const failures = state.failures + 1;
      const next = e instanceof UpstreamUnreachableError ? new Date(io.now().getTime() + backoffDelay(failures, io.random())).toISOString() : null;
      outbox.setRelayState({ ...state, failures, nextAttemptAt: next, lastError: e.message });
    }
    throw e;
  } finally {
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
async function withDisposableClone(root: string, url: string, pass: () => Promise<void>): Promise<void> {
  const gitdir = relayCloneDir(root, url);
  let first: unknown;
  try {
    return await pass();
  } catch (e) {
    if (!isDamagedClone(e, gitdir)) throw e;
    first = e;
  }
  removeRelayClone(gitdir);
  try {
    await pass();
  } catch (e) {
    // One line: isomorphic-git's InternalError wraps its cause in a paragraph of advice.
    const earlier = (first instanceof Error ? first.message : String(first)).replace(/^[\s\S]*this error message: /, '').replace(/\s+/g, ' ').trim().slice(0, 300);
    if (e instanceof Error) {
      e.message += ` (after the relay's clone was replaced because it was damaged: ${earlier})`;
      if (e instanceof FleethubError) (e.data as Record<string, unknown>).damagedClone = earlier;
      throw e;
    }
    throw new AggregateError([first, e], `relay failed twice: ${earlier}; then ${String(e)}`);
  }
}

function relayToWorkingTree(root: string, outbox: Outbox, events: OutboxEvent[], batchSize: number, io: RelayIo, report: RelayReport): void {
  const t = Date.now();
  const plan = planRelay(events, readRepoText(root), { batchSize, journal: false, dead: deadIds(outbox) });
  report.ms.plan = Date.now() - t;
  report.written.push(...applyToWorkingTree(root, outbox, plan, io.now().toISOString()));
  tally(report, plan);
}

async function relayUpstream(root: string, outbox: Outbox, events: OutboxEvent[], options: RelayOptions & { remote: RemoteAddress; batchSize: number }, io: RelayIo, report: RelayReport): Promise<void> {
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
  const dead = deadIds(outbox);
  for (;;) {
    t = Date.now();
    const files = await readFilesAt(gitdir, head.head, reads, cache);
    const plan = planRelay(events, (p) => files.get(p) ?? null, { batchSize: options.batchSize, journal: true, dead });
    report.ms.plan += Date.now() - t;
    if (plan.batches.length === 0) {
      outbox.settle({ applied: plan.landed.map((id) => ({ id, commit: null })), dead: plan.dead, at: io.now().toISOString() });
      tally(report, plan);
      return;
    }
    t = Date.now();
    const written = await writeBatchCommits(gitdir, head.head, plan.batches, io.now(), cache);
    const { commits } = written;
    report.ms.commit += Date.now() - t;
    t = Date.now();
    report.pushes += 1;
    const pushed = await pushCommits(head, transport, written);
    report.ms.push += Date.now() - t;
    if (pushed === 'pushed') {
      const applied = plan.batches.flatMap((b, i) => b.events.map((e) => ({ id: e.id, commit: commits[i]! })));
      outbox.settle({ applied: [...applied, ...plan.landed.map((id) => ({ id, commit: null }))], dead: plan.dead, at: io.now().toISOString() });
      report.commits = commits;
      tally(report, plan);
      return;
    }
    if (report.pushes >= (options.maxPushes ?? 50)) throw new UpstreamRejectedError(report.url, `upstream moved before each of ${report.pushes} pushes; try again`);
    t = Date.now();
    head = await fetchUpstream(gitdir, transport, head.branch);
    report.ms.fetch += Date.now() - t;
  }
}

/** The events already dead in the outbox: a status change that assumed one of them is withdrawn (planRelay). */
function deadIds(outbox: Outbox): Set<string> {
  return new Set(outbox.list('dead').map((e) => e.id));
}

function tally(report: RelayReport, plan: RelayPlan): void {
  report.applied = plan.batches.reduce((n, b) => n + b.events.length, 0);
  report.landed = plan.landed.length;
  report.dead = plan.dead;
  report.superseded = plan.superseded;
}

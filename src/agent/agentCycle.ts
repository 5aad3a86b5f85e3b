/**
 * One cycle of the node agent (`fleethub agent --once` is one of these):
 *
 * 1. finish what an earlier agent left (an apply or rollback it was running
 *    when it was killed): the journal says what, the health command says
 *    what is installed — nothing is applied twice, no rollback is forgotten;
 * 2. fetch the fleet from the first remote that answers; a fleet without
 *    this node's record is an error (AgentUnknownNodeError), before anything
 *    is reported;
 * 3. admit (admitUpdates): each intent that targets this node, trusted
 *    against the pinned root, and a lease for it that verifies;
 * 4. act on at most one: an update under a valid lease (runUpdate); a lease
 *    that is no longer valid before its apply started abandons it (reported
 *    with the reason); every other intent is reported blocked or aborted with
 *    its code;
 * 5. record status/agents/<node>.json in the agent's outbox when it changed,
 *    and relay it (to the remote fetched from, else the first that accepts;
 *    offline, it stays buffered).
 */
import { AgentOfflineError, AgentUnknownNodeError } from '../errors.js';
import { didYouMean } from '../records/didYouMean.js';
import { NODES_DIR } from './agentReads.js';
import type { PinnedRoot } from '../trust/verifyTrustChain.js';
import { admitUpdates, type Admission } from './admitUpdates.js';
import type { AgentIo } from './agentIo.js';
import type { AgentJournalState, CycleOutcome } from './agentTypes.js';
import { finishUpdate } from './finishUpdate.js';
import { openAgentJournal, type AgentJournal } from './openAgentJournal.js';
import { publishReport } from './publishReport.js';
import { runUpdate } from './runUpdate.js';
import { setReport } from './setReport.js';
import type { UpdateContext } from './updateContext.js';

export interface CycleConfig {
  node: string;
  stateDir: string;
  /** The pinned trust root (--trust-root / FLEETHUB_TRUST_ROOT); null: nothing can be trusted, every intent is blocked. */
  pin: PinnedRoot | null;
  /** An open journal to use (and leave open): the simulations keep each node's open between cycles. Otherwise the state dir's is opened and closed. */
  journal?: AgentJournal;
}

export async function agentCycle(config: CycleConfig, io: AgentIo): Promise<CycleOutcome> {
  const journal = config.journal ?? openAgentJournal(config.stateDir);
  const outcome: CycleOutcome = { fetchedFrom: null, commit: null, reports: {}, actions: [], relayed: false, relayError: null };
  let preferred: string | null = null;
  const flush = async (): Promise<void> => {
    await publishReport(config.node, st, journal, io);
    const r = await io.relay(preferred);
    outcome.relayed = r.ok;
    outcome.relayError = r.ok ? null : r.error;
  };
  const ctx: UpdateContext = { io, journal, node: config.node, heartbeatMs: null, actions: outcome.actions, flush };
  let st: AgentJournalState = journal.read();
  try {
    if (st.pending?.phase === 'applying' && st.pending.pid === null && st.pending.apply_exit === null) {
      // Killed before the apply's gate opened (its id was never saved): it never ran; it runs under the lease if the lease still holds.
      const p = st.pending;
      p.phase = 'staged';
      journal.save(st, [{ at: io.now().toISOString(), intent: p.intent, version: p.version, state: 'recovered', lease: p.lease, reason: 'the apply never started' }]);
      outcome.actions.push(`${p.intent} v${p.version}: the apply never started before the agent stopped; it starts again under a valid lease`);
    }
    if (st.pending && ['applying', 'verifying', 'rolling_back'].includes(st.pending.phase)) {
      outcome.actions.push(`resuming ${st.pending.intent} v${st.pending.version} from the journal (${st.pending.phase})`);
      journal.save(st, [{ at: io.now().toISOString(), intent: st.pending.intent, version: st.pending.version, state: 'recovered', lease: st.pending.lease, reason: st.pending.phase }]);
      await finishUpdate(ctx, st);
    }
    let fetched;
    try {
      fetched = await io.fetch();
    } catch (e) {
      if (!(e instanceof AgentOfflineError)) throw e;
      outcome.actions.push(e.message);
      await publishReport(config.node, st, journal, io);
      outcome.relayError = 'offline';
      outcome.reports = st.reports;
      return outcome;
    }
    preferred = fetched.url;
    outcome.fetchedFrom = fetched.shown;
    outcome.commit = fetched.snapshot.commit;
    if (!fetched.snapshot.files.has(`${NODES_DIR}/${config.node}.md`)) {
      const known = [...fetched.snapshot.files.keys()].filter((p) => p.startsWith(`${NODES_DIR}/`) && p.endsWith('.md')).map((p) => p.slice(NODES_DIR.length + 1, -3)).sort();
      throw new AgentUnknownNodeError(config.node, fetched.shown, fetched.snapshot.commit, known, didYouMean(config.node, known, 2));
    }
    const view = io.view(fetched.snapshot);
    ctx.heartbeatMs = view.heartbeatMs;
    const { admissions, trustProblem } = admitUpdates({ view, pin: config.pin, node: config.node, now: io.now(), journal: st });
    if (trustProblem) outcome.actions.push(`the trust root is refused: ${trustProblem}`);
    let busy = false;
    // The update the journal holds comes first: it is finished (or abandoned) before any other starts.
    const order = [...admissions].sort((x, y) => Number(y.intent === st.pending?.intent) - Number(x.intent === st.pending?.intent));
    for (const a of order) {
      const done = st.done[a.intent];
      if (done && done.version === a.version && st.pending?.intent !== a.intent) continue;
      if (a.kind === 'admitted' && !busy) {
        busy = true;
        await runUpdate(ctx, st, a, fetched.snapshot.commit);
        continue;
      }
      report(ctx, st, a, busy);
    }
    await flush();
    outcome.reports = st.reports;
    return outcome;
  } finally {
    if (!config.journal) journal.close();
  }
}

/** An intent not acted on this cycle: blocked or aborted with its code; a pending update whose lease is gone is abandoned before its apply. */
function report(ctx: UpdateContext, st: AgentJournalState, a: Admission, busy: boolean): void {
  const now = ctx.io.now();
  const pendingHere = st.pending?.intent === a.intent ? st.pending : null;
  if (a.kind === 'admitted') {
    // Another intent's update ran this cycle: this one keeps its lease for the next.
    ctx.journal.save(st, setReport(st, a.intent, { state: 'leased', lease: a.lease.id, version: a.version, reason: busy ? 'agent-busy: another update ran this cycle' : null }, now, ctx.heartbeatMs));
    return;
  }
  if (pendingHere) {
    ctx.actions.push(`${a.intent} v${pendingHere.version}: abandoned before its apply (${a.code})`);
    st.pending = null;
  }
  const reason = `${a.code}: ${a.message}`;
  ctx.journal.save(st, setReport(st, a.intent, { state: a.kind === 'aborted' ? 'aborted' : 'blocked', lease: a.lease ?? pendingHere?.lease ?? null, version: a.version, reason }, now, ctx.heartbeatMs));
}

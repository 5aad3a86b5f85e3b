/**
 * Step: rollout (after trust). For each update intent, one tick of its
 * rollout (src/rollout/rolloutTick.ts): the journal from the agents' reports
 * (status/agents/<node>.json) and the current status/rollouts/<intent>.yaml,
 * both read through the events not in the files yet, then planLeases, and the
 * granted leases signed with the orchestrator key (`ctx.io.orchestratorKey`,
 * FLEETHUB_ORCHESTRATOR_KEY). The new rollout file is an artifact for the plan
 * step, written only when its content changes; a file that cannot be read is
 * reported and left alone. Without a key, grants are planned, not issued, and
 * one warning says so when a trusted intent would get one.
 */
import { createPublicKey } from 'node:crypto';
import { hintFor } from '../../records/hints.js';
import type { Finding } from '../../records/finding.js';
import { rolloutInputs } from '../rolloutInputs.js';
import { unreadableRollouts } from '../unreadableRollouts.js';
import { parseRolloutFile } from '../../rollout/parseRolloutFile.js';
import { renderRolloutFile } from '../../rollout/renderRolloutFile.js';
import { rolloutTick } from '../../rollout/rolloutTick.js';
import { LEASE_KIND, ROLLOUTS_DIR, type RolloutFile } from '../../rollout/leaseTypes.js';
import type { LeaseSigner } from '../../rollout/signLease.js';
import { fingerprint, rawPublicKey } from '../../trust/ed25519.js';
import { OrchestratorKeyUntrustedError } from '../../errors.js';
import type { RolloutNode } from '../../rollout/rolloutTypes.js';
import type { RolloutRow } from '../boardInput.js';
import type { ReconcileContext, RolloutRun } from '../reconcileContext.js';

export async function rollout(ctx: ReconcileContext): Promise<void> {
  if (!ctx.trust) return;
  const inputs = rolloutInputs(ctx);
  if (inputs.intents.length === 0) return;
  // The key is read only when a trusted intent would get a lease: first plan without it, then sign.
  let runs = tickAll(ctx, inputs, null);
  let unsigned = runs.flatMap((r) => (r.input.verdict.trusted ? r.tick.unsigned.map((n) => `${r.intent}/${n}`) : []));
  const signer = unsigned.length > 0 ? trustedSigner(ctx) : null;
  if (signer) {
    runs = tickAll(ctx, inputs, signer);
    unsigned = [];
  }
  ctx.rollouts.push(...runs);
  ctx.rollouts.sort((a, b) => (a.intent < b.intent ? -1 : a.intent > b.intent ? 1 : 0));
  // The board shows the rollout as this tick leaves it: once its leases are issued, the next wave is what the next tick would add (so a rerun renders the same board).
  const after = (r: RolloutRun): RolloutRun => (r.tick.file.epoch === (r.input.previous?.epoch ?? 0) ? r : { ...r, tick: rolloutTick({ ...r.input, previous: r.tick.file, signer: null }) });
  // An intent whose rollout file cannot be read keeps its row, halted by that finding: one row per update intent, never a silent gap.
  const rows = [...ctx.rollouts.map((r) => rolloutRow(after(r), inputs.nodes)), ...unreadableRollouts(ctx.findings).flatMap((f) => unreadableRow(f, inputs))];
  ctx.boardSections.push({ kind: 'rollouts', rollouts: rows.sort((a, b) => (a.intent < b.intent ? -1 : a.intent > b.intent ? 1 : 0)) });
  if (unsigned.length > 0) {
    const first = inputs.intents.find((i) => unsigned.some((u) => u.startsWith(`${i.intent.id}/`)))!;
    ctx.findings.push({
      code: 'orchestrator-key-missing',
      severity: 'warning',
      kind: 'intent',
      id: first.intent.id,
      message: `${unsigned.length} lease(s) planned but not issued (${unsigned.slice(0, 5).join(', ')}${unsigned.length > 5 ? ` and ${unsigned.length - 5} more` : ''}): FLEETHUB_ORCHESTRATOR_KEY is not set, so nothing is leased`,
      hint: hintFor('orchestrator-key-missing'),
      file: first.file,
      line: 1,
      col: 1,
    });
  }
}

/** Whether an intent ships the host-agent or the node-agent phase of an artifact (by the artifact's name). */
function isPhase(i: { artifact: { name: string } | null }, phase: 'host-agent' | 'node-agent'): boolean {
  return i.artifact !== null && i.artifact.name.endsWith(phase);
}

/** The orchestrator key, when set; a key the verified trust.yaml does not allow to sign leases is an error, never used. */
function trustedSigner(ctx: ReconcileContext): LeaseSigner | null {
  const key = ctx.io.orchestratorKey();
  if (!key) return null;
  const pub = rawPublicKey(createPublicKey(key.key));
  const chain = ctx.trust!.chain;
  if (!chain.ok) return null; // Every intent is refused with the root: nothing is granted, nothing is signed.
  const roles = new Set(chain.root.roles.filter((r) => r.kinds.includes(LEASE_KIND)).map((r) => r.name));
  const listed = chain.root.keys.find((k) => k.publicKey === pub && k.roles.some((r) => roles.has(r)));
  if (!listed) throw new OrchestratorKeyUntrustedError(key.source, fingerprint(pub));
  return { id: listed.id, key: key.key };
}

/** A rollout's board row: progress by area from the journal and the plan; nothing in it moves unless the rollout's files or the plan do. */
/** The row of an intent whose rollout file cannot be read: nothing planned, halted by the finding until the file is mended. */
function unreadableRow(f: Finding, inputs: ReturnType<typeof rolloutInputs>): RolloutRow[] {
  const i = inputs.intents.find((x) => x.intent.id === f.id);
  if (!i) return [];
  return [{ intent: i.intent.id, version: i.intent.version ?? null, state: 'halted', control: { operator: 'unreadable', signed: i.intent.control }, epoch: 0, areas: [], next: [], unsigned: false, halted: { code: f.code, message: `${f.file}:${f.line}:${f.col}: ${f.message}` }, waits: [] }];
}

function rolloutRow(r: RolloutRun, nodes: readonly RolloutNode[]): RolloutRow {
  const p = r.tick.plan;
  const f = r.tick.file;
  const area = new Map(nodes.map((n) => [n.id, n.area ?? '(none)']));
  const targeted = [...new Set([...p.waiting.map((w) => w.node), ...p.in_flight, ...p.done, ...p.grants.map((g) => g.node)])].sort();
  const areas = new Map<string, { area: string; nodes: number; states: Record<string, number> }>();
  for (const id of targeted) {
    const a = area.get(id) ?? '(not in registry)';
    if (!areas.has(a)) areas.set(a, { area: a, nodes: 0, states: {} });
    const row = areas.get(a)!;
    const state = f.journal.get(id)?.state ?? 'not started';
    row.nodes += 1;
    row.states[state] = (row.states[state] ?? 0) + 1;
  }
  const waits = new Map<string, number>();
  for (const w of p.waiting) waits.set(w.code, (waits.get(w.code) ?? 0) + 1);
  return {
    intent: r.intent,
    version: r.input.intent.version ?? null,
    state: p.state,
    control: { operator: f.control, signed: r.input.intent.control },
    epoch: f.epoch,
    areas: [...areas.values()].sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : 0)),
    next: p.grants.map((g) => g.node),
    unsigned: r.tick.unsigned.length > 0,
    halted: p.halted,
    waits: [...waits].map(([code, n]) => ({ code, nodes: n })).sort((a, b) => b.nodes - a.nodes || (a.code < b.code ? -1 : 1)),
  };
}

/** One tick of every update intent's rollout, host-agent phases first (their ticks say where a node-agent phase of the same artifact may go); an unreadable rollout file is reported once and its rollout skipped. */
function tickAll(ctx: ReconcileContext, inputs: ReturnType<typeof rolloutInputs>, signer: LeaseSigner | null): RolloutRun[] {
  const now = new Date(ctx.now);
  const runs: RolloutRun[] = [];
  const phased = [...inputs.intents].sort((a, b) => Number(isPhase(b, 'host-agent')) - Number(isPhase(a, 'host-agent')) || (a.intent.id < b.intent.id ? -1 : 1));
  const hostPending = new Map<string, { intent: string; pending: Set<string> }>();
  for (const i of phased) {
    const host = i.artifact && isPhase(i, 'node-agent') ? hostPending.get(`${i.artifact.name.replace(/node-agent$/, 'host-agent')}@${i.artifact.version}`) : undefined;
    const intent = host ? { ...i.intent, after: host } : i.intent;
    const path = `${ROLLOUTS_DIR}/${intent.id}.yaml`;
    const text = ctx.readGenerated(path);
    let previous: RolloutFile | null = null;
    if (text !== null) {
      const parsed = parseRolloutFile(text);
      if (!parsed.ok) {
        if (signer === null) ctx.findings.push({ code: 'rollout-file-unreadable', severity: 'error', kind: 'intent', id: i.intent.id, message: `${path} cannot be read: ${parsed.message}; its rollout is not planned until it is mended`, hint: hintFor('rollout-file-unreadable'), file: path, line: parsed.line, col: parsed.col });
        continue;
      }
      previous = parsed.file;
    }
    const input = { intent, verdict: i.verdict, policy: inputs.policy, nodes: inputs.nodes, previous, reports: inputs.reports(i.intent.id), signer, now };
    const tick = rolloutTick(input);
    if (i.artifact && isPhase(i, 'host-agent') && i.verdict.trusted) {
      const targeted = [...tick.plan.waiting.map((w) => w.node), ...tick.plan.in_flight, ...tick.plan.done];
      hostPending.set(`${i.artifact.name}@${i.artifact.version}`, { intent: i.intent.id, pending: new Set(targeted.filter((n) => tick.file.journal.get(n)?.state !== 'healthy')) });
    }
    // A rollout that never started leaves no file; once there is one, it follows every tick.
    const started = previous !== null || tick.file.epoch > 0 || tick.file.control !== 'active' || tick.file.journal.size > 0 || tick.file.revoked.length > 0;
    runs.push({ intent: i.intent.id, file: i.file, path, input, tick, text: started ? renderRolloutFile(tick.file) : null });
  }
  return runs;
}

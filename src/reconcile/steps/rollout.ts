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
import { rolloutInputs } from '../rolloutInputs.js';
import { parseRolloutFile } from '../../rollout/parseRolloutFile.js';
import { renderRolloutFile } from '../../rollout/renderRolloutFile.js';
import { rolloutTick } from '../../rollout/rolloutTick.js';
import { LEASE_KIND, ROLLOUTS_DIR, type RolloutFile } from '../../rollout/leaseTypes.js';
import type { LeaseSigner } from '../../rollout/signLease.js';
import { fingerprint, rawPublicKey } from '../../trust/ed25519.js';
import { OrchestratorKeyUntrustedError } from '../../errors.js';
import type { ReconcileContext } from '../reconcileContext.js';

export async function rollout(ctx: ReconcileContext): Promise<void> {
  if (!ctx.trust) return;
  const inputs = rolloutInputs(ctx);
  if (inputs.intents.length === 0) return;
  const now = new Date(ctx.now);
  const signer = trustedSigner(ctx);
  const unsigned: string[] = [];
  for (const i of inputs.intents) {
    const path = `${ROLLOUTS_DIR}/${i.intent.id}.yaml`;
    const text = ctx.readGenerated(path);
    let previous: RolloutFile | null = null;
    if (text !== null) {
      const parsed = parseRolloutFile(text);
      if (!parsed.ok) {
        ctx.findings.push({ code: 'rollout-file-unreadable', severity: 'error', kind: 'intent', id: i.intent.id, message: `${path} cannot be read: ${parsed.message}; its rollout is not planned until it is mended`, hint: hintFor('rollout-file-unreadable'), file: path, line: parsed.line, col: parsed.col });
        continue;
      }
      previous = parsed.file;
    }
    const input = { intent: i.intent, verdict: i.verdict, policy: inputs.policy, nodes: inputs.nodes, previous, reports: inputs.reports(i.intent.id), signer, now };
    const tick = rolloutTick(input);
    if (i.verdict.trusted) unsigned.push(...tick.unsigned.map((n) => `${i.intent.id}/${n}`));
    // A rollout that never started leaves no file; once there is one, it follows every tick.
    const started = previous !== null || tick.file.epoch > 0 || tick.file.control !== 'active' || Object.keys(tick.file.journal).length > 0 || tick.file.revoked.length > 0;
    ctx.rollouts.push({ intent: i.intent.id, file: i.file, path, input, tick, text: started ? renderRolloutFile(tick.file) : null });
  }
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

/**
 * Step: trust. Verifies policies/trust.yaml's chain from the pinned root and
 * every intent against it (src/trust/), at the run's fixed start time; each
 * refusal is a finding (file:line:col, code, hint); the verdicts go on the
 * board's Intents section and into the JSON; the ratchet (the highest version
 * of each intent ever trusted) moves up with the trusted ones, for the plan
 * step to write as status/trust-ratchet.json.
 */
import { advanceRatchet } from '../../trust/ratchet.js';
import { readFleetTrust } from '../../trust/readFleetTrust.js';
import { verifyFleetTrust } from '../../trust/verifyFleetTrust.js';
import type { IntentRow } from '../boardInput.js';
import type { ReconcileContext } from '../reconcileContext.js';

export async function trust(ctx: ReconcileContext): Promise<void> {
  const input = readFleetTrust(ctx.db, ctx.io.trust, new Date(ctx.now));
  // Nothing to trust, nothing to refuse: the chain matters to the intents it authorises ('fleethub trust verify' checks it alone).
  if (input.intents.length === 0 && input.invalid.length === 0) return;
  const result = verifyFleetTrust(input);
  const versions = new Map(input.intents.flatMap((i) => (typeof i.data.version === 'number' ? [[i.id, i.data.version] as const] : [])));
  const ratchet = advanceRatchet(input.ratchet, result.verdicts, versions);
  ctx.trust = { ...result, ratchet };
  ctx.findings.push(...result.chain.findings, ...result.verdicts.flatMap((v) => v.findings));
  const byId = new Map(input.intents.map((i) => [i.id, i.data]));
  const rows: IntentRow[] = result.verdicts.map((v) => {
    const d = byId.get(v.id) ?? {};
    const strategy = (d.strategy ?? {}) as { type?: unknown };
    return {
      id: v.id,
      kind: String(d.kind ?? ''),
      version: typeof d.version === 'number' ? d.version : null,
      control: String(d.control ?? ''),
      strategy: typeof strategy.type === 'string' ? strategy.type : '',
      signers: v.signers,
      trusted: v.trusted,
      reason: v.findings[0]?.code ?? null,
      why: v.findings.map((f) => f.message),
    };
  });
  ctx.boardSections.push({
    kind: 'intents',
    trust: { ok: result.chain.ok, version: result.chain.ok ? result.chain.root.version : null, chain: result.chain.chain, refusal: result.chain.ok ? null : result.chain.findings.map((f) => f.message).join('; ') },
    intents: rows,
  });
}

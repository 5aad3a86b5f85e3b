/**
 * Step: trust. Verifies policies/trust.yaml's chain from the pinned root and
 * every intent against it (src/trust/), at the run's fixed start time; each
 * refusal is a finding (file:line:col, code, hint); the verdicts go on the
 * board's Intents section and into the JSON; the ratchet (the highest version
 * of each intent ever trusted) moves up with the trusted ones, for the plan
 * step to write as status/trust-ratchet.json.
 */
import { cacheMemo } from '../../cache/cacheMemo.js';
import { fileLocator } from '../../records/fileLocator.js';
import type { FileVersions } from '../../repo/fileVersions.js';
import { advanceRatchet } from '../../trust/ratchet.js';
import { readFleetTrust, type TrustIo } from '../../trust/readFleetTrust.js';
import { verifyFleetTrust } from '../../trust/verifyFleetTrust.js';
import { readScopeNodes } from '../../trust/readScopeNodes.js';
import type { IntentRow } from '../boardInput.js';
import type { ReconcileContext } from '../reconcileContext.js';

export async function trust(ctx: ReconcileContext): Promise<void> {
  // Nothing to trust, nothing to refuse, nothing to read: the chain matters to the intents it authorises ('fleethub trust verify' checks it alone).
  if (ctx.db.prepare(`SELECT count(*) FROM files WHERE kind = 'intent'`).pluck().get() === 0) return;
  const locate = fileLocator(ctx.io.trust.readText, { store: cacheMemo(ctx.db), name: 'positions:trust' });
  const input = readFleetTrust(ctx.db, historyKept(ctx.io.trust, ctx), new Date(ctx.now), locate, readScopeNodes(ctx.db, ctx.nodeRecords));
  const result = verifyFleetTrust(input);
  const versions = new Map(input.intents.flatMap((i) => (typeof i.data.version === 'number' ? [[i.id, i.data.version] as const] : [])));
  const ratchet = advanceRatchet(input.ratchet, result.verdicts, versions);
  locate.save();
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

/**
 * The trust reads with the Git history of a file kept in the cache's memo
 * under HEAD's commit id: a commit id fixes the history behind it, so an
 * unchanged HEAD needs no git process. Without a cheap HEAD, nothing is kept.
 */
function historyKept(io: TrustIo, ctx: ReconcileContext): TrustIo {
  const head = io.head();
  if (head === null) return io;
  const memo = cacheMemo(ctx.db);
  return {
    ...io,
    fileVersions: (path) => {
      const name = `history:${path}`;
      const kept = memo.get(name, head);
      if (kept !== null) return JSON.parse(kept) as FileVersions;
      const versions = io.fileVersions(path);
      memo.set(name, head, JSON.stringify(versions));
      return versions;
    },
  };
}

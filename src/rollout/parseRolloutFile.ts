/**
 * status/rollouts/<intent>.yaml from its text, checked field by field: a file
 * the reconciler cannot read is reported with the line and column of the bad
 * field, never replaced silently (it may hold leases in flight). Pure.
 */
import { pointerSegment } from '../records/pointerSegment.js';
import { createLocator } from '../records/locate.js';
import { parseYaml } from '../records/parseYaml.js';
import { JOURNAL_STATES } from './rolloutTypes.js';
import { ROLLOUT_CONTROLS, type Lease, type RolloutFile, type RolloutJournalLine } from './leaseTypes.js';

export type ParsedRolloutFile = { ok: true; file: RolloutFile } | { ok: false; line: number; col: number; message: string };

export function parseRolloutFile(text: string): ParsedRolloutFile {
  const parsed = parseYaml(text);
  if (!parsed.ok) return { ok: false, line: parsed.line, col: parsed.col, message: parsed.message };
  const bad = (pointer: string, message: string): ParsedRolloutFile => {
    let at = { line: 1, col: 1 };
    try {
      at = createLocator(text)(pointer);
    } catch {
      // The pointer names a field that is missing: the top of the file is where it belongs.
    }
    return { ok: false, ...at, message };
  };
  const d = parsed.data as Record<string, unknown> | null;
  if (d === null || typeof d !== 'object' || Array.isArray(d)) return bad('', 'not a mapping of intent, intent_version, intent_digest, epoch, control, leases, revoked, journal');
  if (typeof d.intent !== 'string' || d.intent === '') return bad('/intent', 'intent must be the intent id');
  if (!Number.isSafeInteger(d.intent_version)) return bad('/intent_version', 'intent_version must be a whole number');
  if (typeof d.intent_digest !== 'string') return bad('/intent_digest', "intent_digest must be 'sha256:<hex>' or ''");
  if (!Number.isSafeInteger(d.epoch) || (d.epoch as number) < 0) return bad('/epoch', 'epoch must be a whole number ≥ 0');
  if (!(ROLLOUT_CONTROLS as readonly unknown[]).includes(d.control)) return bad('/control', `control must be one of ${ROLLOUT_CONTROLS.join(', ')}`);
  if (!Array.isArray(d.leases)) return bad('/leases', 'leases must be a list');
  for (const [i, l] of (d.leases as unknown[]).entries()) {
    const o = l as Record<string, unknown> | null;
    if (o === null || typeof o !== 'object' || typeof o.id !== 'string' || typeof o.node !== 'string' || !Array.isArray(o.signatures)) return bad(`/leases/${i}`, 'a lease needs id, node, signatures and the other lease fields');
  }
  if (!Array.isArray(d.revoked)) return bad('/revoked', 'revoked must be a list');
  for (const [i, r] of (d.revoked as unknown[]).entries()) {
    const o = r as Record<string, unknown> | null;
    if (o === null || typeof o !== 'object' || typeof o.id !== 'string' || typeof o.node !== 'string' || typeof o.reason !== 'string') return bad(`/revoked/${i}`, 'a revoked lease is {id, node, reason}');
  }
  const j = d.journal;
  if (j === null || typeof j !== 'object' || Array.isArray(j)) return bad('/journal', 'journal must be a mapping of node id to its line');
  const journal = new Map<string, RolloutJournalLine>();
  for (const [node, v] of Object.entries(j as Record<string, unknown>)) {
    const o = v as Record<string, unknown> | null;
    const at = `/journal/${pointerSegment(node)}`;
    if (o === null || typeof o !== 'object' || !(JOURNAL_STATES as readonly unknown[]).includes(o.state) || typeof o.since !== 'string') return bad(at, `a journal line needs state (one of ${JOURNAL_STATES.join(', ')}) and since`);
    const opt = (k: string): string | null => (typeof o[k] === 'string' ? (o[k] as string) : null);
    journal.set(node, { state: o.state as RolloutJournalLine['state'], lease: opt('lease'), since: o.since, leased_at: opt('leased_at'), reported_at: opt('reported_at'), reason: opt('reason') });
  }
  return {
    ok: true,
    file: {
      intent: d.intent,
      intent_version: d.intent_version as number,
      intent_digest: d.intent_digest,
      epoch: d.epoch as number,
      control: d.control as RolloutFile['control'],
      leases: d.leases as Lease[],
      revoked: (d.revoked as Array<Record<string, string>>).map((r) => ({ id: r.id!, node: r.node!, reason: r.reason! })),
      journal,
    },
  };
}

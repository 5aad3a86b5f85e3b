/**
 * Promotion gate (reference 004, "Production Promotion Gate"): a workload at
 * `stage: production` on a host the gate applies to (its `hosts`, or all hosts)
 * counts as production only with the evidence the gate requires — backup/restore
 * drill (for stateful workloads only when `stateful_only`), canary observation,
 * operator approval (who and when), an image pinned by an immutable digest — each
 * no older than its `max_age` relative to `now`, and not dated in the future
 * (more than a day ahead: evidence of what is planned is no evidence). `stage: legacy` is grandfathered
 * unless `grandfather_legacy: false`. One `promotion-gate-unmet` error per
 * workload, listing everything missing, pointing at `/stage`. Pure.
 */
import { durationMs } from '../records/duration.js';
import { parseFleetDate } from './parseFleetDate.js';
import type { EvidenceRule, PolicyWorkload, PromotionGatePolicy } from './policyData.js';
import type { Unlocated } from '../records/finding.js';

/** `@sha256:` and 64 lowercase hex digits, at the end of the reference. */
const PINNED = /@sha256:[0-9a-f]{64}$/;
const DAY_MS = 24 * 3600 * 1000;

export function evaluatePromotionGate(workloads: readonly PolicyWorkload[], gate: PromotionGatePolicy, now: Date): Unlocated[] {
  const hosts = gate.hosts && gate.hosts.length > 0 ? new Set(gate.hosts) : null;
  const grandfather = gate.grandfather_legacy !== false;
  const findings: Unlocated[] = [];
  for (const w of workloads) {
    const held = w.stage === 'production' || (w.stage === 'legacy' && !grandfather);
    if (!held || (hosts && !(w.host !== undefined && hosts.has(w.host)))) continue;
    const missing = missingEvidence(w, gate, now.getTime());
    if (missing.length === 0) continue;
    findings.push({
      code: 'promotion-gate-unmet',
      severity: 'error',
      kind: 'workload', id: w.id,
      message: `${w.id} is at stage: ${w.stage} on ${w.host ?? '(no host)'} but does not pass the promotion gate (${gate.id}): ${missing.join('; ')}`,
      file: w.file,
      pointer: '/stage',
    });
  }
  return findings;
}

function missingEvidence(w: PolicyWorkload, gate: PromotionGatePolicy, now: number): string[] {
  const p = w.promotion ?? {};
  const req = gate.require;
  const out: string[] = [];
  const dated = (rule: EvidenceRule | undefined, what: string, date: string | undefined): void => {
    if (!applies(rule, w)) return;
    const problem = dateProblem(date, rule!.max_age, now);
    if (problem) out.push(`${what} ${problem}`);
  };
  dated(req.backup_drill, 'backup/restore drill (promotion.backup_drill)', p.backup_drill);
  dated(req.canary_observation, 'canary observation (promotion.canary_observed)', p.canary_observed);
  if (applies(req.operator_approval, w)) {
    if (!p.approved_by && !p.approved_at) out.push('operator approval (promotion.approved_by, approved_at) missing');
    else {
      if (!p.approved_by) out.push('operator approval (promotion.approved_by) missing');
      dated(req.operator_approval, 'operator approval date (promotion.approved_at)', p.approved_at);
    }
  }
  if (req.image_digest === true) {
    if (!p.image) out.push('image (promotion.image) missing; production needs one pinned by @sha256: digest');
    else if (!PINNED.test(p.image)) out.push(`image ${p.image} is not pinned by an immutable @sha256: digest`);
  }
  return out;
}

/** Whether an evidence rule holds this workload to it (present, required, stateful when stateful_only). */
function applies(rule: EvidenceRule | undefined, w: PolicyWorkload): boolean {
  if (!rule || rule.required === false) return false;
  return !(rule.stateful_only === true && w.stateful !== true);
}

function dateProblem(date: string | undefined, maxAge: string | undefined, now: number): string | null {
  if (!date) return 'missing';
  const at = parseFleetDate(date);
  if (at === null) return `has an unreadable date '${date}'`;
  // A day's grace: a date without a time is midnight UTC, and the place that wrote it may be ahead of UTC.
  if (at - now > DAY_MS) return `${date} is in the future (evidence is dated when it happened, not planned)`;
  const limit = maxAge ? durationMs(maxAge) : null;
  if (limit !== null && now - at > limit) return `${date} is older than the gate's max_age ${maxAge}`;
  return null;
}

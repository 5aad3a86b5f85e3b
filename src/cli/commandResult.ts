/**
 * The one rule that turns what a command found into its result: exit 1 when
 * there are findings at or above `--fail-on`, or another problem the command
 * names (drift for `reconcile --check`, a push that cannot land, a fleet that differs for `diff --exit-code`); otherwise 0. Usage and internal errors (exit 2) never get here:
 * they are thrown. Commands put the result in their JSON output as `result`
 * and return `problems: result.exit === 1` (main.ts maps it to the exit code).
 */
import type { FailOn } from './failOn.js';

/**
 * Why a command exits 1, in the order they are checked: `findings` at or above
 * --fail-on; `drift` (reconcile --check); `relay` (a change that cannot land,
 * or was refused upstream); `differs` (diff --exit-code); `refused` (an intent
 * or the trust chain refused, a root not pinned when asked); `dead-letters`
 * (outbox list); `offline` (no remote answered the agent); `timeout` (a query stopped).
 */
export type ProblemReason = 'findings' | 'drift' | 'relay' | 'differs' | 'refused' | 'dead-letters' | 'offline' | 'timeout';
const OTHER_REASONS = ['drift', 'relay', 'differs', 'refused', 'dead-letters', 'offline', 'timeout'] as const;

export interface CommandResult {
  exit: 0 | 1;
  /** Empty when exit is 0. */
  reasons: ProblemReason[];
  failOn: FailOn;
}

const RANK = { warning: 1, error: 2 } as const;
const THRESHOLD: Record<FailOn, number> = { warning: 1, error: 2, none: Infinity };

export function commandResult(findings: ReadonlyArray<{ severity: 'error' | 'warning' }>, fail: FailOn, other: Partial<Record<Exclude<ProblemReason, 'findings'>, boolean>> = {}): CommandResult {
  const reasons: ProblemReason[] = [];
  if (findings.some((f) => RANK[f.severity] >= THRESHOLD[fail])) reasons.push('findings');
  for (const r of OTHER_REASONS) if (other[r]) reasons.push(r);
  return { exit: reasons.length > 0 ? 1 : 0, reasons, failOn: fail };
}

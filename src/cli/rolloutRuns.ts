/**
 * The reconcile loop up to the rollout step, offline and writing nothing:
 * what `fleethub plan` and `fleethub rollout` show and act on. The findings
 * returned are the trust and rollout steps' (the intents and their rollouts),
 * so validation of unrelated records does not decide these commands' exit.
 */
import type { Finding } from '../records/finding.js';
import { reconcile } from '../reconcile/reconcile.js';
import type { ReconcileContext, RolloutRun } from '../reconcile/reconcileContext.js';
import { UnknownIntentError } from '../errors.js';
import { evaluate } from '../reconcile/steps/evaluate.js';
import { load } from '../reconcile/steps/load.js';
import { observe } from '../reconcile/steps/observe.js';
import { rollout } from '../reconcile/steps/rollout.js';
import { unreadableRollouts } from '../reconcile/unreadableRollouts.js';
import { trust } from '../reconcile/steps/trust.js';
import { validate } from '../reconcile/steps/validate.js';
import { fileIo } from './fileIo.js';

export async function rolloutRuns(root: string, env: Readonly<Record<string, string | undefined>>, now: () => Date = () => new Date()): Promise<{ ctx: ReconcileContext; findings: Finding[] }> {
  let mark = 0;
  const before = async (c: ReconcileContext): Promise<void> => {
    mark = c.findings.length;
  };
  const ctx = await reconcile(fileIo(root, env, now), { probe: false, write: false, allowRemote: false }, [load, validate, observe, evaluate, before, trust, rollout]);
  ctx.db.close();
  return { ctx, findings: ctx.findings.slice(mark) };
}

/**
 * The rollout of `intent`, or the finding that its rollout file cannot be read
 * (the step plans nothing for it then); an intent the fleet does not have
 * throws UnknownIntentError, naming every update intent, unreadable ones too.
 */
export function rolloutOf(runs: { ctx: ReconcileContext; findings: readonly Finding[] }, intent: string): RolloutRun | { unreadable: Finding } {
  const run = runs.ctx.rollouts.find((r) => r.intent === intent);
  if (run) return run;
  const unreadable = unreadableRollouts(runs.findings);
  const found = unreadable.find((f) => f.id === intent);
  if (found) return { unreadable: found };
  throw new UnknownIntentError(intent, [...runs.ctx.rollouts.map((r) => r.intent), ...unreadable.map((f) => f.id!)].sort());
}

/**
 * The reconcile loop: a thin entry running an ordered list of small steps
 * with one shared signature. Later issues add steps; this file stays as is.
 */
import { createContext, type ReconcileContext, type ReconcileIo, type ReconcileOptions } from './reconcileContext.js';
import { apply } from './steps/apply.js';
import { checks } from './steps/checks.js';
import { freeze } from './steps/freeze.js';
import { policies } from './steps/policies.js';
import { workplans } from './steps/workplans.js';
import { evaluate } from './steps/evaluate.js';
import { load } from './steps/load.js';
import { observe } from './steps/observe.js';
import { plan } from './steps/plan.js';
import { rollout } from './steps/rollout.js';
import { trust } from './steps/trust.js';
import { validate } from './steps/validate.js';

export type Step = (ctx: ReconcileContext) => Promise<void>;

export const STEPS: readonly Step[] = [load, validate, observe, evaluate, freeze, policies, checks, workplans, trust, rollout, plan, apply];

/** Runs the steps; the caller closes `ctx.db` when done with the result. */
export async function reconcile(io: ReconcileIo, options: ReconcileOptions, steps: readonly Step[] = STEPS): Promise<ReconcileContext> {
  const ctx = createContext(io, options);
  try {
    for (const step of steps) await step(ctx);
    return ctx;
  } catch (e) {
    if (ctx.db.open) ctx.db.close();
    throw e;
  }
}

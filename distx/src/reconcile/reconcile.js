/**
 * The reconcile loop: a thin entry running an ordered list of small steps
 * with one shared signature. Later issues add steps; this file stays as is.
 */
import { createContext } from './reconcileContext.js';
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
export const STEPS = [load, validate, observe, evaluate, freeze, policies, checks, workplans, trust, rollout, plan, apply];
/** Runs the steps; the caller closes `ctx.db` when done with the result. */
export async function reconcile(io, options, steps = STEPS) {
    const ctx = createContext(io, options);
    try {
        for (const step of steps)
            await step(ctx);
        return ctx;
    }
    catch (e) {
        if (ctx.db.open)
            ctx.db.close();
        throw e;
    }
}
//# sourceMappingURL=reconcile.js.map
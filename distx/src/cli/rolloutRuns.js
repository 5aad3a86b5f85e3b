import { reconcile } from '../reconcile/reconcile.js';
import { evaluate } from '../reconcile/steps/evaluate.js';
import { load } from '../reconcile/steps/load.js';
import { observe } from '../reconcile/steps/observe.js';
import { rollout } from '../reconcile/steps/rollout.js';
import { trust } from '../reconcile/steps/trust.js';
import { validate } from '../reconcile/steps/validate.js';
import { fileIo } from './fileIo.js';
export async function rolloutRuns(root, env, now = () => new Date()) {
    let mark = 0;
    const before = async (c) => {
        mark = c.findings.length;
    };
    const ctx = await reconcile(fileIo(root, env, now), { probe: false, write: false, allowRemote: false }, [load, validate, observe, evaluate, before, trust, rollout]);
    ctx.db.close();
    return { ctx, findings: ctx.findings.slice(mark) };
}
//# sourceMappingURL=rolloutRuns.js.map
/**
 * The offline evaluation of one revision's fleet: the same reconcile steps
 * every command runs (load, validate, observe without probing, evaluate,
 * freeze, policies, checks, workplans, trust), on the revision's files
 * materialised in a directory of their own, with I/O that reads that
 * revision's history (the command passes it in). The plan and apply steps are
 * left out: they render and compare status/, which says nothing about what a
 * change means (the drift check is 'fleethub reconcile --check').
 *
 * A revision that cannot be evaluated at all (a typed failure: a ratchet or
 * pin that does not parse, ...) is a `revision-unevaluable` finding of that
 * revision, never a crash; a record today's schema rejects is an ordinary
 * validation finding of it. (When neither revision can be evaluated, the
 * failure is not the change's: revisionImpact reports it as the error it is.)
 */
import { FleethubError } from '../errors.js';
import { reconcile, STEPS } from '../reconcile/reconcile.js';
import { apply } from '../reconcile/steps/apply.js';
import { plan } from '../reconcile/steps/plan.js';
import { readScopeNodes } from '../trust/readScopeNodes.js';
import { indexNodes, resolveTarget } from '../trust/resolveTarget.js';
const EVALUATION_STEPS = STEPS.filter((s) => s !== plan && s !== apply);
export async function evaluateRevision(io, commit) {
    let ctx;
    try {
        ctx = await reconcile(io, { probe: false, write: false, allowRemote: false }, EVALUATION_STEPS);
    }
    catch (e) {
        if (!(e instanceof FleethubError))
            throw e;
        const file = typeof e.data.file === 'string' ? e.data.file : '';
        const finding = { code: 'revision-unevaluable', severity: 'error', file, line: 1, col: 1, message: `revision ${commit.slice(0, 12)} cannot be evaluated: ${e.message}` };
        return { commit, findings: [finding], nodes: [], workloads: [], targets: new Map(), unevaluable: e };
    }
    try {
        const db = ctx.db;
        const nodes = readScopeNodes(db);
        const index = indexNodes(nodes);
        const targets = new Map();
        for (const r of db.prepare('SELECT id, data FROM intents ORDER BY id').all()) {
            const target = JSON.parse(r.data).target;
            if (target !== null && typeof target === 'object')
                targets.set(r.id, resolveTarget(target, index));
        }
        return { commit, findings: ctx.findings, nodes: ctx.nodes, workloads: ctx.workloads, targets };
    }
    finally {
        ctx.db.close();
    }
}
//# sourceMappingURL=evaluateRevision.js.map
/**
 * `fleethub workplan [id]`: the workplans with their progress, or one
 * workplan's tasks with state, readiness, owner, dependencies and done-when
 * verdict, and its critical path. Runs the reconcile steps offline (nothing
 * probed, nothing written). Exit 1 on findings at or above --fail-on.
 */
import { UsageError } from '../errors.js';
import { reconcile } from '../reconcile/reconcile.js';
import { fileIo } from './fileIo.js';
import { checks } from '../reconcile/steps/checks.js';
import { load } from '../reconcile/steps/load.js';
import { validate } from '../reconcile/steps/validate.js';
import { workplans } from '../reconcile/steps/workplans.js';
import { eventsNotInFiles } from '../outbox/eventsNotInFiles.js';
import { pendingTaskStates } from '../outbox/pendingTaskStates.js';
import { findRoot } from '../repo/findRoot.js';
import { evaluateWorkplans } from '../workplans/evaluateWorkplans.js';
import { workplanDetail } from '../report/workplanDetail.js';
import { workplanList } from '../report/workplanList.js';
import { commandResult } from './commandResult.js';
import { FAIL_ON_OPTION, FAIL_ON_USAGE, failOn } from './failOn.js';
export const workplan = {
    name: 'workplan',
    summary: 'workplans: progress, ready and blocked tasks, critical path, done-when checks',
    usage: `fleethub workplan [<id>] [--fail-on error|warning|none] [--format json]

Without an id, lists every workplan with its status, progress and how many
tasks are ready and blocked. With an id, lists its tasks: state, readiness
(ready, waiting, blocked, doing, done, cancelled), owner, dependencies and the
verdict of its done-when checks, then its critical path (the longest chain of
open tasks, across workplans). Runs offline: nothing is probed or written.
Task changes not in the files yet are shown on top of them: marked pending
while they wait in the outbox, upstream once relayed but not pulled.
${FAIL_ON_USAGE}
Exit codes: 0 no findings at or above --fail-on, 1 findings at or above it (an
error: a task ticked done fails its done-when check; a warning: every check of
an open task passes), 2 usage (an unknown workplan) or internal error.`,
    options: { ...FAIL_ON_OPTION },
    reads: true,
    async run(args, ctx) {
        if (args.positionals.length > 1)
            throw new UsageError('give at most one workplan id');
        const id = args.positionals[0];
        const fail = failOn(args);
        const root = findRoot(ctx.cwd, ctx.root);
        const run = await reconcile(fileIo(root), { probe: false, write: false, allowRemote: false }, [load, validate, checks, workplans]);
        const db = run.db;
        try {
            const { pending, unpulled } = await eventsNotInFiles(root);
            const ev = evaluateWorkplans(db, run.checkResults, pendingTaskStates(pending, unpulled));
            if (id === undefined) {
                const list = workplanList(ev);
                const result = commandResult(ev.verification.findings, fail);
                return { text: () => list.text(ctx.style), json: () => ({ ...list.json, result }), problems: result.exit === 1 };
            }
            const wp = ev.graph.workplans.find((w) => w.id === id);
            if (!wp) {
                const broken = db.prepare(`SELECT path FROM files WHERE kind = 'workplan' AND record_id = ? AND state != 'ok' ORDER BY path LIMIT 1`).pluck().get(id);
                if (broken)
                    throw new UsageError(`workplan '${id}' (${broken}) has errors and is not loaded; run 'fleethub validate' to see them`);
                const known = ev.graph.workplans.map((w) => w.id);
                throw new UsageError(`no workplan '${id}'${known.length > 0 ? `; known: ${known.join(', ')}` : ''}`);
            }
            const findings = run.findings.filter((f) => f.file === wp.file);
            const detail = workplanDetail(wp, ev, findings);
            const result = commandResult(findings, fail);
            return { text: () => detail.text(ctx.style), json: () => ({ ...detail.json, result }), problems: result.exit === 1 };
        }
        finally {
            db.close();
        }
    },
};
//# sourceMappingURL=workplan.js.map
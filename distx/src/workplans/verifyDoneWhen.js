import { hintFor } from '../records/hints.js';
export function verifyDoneWhen(tasks, results) {
    const out = new Map();
    const findings = [];
    for (const t of tasks) {
        const checks = t.doneWhen.map((id) => {
            const r = results.get(id);
            return { id, outcome: r ? r.status : 'not-run', message: r ? r.message : 'did not run' };
        });
        const verdict = checks.length === 0 ? 'none' : checks.some((c) => c.outcome === 'fail') ? 'fail' : checks.every((c) => c.outcome === 'pass') ? 'pass' : 'unknown';
        out.set(t.key, { key: t.key, verdict, checks });
        if (verdict === 'fail' && t.state === 'done') {
            const failed = checks.filter((c) => c.outcome === 'fail');
            findings.push({
                code: 'done-not-verified',
                severity: 'error',
                hint: taskHint('done-not-verified', t, failed.map((c) => c.id)),
                kind: 'task',
                id: t.key,
                file: t.file,
                line: t.line,
                col: t.col,
                message: `task ${t.key} is ticked done, but its done-when check${failed.length === 1 ? '' : 's'} ${failed.map((c) => `${c.id} (${c.message})`).join(', ')} fail${failed.length === 1 ? 's' : ''}; finish the work or reopen the task`,
            });
        }
        else if (verdict === 'pass' && (t.state === 'todo' || t.state === 'doing' || t.state === 'blocked')) {
            findings.push({
                code: 'verified-not-ticked',
                severity: 'warning',
                hint: taskHint('verified-not-ticked', t, []),
                kind: 'task',
                id: t.key,
                file: t.file,
                line: t.line,
                col: t.col,
                message: `task ${t.key} is ${t.state}, but every done-when check passes (${checks.map((c) => c.id).join(', ')}); tick it done: fleethub task done ${t.workplan} ${t.id}`,
            });
        }
    }
    return { tasks: out, findings };
}
/** The code's hint, with the task's workplan and id and the failing checks filled in. */
function taskHint(code, t, failing) {
    return hintFor(code).replace('<workplan> <task>', `${t.workplan} ${t.id}`).replace('<id>', failing.join(' '));
}
//# sourceMappingURL=verifyDoneWhen.js.map
export function relayOutcome(attempt, ids, style) {
    const one = ids.length === 1;
    const what = one ? `event ${ids[0]}` : `${ids.length} events`;
    if (attempt === null)
        return { lines: [style.dim(`  queued in the outbox (${what}); 'fleethub relay' sends ${one ? 'it' : 'them'}`)], json: { state: 'pending', reason: 'queued' }, problem: false };
    if (!attempt.ok) {
        const lines = [`  ${attempt.later ? style.yellow('pending') : style.red('pending')}: ${attempt.error.message}`];
        if (attempt.later)
            lines.push(style.dim(`  ${what} ${one ? 'waits' : 'wait'} in the outbox; 'fleethub relay' (or the next change) sends ${one ? 'it' : 'them'}`));
        else
            lines.push(style.dim(`  ${what} ${one ? 'is' : 'are'} safe in the outbox (do not record ${one ? 'it' : 'them'} again); once that is fixed, 'fleethub relay' sends ${one ? 'it' : 'them'}`));
        return { lines, json: { state: 'pending', reason: attempt.error.code, message: attempt.error.message }, problem: !attempt.later };
    }
    const r = attempt.report;
    const dead = r.dead.find((d) => ids.includes(d.id));
    if (dead)
        return { lines: [style.red(`  cannot land: ${dead.reason}`), style.dim(`  kept as a dead letter: fleethub outbox show ${dead.id}`)], json: { state: 'dead', code: dead.code, reason: dead.reason }, problem: true };
    const others = r.applied + r.landed - ids.length;
    const more = others > 0 ? ` (with ${others} earlier event${others === 1 ? '' : 's'})` : '';
    if (r.target === 'working-tree')
        return { lines: [], json: { state: 'applied', target: 'working-tree', written: r.written }, problem: false };
    // Status events that changed nothing upstream (it had them, or another reconcile superseded them meanwhile) make no commit.
    if (r.commits.length === 0)
        return { lines: [style.dim(`  nothing to commit: ${r.url} ${r.branch} has these changes already, or another reconcile changed status/ meanwhile (the next run evaluates on top of it)`)], json: { state: 'applied', target: 'upstream', url: r.url, branch: r.branch, commits: [] }, problem: false };
    const commit = r.commits.at(-1)?.slice(0, 10) ?? '';
    return { lines: [style.dim(`  relayed to ${r.url} ${r.branch} in ${commit}${more}; git pull to see it here`)], json: { state: 'applied', target: 'upstream', url: r.url, branch: r.branch, commits: r.commits }, problem: false };
}
//# sourceMappingURL=relayOutcome.js.map
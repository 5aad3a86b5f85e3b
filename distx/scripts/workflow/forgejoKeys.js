const STEP = { name: null, id: null, if: null, uses: null, with: null, run: null, shell: null, env: null, 'working-directory': null, 'continue-on-error': null, 'timeout-minutes': null };
const CONTAINER = { image: null, credentials: null, env: null, ports: null, volumes: null, options: null };
const JOB = {
    name: null,
    'runs-on': null,
    needs: null,
    if: null,
    env: null,
    defaults: null,
    container: CONTAINER,
    services: null,
    strategy: { matrix: null, 'fail-fast': null, 'max-parallel': null },
    outputs: null,
    'timeout-minutes': null,
    'continue-on-error': null,
    steps: 'list',
    uses: null,
    with: null,
    secrets: null,
};
/** The events a workflow may be triggered on (`on:`), each with its free-form parameters. */
export const EVENTS = ['push', 'pull_request', 'pull_request_target', 'schedule', 'workflow_dispatch', 'workflow_call', 'issues', 'issue_comment', 'release', 'create', 'delete', 'fork', 'label', 'milestone', 'pull_request_review', 'pull_request_review_comment', 'registry', 'wiki'];
export const WORKFLOW_KEYS = {
    name: null,
    'run-name': null,
    on: null,
    env: null,
    defaults: null,
    concurrency: { group: null, 'cancel-in-progress': null },
    'enable-email-notifications': null,
    'enable-openid-connect': null,
    jobs: null,
};
export const JOB_KEYS = JOB;
export const STEP_KEYS = STEP;
/** Where a key is that Forgejo does not support (`/jobs/probe/permissions`), for every such key in the workflow. */
export function unsupportedKeys(workflow) {
    const out = [];
    const check = (value, spec, at) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            return;
        for (const [key, v] of Object.entries(value)) {
            if (!(key in spec)) {
                out.push(`${at}/${key}`);
                continue;
            }
            const sub = spec[key];
            if (sub && sub !== 'list')
                check(v, sub, `${at}/${key}`);
        }
    };
    check(workflow, WORKFLOW_KEYS, '');
    const w = workflow;
    const on = typeof w.on === 'string' ? [w.on] : Array.isArray(w.on) ? w.on : w.on && typeof w.on === 'object' ? Object.keys(w.on) : [];
    for (const e of on)
        if (!EVENTS.includes(String(e)))
            out.push(`/on/${String(e)}`);
    for (const [id, job] of Object.entries(w.jobs ?? {})) {
        check(job, JOB, `/jobs/${id}`);
        const steps = job.steps;
        if (Array.isArray(steps))
            steps.forEach((s, i) => check(s, STEP, `/jobs/${id}/steps/${i}`));
    }
    return out;
}
//# sourceMappingURL=forgejoKeys.js.map
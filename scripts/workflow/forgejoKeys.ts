/**
 * The workflow keys Forgejo Actions supports, from its workflow reference
 * (forgejo.org/docs/latest/user/actions/reference: name, on, env, defaults,
 * concurrency since Forgejo 14, jobs, and each job's and step's keys). Keys
 * Forgejo ignores are left out on purpose, so a workflow that uses one fails
 * the check: `permissions` (the automatic token's rights are fixed),
 * job-level `concurrency` (workflow level only), `environment`, and other
 * GitHub-only keys. A `null` entry's value is free-form (a map of names the
 * user chooses: env, with, matrix, inputs, outputs).
 */
export type KeySpec = { readonly [key: string]: KeySpec | null | 'list' };

const STEP: KeySpec = { name: null, id: null, if: null, uses: null, with: null, run: null, shell: null, env: null, 'working-directory': null, 'continue-on-error': null, 'timeout-minutes': null };

const CONTAINER: KeySpec = { image: null, credentials: null, env: null, ports: null, volumes: null, options: null };

const JOB: KeySpec = {
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
export const EVENTS = ['push', 'pull_request', 'pull_request_target', 'schedule', 'workflow_dispatch', 'workflow_call', 'issues', 'issue_comment', 'release', 'create', 'delete', 'fork', 'label', 'milestone', 'pull_request_review', 'pull_request_review_comment', 'registry', 'wiki'] as const;

export const WORKFLOW_KEYS: KeySpec = {
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
export function unsupportedKeys(workflow: unknown): string[] {
  const out: string[] = [];
  const check = (value: unknown, spec: KeySpec, at: string): void => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const [key, v] of Object.entries(value)) {
      if (!(key in spec)) {
        out.push(`${at}/${key}`);
        continue;
      }
      const sub = spec[key];
      if (sub && sub !== 'list') check(v, sub, `${at}/${key}`);
    }
  };
  check(workflow, WORKFLOW_KEYS, '');
  const w = workflow as { on?: unknown; jobs?: Record<string, unknown> };
  const on = typeof w.on === 'string' ? [w.on] : Array.isArray(w.on) ? w.on : w.on && typeof w.on === 'object' ? Object.keys(w.on) : [];
  for (const e of on) if (!(EVENTS as readonly string[]).includes(String(e))) out.push(`/on/${String(e)}`);
  for (const [id, job] of Object.entries(w.jobs ?? {})) {
    check(job, JOB, `/jobs/${id}`);
    const steps = (job as { steps?: unknown }).steps;
    if (Array.isArray(steps)) steps.forEach((s, i) => check(s, STEP, `/jobs/${id}/steps/${i}`));
  }
  return out;
}

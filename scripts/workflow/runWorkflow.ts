/**
 * A local runner for fleethub's Forgejo Actions workflows: runs a workflow's
 * jobs for one event — each job (each matrix combination) in its own
 * temporary clone of the repository, its `run:` steps with bash as Forgejo's
 * runner does (`bash --noprofile --norc -eo pipefail`), with the environment
 * Forgejo sets (GITHUB_* and FORGEJO_*: event, event payload, repository,
 * server URL, ref, sha, base and head refs; the token as secrets.GITHUB_TOKEN)
 * — against a loopback Git server and a loopback stand-in of the Forgejo API.
 * The actions the workflows use are done here: checkout (a clone with the
 * token as an extra header, `fetch-depth`), Forgejo's upload-artifact and
 * download-artifact (files in the run's artifact directory, handed from the
 * matrix jobs to the fan-in job). Any other action, an unsupported key or
 * expression is an error, never skipped. Jobs run when their `needs` are
 * done; independent jobs and matrix entries run at the same time.
 * The job's `container:` is not started: the steps run on this machine
 * (Node 20, git, bash). npm runs offline (npm_config_offline) and runs no
 * install scripts (a local fleethub is built already), with a global prefix
 * inside the job's temporary directory, so `npm install --global` of a local
 * fleethub works as it does in the container.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { condition, interpolate, type ExpressionContext } from './evaluateExpression.js';
import { unsupportedKeys } from './forgejoKeys.js';

export const CHECKOUT = /^https:\/\/code\.forgejo\.org\/actions\/checkout@v4$/;
export const UPLOAD = /^https:\/\/code\.forgejo\.org\/forgejo\/upload-artifact@v4$/;
export const DOWNLOAD = /^https:\/\/code\.forgejo\.org\/forgejo\/download-artifact@v4$/;

export interface RunWorkflowOptions {
  /** The workflow file. */
  workflow: string;
  event: { name: string; payload: Record<string, unknown> };
  /** The loopback Git server's clone URL of the repository. */
  gitUrl: string;
  /** The Forgejo API stand-in's URL (GITHUB_SERVER_URL). */
  serverUrl: string;
  /** owner/name. */
  repository: string;
  /** The branch the run is for (push, schedule, dispatch: the default branch; pull_request: the head branch). */
  branch: string;
  /** pull_request: the target branch. */
  baseBranch?: string;
  /** The automatic token. */
  token: string;
  vars?: Record<string, string>;
  runId?: number;
  /** Added to every step's environment (the runner machine's, not Forgejo's). */
  env?: Record<string, string>;
  /** Where the run's temporary directories go (default: the system's). */
  tmp?: string;
}

export interface StepResult {
  name: string;
  status: 'success' | 'failure' | 'skipped';
  /** The step's output as fleethub printed it (unmasked: tests check that the token is not in it). */
  output: string;
}

export interface JobResult {
  id: string;
  matrix: Record<string, unknown> | null;
  status: 'success' | 'failure' | 'skipped';
  steps: StepResult[];
}

export interface WorkflowRun {
  ok: boolean;
  jobs: JobResult[];
  /** The run's log, with the token masked (***), as Forgejo shows it. */
  log: string;
}

type Step = { name?: string; id?: string; if?: string; uses?: string; with?: Record<string, unknown>; run?: string; env?: Record<string, unknown>; 'working-directory'?: string; shell?: string; 'continue-on-error'?: boolean };
type Job = { 'runs-on'?: unknown; needs?: string | string[]; if?: string; env?: Record<string, unknown>; strategy?: { matrix?: Record<string, unknown[]>; 'fail-fast'?: boolean }; steps?: Step[] };
type Workflow = { name?: string; on?: unknown; env?: Record<string, unknown>; jobs?: Record<string, Job> };

export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRun> {
  const text = readFileSync(options.workflow, 'utf8');
  const wf = parseYaml(text) as Workflow;
  const bad = unsupportedKeys(wf);
  if (bad.length > 0) throw new Error(`${options.workflow}: keys Forgejo does not support: ${bad.join(', ')}`);
  if (!triggers(wf).includes(options.event.name)) throw new Error(`${options.workflow} does not run on ${options.event.name} (on: ${triggers(wf).join(', ')}): give --event ${triggers(wf).join(' or --event ')}`);
  const root = mkdtempSync(join(options.tmp ?? tmpdir(), 'fleethub-run-'));
  const artifacts = join(root, 'artifacts');
  mkdirSync(artifacts);
  const eventPath = join(root, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event.payload, null, 2));
  const logLines: string[] = [];
  const log = (line: string): void => void logLines.push(options.token ? line.split(options.token).join('***') : line);
  const results = new Map<string, JobResult[]>();
  const jobs = Object.entries(wf.jobs ?? {});
  const needsOf = (job: Job): string[] => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
  for (const [id, job] of jobs) for (const n of needsOf(job)) if (!wf.jobs?.[n]) throw new Error(`${options.workflow}: job ${id} needs ${n}, which is not a job`);
  const runId = options.runId ?? Math.floor(Math.random() * 1e6);
  const started = new Map<string, Promise<void>>();
  const start = (id: string): Promise<void> => {
    if (started.has(id)) return started.get(id)!;
    const job = wf.jobs![id]!;
    const p = (async () => {
      await Promise.all(needsOf(job).map(start));
      const needed = needsOf(job).flatMap((n) => results.get(n)!);
      const status = needed.every((r) => r.status === 'success') ? 'success' : 'failure';
      const needs = Object.fromEntries(needsOf(job).map((n) => [n, { result: results.get(n)!.every((r) => r.status === 'success') ? 'success' : 'failure', outputs: {} }]));
      const base = contexts(options, { eventPath, runId, job: id, needs, matrix: {}, env: {} });
      if (!condition(job.if, { contexts: base, status })) {
        log(`job ${id}: skipped (if: ${job.if ?? 'success()'})`);
        results.set(id, [{ id, matrix: null, status: 'skipped', steps: [] }]);
        return;
      }
      const combos = matrixOf(job);
      results.set(id, await Promise.all(combos.map((matrix) => runJob(options, { id, job, matrix, wf, eventPath, runId, needs, root, artifacts, log }))));
    })();
    started.set(id, p);
    return p;
  };
  try {
    await Promise.all(jobs.map(([id]) => start(id)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const all = jobs.flatMap(([id]) => results.get(id) ?? []);
  return { ok: all.every((j) => j.status !== 'failure'), jobs: all, log: logLines.join('\n') };
}

function triggers(wf: Workflow): string[] {
  const on = wf.on;
  return typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : on && typeof on === 'object' ? Object.keys(on) : [];
}

function matrixOf(job: Job): Array<Record<string, unknown> | null> {
  const m = job.strategy?.matrix;
  if (!m) return [null];
  let combos: Array<Record<string, unknown>> = [{}];
  for (const [key, values] of Object.entries(m)) {
    if (!Array.isArray(values)) throw new Error(`matrix.${key}: the local runner takes lists only (no include/exclude)`);
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  return combos;
}

interface JobRun {
  id: string;
  job: Job;
  matrix: Record<string, unknown> | null;
  wf: Workflow;
  eventPath: string;
  runId: number;
  needs: Record<string, unknown>;
  root: string;
  artifacts: string;
  log: (line: string) => void;
}

function contexts(options: RunWorkflowOptions, run: { eventPath: string; runId: number; job: string; needs: Record<string, unknown>; matrix: Record<string, unknown>; env: Record<string, string>; workspace?: string }): Record<string, unknown> {
  const pr = options.event.name === 'pull_request' || options.event.name === 'pull_request_target';
  const github = {
    event_name: options.event.name,
    event: options.event.payload,
    repository: options.repository,
    repository_owner: options.repository.split('/')[0],
    server_url: options.serverUrl,
    api_url: `${options.serverUrl}/api/v1`,
    ref: pr ? `refs/pull/${String((options.event.payload.pull_request as { number?: number } | undefined)?.number)}/head` : `refs/heads/${options.branch}`,
    ref_name: options.branch,
    base_ref: pr ? (options.baseBranch ?? '') : '',
    head_ref: pr ? options.branch : '',
    run_id: String(run.runId),
    run_number: String(run.runId),
    job: run.job,
    workspace: run.workspace ?? '',
    token: options.token,
    actor: 'fleethub-runner',
  };
  return { github, forgejo: github, env: run.env, secrets: { GITHUB_TOKEN: options.token, FORGEJO_TOKEN: options.token }, vars: options.vars ?? {}, matrix: run.matrix, needs: run.needs, runner: { os: 'Linux', temp: '' }, strategy: {} };
}

function evaluated(values: Record<string, unknown> | undefined, ctx: ExpressionContext): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx)]));
}

async function runJob(options: RunWorkflowOptions, run: JobRun): Promise<JobResult> {
  const label = run.matrix ? `${run.id} (${Object.values(run.matrix).join(', ')})` : run.id;
  const dir = mkdtempSync(join(run.root, `job-${run.id}-`));
  const workspace = join(dir, 'workspace');
  const home = join(dir, 'home');
  const prefix = join(dir, 'npm-global');
  const temp = join(dir, 'tmp');
  for (const d of [workspace, home, prefix, temp]) mkdirSync(d, { recursive: true });
  let ctxContexts = contexts(options, { ...run, job: run.id, matrix: run.matrix ?? {}, env: {}, workspace });
  const at = (status: 'success' | 'failure'): ExpressionContext => ({ contexts: ctxContexts, status });
  const wfEnv = evaluated(run.wf.env, at('success'));
  ctxContexts = { ...ctxContexts, env: wfEnv };
  const jobEnv = { ...wfEnv, ...evaluated(run.job.env, at('success')) };
  ctxContexts = { ...ctxContexts, env: jobEnv };
  const github = ctxContexts.github as Record<string, string>;
  const forgejoEnv: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    FORGEJO_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: options.event.name,
    GITHUB_EVENT_PATH: run.eventPath,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_REPOSITORY_OWNER: github.repository_owner!,
    GITHUB_SERVER_URL: options.serverUrl,
    GITHUB_API_URL: github.api_url!,
    GITHUB_REF: github.ref!,
    GITHUB_REF_NAME: github.ref_name!,
    GITHUB_BASE_REF: github.base_ref!,
    GITHUB_HEAD_REF: github.head_ref!,
    GITHUB_RUN_ID: github.run_id!,
    GITHUB_RUN_NUMBER: github.run_number!,
    GITHUB_JOB: run.id,
    GITHUB_ACTOR: github.actor!,
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: temp,
  };
  for (const [k, v] of Object.entries({ ...forgejoEnv })) if (k.startsWith('GITHUB_')) forgejoEnv[`FORGEJO_${k.slice('GITHUB_'.length)}`] = v;
  const machine: Record<string, string> = {
    PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: home,
    LANG: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'forgejo-runner',
    GIT_AUTHOR_EMAIL: 'runner@localhost',
    GIT_COMMITTER_NAME: 'forgejo-runner',
    GIT_COMMITTER_EMAIL: 'runner@localhost',
    npm_config_prefix: prefix,
    npm_config_cache: join(home, '.npm'),
    npm_config_offline: 'true',
    // Nothing to build offline, and a local fleethub is built already: its prepare script must not rebuild the checkout the tests run from.
    npm_config_ignore_scripts: 'true',
    npm_config_update_notifier: 'false',
    ...(options.env ?? {}),
  };
  const steps: StepResult[] = [];
  let status: 'success' | 'failure' = 'success';
  let added: Record<string, string> = {};
  for (const [n, step] of (run.job.steps ?? []).entries()) {
    const name = step.name ?? step.uses ?? step.run?.split('\n')[0] ?? `step ${n + 1}`;
    if (!condition(step.if, at(status))) {
      steps.push({ name, status: 'skipped', output: '' });
      run.log(`${label}: skip ${name}`);
      continue;
    }
    const stepEnv = { ...jobEnv, ...evaluated(step.env, at(status)) };
    ctxContexts = { ...ctxContexts, env: stepEnv };
    const env = { ...machine, ...added, ...stepEnv, ...forgejoEnv };
    env.PATH = `${added.PATH ? `${added.PATH}:` : ''}${machine.PATH}`;
    let result: { ok: boolean; output: string };
    try {
      if (step.uses !== undefined) result = await action(step, evaluated(step.with, at(status)), { options, workspace, artifacts: run.artifacts, env });
      else if (step.run !== undefined) {
        const files = { GITHUB_ENV: join(temp, `env-${n}`), GITHUB_PATH: join(temp, `path-${n}`), GITHUB_OUTPUT: join(temp, `output-${n}`), GITHUB_STEP_SUMMARY: join(temp, `summary-${n}`) };
        for (const f of Object.values(files)) writeFileSync(f, '');
        const cwd = step['working-directory'] ? resolve(workspace, interpolate(step['working-directory'], at(status))) : workspace;
        result = await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', interpolate(step.run, at(status))], { cwd, env: { ...env, ...files } });
        added = { ...added, ...readEnvFile(files.GITHUB_ENV) };
        const paths = readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean);
        if (paths.length > 0) added.PATH = [...paths.reverse(), ...(added.PATH ? [added.PATH] : [])].join(':');
      } else throw new Error(`step ${n + 1} of job ${run.id} has neither run nor uses`);
    } catch (e) {
      result = { ok: false, output: `runner: ${(e as Error).message}` };
    }
    run.log(`${label}: ${result.ok ? 'ok' : 'FAILED'} ${name}`);
    for (const l of result.output.trimEnd().split('\n')) if (l) run.log(`${label}:   ${l}`);
    steps.push({ name, status: result.ok ? 'success' : 'failure', output: result.output });
    if (!result.ok && !step['continue-on-error']) status = 'failure';
  }
  return { id: run.id, matrix: run.matrix, status, steps };
}

async function action(step: Step, inputs: Record<string, string>, at: { options: RunWorkflowOptions; workspace: string; artifacts: string; env: Record<string, string> }): Promise<{ ok: boolean; output: string }> {
  const uses = step.uses!;
  if (CHECKOUT.test(uses)) {
    const depth = Number(inputs['fetch-depth'] ?? '1');
    const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${at.options.token}`).toString('base64')}`;
    const git = (args: string[]) => exec('git', args, { cwd: at.workspace, env: at.env });
    const clone = await git(['-c', `http.extraHeader=${header}`, 'clone', '--quiet', ...(depth > 0 ? ['--depth', String(depth), '--no-single-branch'] : []), at.options.gitUrl, '.']);
    if (!clone.ok) return clone;
    // Like actions/checkout: the credentials stay in the clone's config (persist-credentials), the URL stays clean.
    const persist = await git(['config', `http.${at.options.gitUrl}.extraheader`, header]);
    if (!persist.ok) return persist;
    const pr = at.options.event.name === 'pull_request';
    const co = await git(pr ? ['checkout', '--quiet', '--detach', `origin/${at.options.branch}`] : ['checkout', '--quiet', at.options.branch]);
    return { ok: co.ok, output: `${clone.output}${co.output}checked out ${pr ? `origin/${at.options.branch} (detached)` : at.options.branch}${depth > 0 ? `, depth ${depth}` : ', full history'}\n` };
  }
  if (UPLOAD.test(uses)) {
    const name = inputs.name ?? 'artifact';
    const from = resolve(at.workspace, inputs.path ?? '');
    if (!existsSync(from)) return { ok: true, output: `warning: no files were found with the provided path: ${inputs.path}. No artifacts will be uploaded.\n` };
    const to = join(at.artifacts, name);
    if (existsSync(to)) return { ok: false, output: `an artifact named ${name} was uploaded already in this run\n` };
    mkdirSync(to, { recursive: true });
    cpSync(from, statSync(from).isDirectory() ? to : join(to, basename(from)), { recursive: true });
    return { ok: true, output: `uploaded artifact ${name}\n` };
  }
  if (DOWNLOAD.test(uses)) {
    const into = resolve(at.workspace, inputs.path ?? '.');
    const names = readdirSync(at.artifacts).filter((n) => (inputs.name ? n === inputs.name : inputs.pattern ? globMatch(inputs.pattern, n) : true)).sort();
    if (inputs.name && names.length === 0) return { ok: false, output: `no artifact named ${inputs.name}\n` };
    const merge = inputs['merge-multiple'] === 'true';
    for (const n of names) {
      const target = merge || inputs.name ? into : join(into, n);
      mkdirSync(target, { recursive: true });
      cpSync(join(at.artifacts, n), target, { recursive: true });
    }
    return { ok: true, output: `downloaded ${names.length} artifact${names.length === 1 ? '' : 's'}${names.length ? `: ${names.join(', ')}` : ''}\n` };
  }
  throw new Error(`the local runner does not know the action ${uses}`);
}

function globMatch(pattern: string, name: string): boolean {
  return new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(name);
}

function readEnvFile(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

function exec(cmd: string, args: string[], o: { cwd: string; env: Record<string, string> }): Promise<{ ok: boolean; output: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: o.cwd, env: o.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => out.push(b));
    child.on('error', (e) => done({ ok: false, output: `${cmd}: ${e.message}\n` }));
    child.on('close', (code) => done({ ok: code === 0, output: Buffer.concat(out).toString('utf8') + (code === 0 ? '' : `(exit ${code})\n`) }));
  });
}


/**
 * Runs one of fleethub's Forgejo Actions workflows locally, offline: the
 * fleet repository <dir> is pushed to a loopback Git server, a loopback
 * stand-in of the Forgejo API serves the pull request comments, and the
 * workflow's jobs run in temporary clones (scripts/workflow/runWorkflow.ts),
 * with fleethub installed from this checkout (vars.FLEETHUB_PACKAGE).
 *
 *   npm run -s build
 *   node dist/scripts/run-workflow.js <dir>/.forgejo/workflows/fleethub-reconcile.yml --repo <dir>
 *   node dist/scripts/run-workflow.js <dir>/.forgejo/workflows/fleethub-check.yml --repo <dir> --event pull_request --head <branch> [--base main] [--fork]
 *
 * Prints the run's log (the token masked) and the API requests the stand-in
 * recorded; exits 1 when a job failed.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptArgs } from './scriptArgs.js';
import { startGitServer } from './git-server/gitHttpServer.js';
import { runGit } from './git-server/runGit.js';
import { startForgejoApiStandIn } from './workflow/forgejoApiStandIn.js';
import { runWorkflow } from './workflow/runWorkflow.js';

const FLEETHUB = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const REPOSITORY = 'ops/fleet';

const USAGE = 'usage: run-workflow.js <workflow.yml> --repo <fleet dir> [--event schedule|workflow_dispatch|push|pull_request] [--head <branch>] [--base <branch>] [--fork]';
const { values, positionals } = scriptArgs(USAGE, { allowPositionals: true, options: { repo: { type: 'string' }, event: { type: 'string' }, head: { type: 'string' }, base: { type: 'string' }, fork: { type: 'boolean' } } });
const [workflow] = positionals;
if (!workflow || !values.repo) {
  console.error(USAGE);
  process.exit(2);
}
const event = values.event ?? 'schedule';
const base = values.base ?? 'main';
// A pull request needs the branch it proposes: one from the base onto itself would compare nothing and say so as if it meant it.
const wrong = !['schedule', 'workflow_dispatch', 'push', 'pull_request'].includes(event)
  ? `--event ${event}: not one of schedule, workflow_dispatch, push, pull_request`
  : event === 'pull_request' && !values.head
    ? '--event pull_request needs --head <branch>: the branch the pull request proposes (onto --base, default main)'
    : event === 'pull_request' && values.head === base
      ? `--head ${base} is the base branch: a pull request proposes another branch onto it`
      : event !== 'pull_request' && values.fork
        ? '--fork describes a pull request: give --event pull_request, or leave it out'
        : null;
if (wrong) {
  console.error(`run-workflow: ${wrong}\n${USAGE}`);
  process.exit(2);
}
const absent = !isKind(workflow, 'file') ? `no workflow file ${workflow}${workflowsIn(values.repo)}` : !isKind(values.repo, 'directory') ? `--repo ${values.repo}: no such directory` : null;
if (absent) {
  console.error(`run-workflow: ${absent}`);
  process.exit(2);
}
const token = randomBytes(20).toString('hex');
const git = await startGitServer({ token });
const api = await startForgejoApiStandIn({ repository: REPOSITORY, token });
// What the runner cannot do (a workflow that does not run on this event, an expression it does not know, a branch that is not there) is one line and exit 2, never a stack trace.
try {
  await run(workflow);
} catch (e) {
  console.error(`run-workflow: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
} finally {
  await api.close();
  await git.close();
}

async function run(workflow: string): Promise<void> {
  await git.createRepo('fleet');
  const auth = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  // The server runs in this process: git runs asynchronously, and its error (which repeats the arguments) is shown with the token masked.
  await runGit(['-c', `http.extraHeader=${auth}`, 'push', '--quiet', git.url('fleet'), '--all'], { cwd: values.repo }).catch((e: Error) => {
    throw new Error(e.message.split(Buffer.from(`x-access-token:${token}`).toString('base64')).join('***'));
  });
  const head = values.head ?? base;
  const shas = new Map<string, string>();
  for (const b of new Set([head, base])) {
    const sha = await runGit(['rev-parse', '--verify', '--quiet', `refs/heads/${b}`], { cwd: values.repo }).catch(() => null);
    if (sha === null) {
      const branches = (await runGit(['for-each-ref', '--format=%(refname:short)', 'refs/heads'], { cwd: values.repo })).split('\n').filter(Boolean);
      const flag = b === head && values.head !== undefined ? '--head' : '--base';
      throw new Error(`${values.repo} has no branch ${b}${branches.length > 0 ? ` (its branches: ${branches.join(', ')})` : ' (no commits yet)'}: give ${flag} <branch>${flag === '--base' ? ' (default main)' : ''}`);
    }
    shas.set(b, sha);
  }
  const sha = (branch: string): string => shas.get(branch)!;
  const payload: Record<string, unknown> =
    event === 'pull_request'
      ? { action: 'synchronize', number: 1, pull_request: { number: 1, head: { ref: head, sha: sha(head), repo: { full_name: values.fork ? 'someone/fleet' : REPOSITORY } }, base: { ref: base, sha: sha(base), repo: { full_name: REPOSITORY } } } }
      : { ref: `refs/heads/${base}`, repository: { full_name: REPOSITORY } };
  const result = await runWorkflow({ workflow, event: { name: event, payload }, gitUrl: git.url('fleet'), serverUrl: api.url, repository: REPOSITORY, branch: head, baseBranch: base, token, vars: { FLEETHUB_PACKAGE: FLEETHUB } });
  console.log(result.log);
  console.log(`\nForgejo API requests: ${api.requests.length === 0 ? 'none' : ''}`);
  for (const r of api.requests) console.log(`  ${r.method} ${r.path} → ${r.status}`);
  process.exitCode = result.ok ? 0 : 1;
}

function isKind(path: string, kind: 'file' | 'directory'): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return kind === 'file' ? stat?.isFile() === true : stat?.isDirectory() === true;
}

/** The workflows a fleet repository has, as the hint of a missing one. */
function workflowsIn(repo: string): string {
  const dir = join(repo, '.forgejo', 'workflows');
  const names = isKind(dir, 'directory') ? readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
  return names.length > 0 ? ` (the workflows of ${repo}: ${names.map((n) => join(dir, n)).join(', ')})` : ` (${dir} has no workflows)`;
}

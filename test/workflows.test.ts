/**
 * Every workflow file — this repository's and the ones `fleethub init`
 * scaffolds — parsed and checked: valid YAML, only keys Forgejo supports
 * (scripts/workflow/forgejoKeys.ts), every `uses:` a full https URL with a
 * pinned version, every `fleethub <cmd>` a command that exists
 * (`fleethub <cmd> --help` exits 0); and the repository's copies are what the
 * one source (templates/workflows/) renders.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { renderWorkflows } from '../src/cli/renderWorkflows.js';
import { readCommandSpecs } from '../src/cli/commandSpecs.js';
import { parseCommandLine } from '../src/cli/parseCommandLine.js';
import { unsupportedKeys } from '../scripts/workflow/forgejoKeys.js';
import { cli, removeDir, REPO, tempDir } from './helpers/fleet.js';

let scaffolded: string;
before(() => {
  scaffolded = join(tempDir('fleethub-init-wf-'), 'fleet');
  const r = cli(['init', scaffolded]);
  assert.equal(r.code, 0, r.stderr);
});
after(() => removeDir(join(scaffolded, '..')));

const files = (dir: string): Array<{ name: string; text: string }> => readdirSync(join(dir, '.forgejo/workflows')).sort().map((f) => ({ name: `${dir === REPO ? '' : 'init:'}${f}`, text: readFileSync(join(dir, '.forgejo/workflows', f), 'utf8') }));
const all = (): Array<{ name: string; text: string }> => [...files(REPO), ...files(scaffolded)];

type Step = { uses?: string; run?: string };
const steps = (wf: { jobs?: Record<string, { steps?: Step[] }> }): Step[] => Object.values(wf.jobs ?? {}).flatMap((j) => j.steps ?? []);

describe('workflow files', () => {
  it('the repository has the check, reconcile and ci workflows, and init scaffolds the check and reconcile ones', () => {
    assert.deepEqual(files(REPO).map((f) => f.name), ['ci.yml', 'fleethub-check.yml', 'fleethub-reconcile.yml']);
    assert.deepEqual(files(scaffolded).map((f) => f.name), ['init:fleethub-check.yml', 'init:fleethub-reconcile.yml']);
  });

  it('are valid YAML with only the keys Forgejo supports', () => {
    for (const f of all()) {
      const doc = parseDocument(f.text, { uniqueKeys: true });
      assert.deepEqual(doc.errors.map((e) => e.message), [], f.name);
      assert.deepEqual(unsupportedKeys(doc.toJS()), [], `${f.name}: keys Forgejo ignores or does not know`);
      assert.doesNotMatch(f.text, /permissions:|ubuntu-latest|GITHUB_STEP_SUMMARY|actions\/github-script/, `${f.name}: nothing GitHub-only`);
    }
  });

  it('the key check catches what Forgejo ignores: job-level permissions and concurrency, environment, an unknown event', () => {
    const wf = { on: { push: null, merge_group: null }, permissions: { contents: 'write' }, jobs: { a: { 'runs-on': 'docker', permissions: {}, concurrency: 'x', environment: 'prod', steps: [{ run: 'true', 'timeout-minute': 3 }] } } };
    assert.deepEqual(unsupportedKeys(wf).sort(), ['/jobs/a/concurrency', '/jobs/a/environment', '/jobs/a/permissions', '/jobs/a/steps/0/timeout-minute', '/on/merge_group', '/permissions']);
  });

  it('every uses: is a full https URL with a pinned version (a version tag or a commit), the artifacts through Forgejo’s fork', () => {
    for (const f of all()) {
      const uses = steps(parseDocument(f.text).toJS()).flatMap((s) => (s.uses ? [s.uses] : []));
      assert.ok(uses.length > 0, f.name);
      for (const u of uses) assert.match(u, /^https:\/\/[a-z0-9.-]+\/[\w.-]+\/[\w.-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/, `${f.name}: ${u}`);
      for (const u of uses.filter((x) => /artifact/.test(x))) assert.match(u, /^https:\/\/code\.forgejo\.org\/forgejo\/(upload|download)-artifact@/, `${f.name}: ${u}`);
    }
  });

  it('every fleethub <cmd> in a run: line exists: fleethub <cmd> --help exits 0', () => {
    const commands = new Set<string>();
    for (const f of all()) {
      for (const s of steps(parseDocument(f.text).toJS())) {
        for (const m of (s.run ?? '').matchAll(/(?:^|[\s;&|(])(?:fleethub|node bin\/fleethub\.js)\s+([a-z][\w-]*)/g)) commands.add(m[1]!);
      }
    }
    assert.deepEqual([...commands].sort(), ['comment', 'diff', 'probe', 'reconcile', 'validate']);
    for (const c of commands) assert.equal(cli([c, '--help']).code, 0, c);
    assert.notEqual(cli(['no-such-command', '--help']).code, 0, 'the check can fail');
  });

  it("every fleethub command line in a run: step parses with that command's options (no unknown option)", () => {
    const specs = readCommandSpecs()!;
    let lines = 0;
    for (const f of all()) {
      for (const s of steps(parseDocument(f.text).toJS())) {
        for (const m of (s.run ?? '').matchAll(/(?:^|&&\s*)fleethub\s+([^&|;>\n]+)/g)) {
          const words = [...m[1]!.replace(/\$\{\{[^}]*\}\}/g, '1').matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((w) => w[1] ?? w[2] ?? w[3]!);
          assert.doesNotThrow(() => parseCommandLine(words, specs), `${f.name}: fleethub ${words.join(' ')}`);
          lines++;
        }
      }
    }
    assert.ok(lines >= 10, `${lines} command lines checked`);
    assert.throws(() => parseCommandLine(['probe', '--shards', '1/3'], specs), /unknown option/i, 'the check can fail');
  });

  it('the scheduled workflow: full history, workflow-level concurrency, a probe matrix uploading artifacts, one fan-in that merges them and pushes', () => {
    for (const f of all().filter((x) => x.name.endsWith('fleethub-reconcile.yml'))) {
      const wf = parseDocument(f.text).toJS() as { on: Record<string, unknown>; concurrency: { group: string }; jobs: Record<string, { needs?: string; if?: string; strategy?: { matrix: { shard: number[] } }; steps: Array<Step & { with?: Record<string, unknown> }> }> };
      assert.ok('schedule' in wf.on && 'workflow_dispatch' in wf.on, f.name);
      assert.equal(wf.concurrency.group, 'fleethub-reconcile');
      const shards = wf.jobs.probe!.strategy!.matrix.shard;
      assert.deepEqual(shards, [1, 2, 3]);
      const probe = wf.jobs.probe!.steps.find((s) => s.run?.includes('fleethub probe'))!;
      assert.match(probe.run!, new RegExp(`--shard "\\$\\{\\{ matrix\\.shard \\}\\}/${shards.length}" --out`));
      for (const job of Object.values(wf.jobs)) assert.equal(job.steps[0]!.with?.['fetch-depth'], 0, `${f.name}: full history in every job`);
      assert.equal(wf.jobs.reconcile!.needs, 'probe');
      assert.match(wf.jobs.reconcile!.if!, /always\(\)/, 'the fan-in runs when a shard failed');
      assert.ok(wf.jobs.reconcile!.steps.some((s) => s.run?.includes('fleethub reconcile --observations observations/*.json --push')));
    }
  });

  it("this repository's fleethub workflows are what templates/workflows/ renders (npm run workflows), and init scaffolds the fleet rendering", () => {
    for (const w of renderWorkflows('repository')) assert.equal(readFileSync(join(REPO, w.path), 'utf8'), w.text, `${w.path} differs from its template: run npm run workflows`);
    for (const w of renderWorkflows('fleet')) assert.equal(readFileSync(join(scaffolded, w.path), 'utf8'), w.text, w.path);
    const [repo, fleet] = [renderWorkflows('repository'), renderWorkflows('fleet')];
    // The renderings differ only where they should: the install source, the trust root, the npm ci of this repository, the drift check's --fail-on, --allow-remote, the header,
    // and the lease-signing key (the demo key here; a fleet's from its secret, written by a step of its own).
    const strip = (t: string) => t.replace(/ --allow-remote/g, '').replace(/ +- name: The lease-signing key[\s\S]*?KEY: \$\{\{ secrets\.FLEETHUB_ORCHESTRATOR_KEY \}\}\n/, '').replace(/ +FLEETHUB_ORCHESTRATOR_KEY: test\/fixtures\/keys\/orchestrator-2026a\.key\n/, '').split('\n').filter((l) => !/^#|FLEETHUB_PACKAGE:|FLEETHUB_TRUST_ROOT:|npm ci|reconcile --check --fail-on (none|error)$/.test(l)).join('\n');
    for (let i = 0; i < repo.length; i++) assert.equal(strip(repo[i]!.text), strip(fleet[i]!.text), repo[i]!.path);
  });
});

describe('the local runner (scripts/run-workflow)', () => {
  it('a workflow that does not run on the event given (or the default, schedule), a pull request without its branch, an unknown event: one line naming what to give, exit 2, no stack trace', () => {
    const dir = tempDir('fleethub-run-workflow-');
    try {
      mkdirSync(join(dir, '.forgejo/workflows'), { recursive: true });
      copyFileSync(join(REPO, '.forgejo/workflows/fleethub-check.yml'), join(dir, '.forgejo/workflows/fleethub-check.yml'));
      const git = (...args: string[]): void => void spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir, encoding: 'utf8' });
      git('init', '-q', '-b', 'main');
      git('add', '-A');
      git('commit', '-qm', 'workflow');
      const r = spawnSync(process.execPath, [join(REPO, 'dist/scripts/run-workflow.js'), '.forgejo/workflows/fleethub-check.yml', '--repo', dir], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.equal(r.stderr, 'run-workflow: .forgejo/workflows/fleethub-check.yml does not run on schedule (on: push, pull_request): give --event push or --event pull_request\n');
      const usage = (...args: string[]): string => {
        const u = spawnSync(process.execPath, [join(REPO, 'dist/scripts/run-workflow.js'), '.forgejo/workflows/fleethub-check.yml', '--repo', dir, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
        assert.equal(u.status, 2, u.stdout + u.stderr);
        assert.doesNotMatch(u.stderr, /\n\s+at /, 'no stack trace');
        return u.stderr.split('\n')[0]!;
      };
      assert.equal(usage('--event', 'pull_request'), 'run-workflow: --event pull_request needs --head <branch>: the branch the pull request proposes (onto --base, default main)');
      assert.equal(usage('--event', 'pull_request', '--head', 'main'), 'run-workflow: --head main is the base branch: a pull request proposes another branch onto it');
      assert.equal(usage('--event', 'pull-request'), 'run-workflow: --event pull-request: not one of schedule, workflow_dispatch, push, pull_request');
      assert.equal(usage('--event', 'push', '--fork'), 'run-workflow: --fork describes a pull request: give --event pull_request, or leave it out');
      const missing = spawnSync(process.execPath, [join(REPO, 'dist/scripts/run-workflow.js'), 'nope.yml', '--repo', dir], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.deepEqual([missing.status, missing.stderr], [2, `run-workflow: no workflow file nope.yml (the workflows of ${dir}: ${join(dir, '.forgejo/workflows/fleethub-check.yml')})\n`]);
      const noRepo = spawnSync(process.execPath, [join(REPO, 'dist/scripts/run-workflow.js'), '.forgejo/workflows/fleethub-check.yml', '--repo', join(dir, 'nope')], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.deepEqual([noRepo.status, noRepo.stderr], [2, `run-workflow: --repo ${join(dir, 'nope')}: no such directory\n`]);
      git('branch', '-m', 'main', 'master');
      const master = spawnSync(process.execPath, [join(REPO, 'dist/scripts/run-workflow.js'), '.forgejo/workflows/fleethub-check.yml', '--repo', dir, '--event', 'push'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.deepEqual([master.status, master.stderr], [2, `run-workflow: ${dir} has no branch main (its branches: master): give --base <branch> (default main)\n`]);
    } finally {
      removeDir(dir);
    }
  });
});

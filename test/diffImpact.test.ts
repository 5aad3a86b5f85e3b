/**
 * The impact `fleethub diff` reports, on histories built with the git CLI:
 * both revisions evaluated offline (the reconcile steps every command runs)
 * from Git objects, and the findings the change introduces and resolves,
 * matched by code and record. One test per impact issue 14 lists, renames,
 * an old revision that today's schema rejects (a finding of it, not a crash),
 * --fail-on, and a working tree and index left as they were.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cliInProcess, fleetMaker, node, workload, writeFile } from './helpers/fleet.js';
import { gitHistory } from './helpers/gitHistory.js';
import { REVIEW_CODES } from './helpers/reviewCodes.js';
import { pathsToRefresh, refreshPlan } from '../src/cli/evaluateSide.js';
import { sideRunner, THREAD_THRESHOLD } from '../src/cli/startSideWorker.js';

const maker = fleetMaker();
after(maker.cleanup);
const { git, history, commit } = gitHistory(maker.fleet);

interface FindingJson {
  code: string;
  severity: string;
  record: string;
  file: string;
  line: number;
  column: number;
  message: string;
  hint: string;
}
interface Impact {
  introduced: FindingJson[];
  resolved: FindingJson[];
  findings: { from: number; to: number };
  topology: { nodes: Array<{ id: string; change: string | null }>; tunnels: Array<{ id: string; before: string[]; after: string[] }> };
}
interface DiffJson {
  records: Array<{ kind: string; id: string; change: string; fromId?: string }>;
  impact: Impact;
  result: { exit: number; reasons: string[]; failOn: string };
}

const produced = new Set<string>();
after(() => assert.deepEqual(REVIEW_CODES.filter((c) => !produced.has(c)), [], 'every code only diff reports is produced here'));

async function diffJson(dir: string, ...args: string[]): Promise<DiffJson> {
  const r = await cliInProcess(['diff', ...args, '--format', 'json'], { cwd: dir });
  assert.ok(r.code === 0 || r.code === 1, r.stderr + r.stdout);
  const d = r.json<DiffJson>();
  assert.equal(r.code, d.result.exit);
  for (const f of d.impact.introduced) produced.add(f.code);
  for (const f of d.impact.resolved) produced.add(f.code);
  return d;
}

const codes = (fs: FindingJson[]): string[] => fs.map((f) => `${f.code} ${f.record}`);
/** An untracked symlink under registry/ (not a regular file): the working tree can be laid over neither as committed nor as it stands, so diff keeps materialised copies of both sides. */
const UNLAYABLE = join('registry', 'nodes', 'link.txt');
const unlayable = (dir: string): void => symlinkSync('n1.md', join(dir, UNLAYABLE));
const freeze = (host: string, since: string): string => `kind: freeze\ntitle: Freeze\nfrozen:\n  - host: ${host}\n    since: '${since}'\n    reason: maintenance\n`;
/** Two nodes, n2 frozen since 2020, and web on n1: moving web to n2 is a freeze violation. */
const WEB_ON_N1 = { 'registry/nodes/n1.md': node('n1'), 'registry/nodes/n2.md': node('n2'), 'registry/workloads/web.md': workload('web', 'host: n1\n'), 'policies/freeze.yaml': freeze('n2', '2020-01-01') };

/** The files a review directory holds (its own .fleethub/ left out), sorted. */
function filesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.fleethub') continue;
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else out.push(`${rel}${e.name}`);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** The diff's impact as fresh directories give it: the kept ones held by a live process (this one), so the diff works in a temporary directory of its own. */
async function impactInFreshDirectories(dir: string, range: string): Promise<Impact> {
  const lock = join(dir, '.fleethub', 'review', 'lock');
  writeFileSync(lock, String(process.pid));
  try {
    return (await diffJson(dir, range)).impact;
  } finally {
    rmSync(lock);
  }
}

test('a workload moved onto a frozen host: a freeze violation introduced (from the later revision’s history), resolved the other way round', async () => {
  const dir = history(WEB_ON_N1);
  commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\n') });
  const d = await diffJson(dir, 'HEAD~1..HEAD');
  assert.deepEqual(codes(d.impact.introduced), ['freeze-violation workload:web']);
  const v = d.impact.introduced[0]!;
  assert.deepEqual([v.severity, v.file, v.line], ['error', 'registry/workloads/web.md', 4]);
  assert.deepEqual(d.impact.resolved, []);
  assert.deepEqual(codes((await diffJson(dir, 'HEAD..HEAD~1')).impact.resolved), ['freeze-violation workload:web']);
  // In text, the finding carries its code's hint, as the JSON does (the step that made it set none).
  const text = await cliInProcess(['diff', 'HEAD~1..HEAD'], { cwd: dir, env: { NO_COLOR: '1' } });
  assert.ok(text.stdout.includes(`error[freeze-violation]`) && text.stdout.includes(`hint: ${v.hint}`), text.stdout);
  // --fail-on error: the change introduces an error; the reverse one does not.
  assert.equal((await cliInProcess(['diff', 'HEAD~1..HEAD', '--fail-on', 'error'], { cwd: dir })).code, 1);
  assert.equal((await cliInProcess(['diff', 'HEAD..HEAD~1', '--fail-on', 'error'], { cwd: dir })).code, 0);
  assert.equal((await cliInProcess(['diff', 'HEAD~1..HEAD'], { cwd: dir })).code, 0, 'without --fail-on diff only reports');
  const j = await diffJson(dir, 'HEAD~1..HEAD', '--fail-on', 'error', '--exit-code');
  assert.deepEqual(j.result, { exit: 1, reasons: ['findings', 'differs'], failOn: 'error' });
});

test('a critical path now through the workstation: introduced, with the tunnel and its nodes in the touched topology', async () => {
  const base = {
    'registry/nodes/ws.md': '---\ntitle: Workstation\nrole: workstation\n---\n',
    'registry/nodes/a.md': node('a'),
    'registry/nodes/b.md': node('b'),
    'registry/nodes/c.md': node('c'),
    'registry/workloads/link.md': workload('link', 'host: a\ncritical: true\n').replace('kind: service', 'kind: tunnel') + '',
  };
  const tunnel = (via: string[]): string => `---\ntitle: Link\nkind: tunnel\nhost: a\ncritical: true\nvia: [${via.join(', ')}]\n---\n`;
  const dir = history({ ...base, 'registry/workloads/link.md': tunnel(['a', 'b', 'c']) });
  commit(dir, { 'registry/workloads/link.md': tunnel(['a', 'ws', 'c']) });
  const d = await diffJson(dir, 'HEAD~1..HEAD');
  assert.deepEqual(codes(d.impact.introduced), ['critical-path-via-forbidden-role workload:link']);
  assert.deepEqual(d.impact.topology.tunnels, [{ id: 'link', change: 'changed', before: ['a', 'b', 'c'], after: ['a', 'ws', 'c'] }]);
  assert.deepEqual(d.impact.topology.nodes.map((n) => n.id), ['a', 'b', 'c', 'ws']);
  const md = await cliInProcess(['diff', 'HEAD~1..HEAD', '--format', 'md'], { cwd: dir });
  assert.match(md.stdout, /^\| error \| `critical-path-via-forbidden-role` \| `workload:link` \| `registry\/workloads\/link\.md:\d+:\d+` \| .+ \|$/m);
  assert.match(md.stdout, /```mermaid\nflowchart LR\n/);
  assert.match(md.stdout, /n_a -->\|link · changed\| n_ws\n {2}n_ws -->\|link · changed\| n_c\n {2}n_a -.->\|link · before\| n_b\n {2}n_b -.->\|link · before\| n_c\n```/);
  assert.ok(md.stdout.indexOf('### Introduced findings') < md.stdout.indexOf('### workload (1)'), 'introduced findings come first');
  assert.equal((await cliInProcess(['diff', 'HEAD~1..HEAD', '--format', 'md'], { cwd: dir })).stdout, md.stdout, 'the same bytes on a second run (from what .fleethub/review/ holds)');
});

test('an intent whose version went down and whose target widened', async () => {
  const intent = (version: number, nodes: string[]): string =>
    `---\ntitle: Update\nkind: update\nversion: ${version}\nexpires: '2099-01-01'\ntarget:\n  nodes: [${nodes.join(', ')}]\nartifact:\n  name: agent\n  version: 1.0.0\n  digest: 'sha256:${'a'.repeat(64)}'\nstrategy:\n  type: rolling\ncontrol: run\n---\n`;
  const dir = history({ 'registry/nodes/n1.md': node('n1'), 'registry/nodes/n2.md': node('n2'), 'registry/nodes/n3.md': node('n3'), 'registry/intents/up.md': intent(3, ['n1']) });
  commit(dir, { 'registry/intents/up.md': intent(2, ['n1', 'n2', 'n3']) });
  const d = await diffJson(dir, 'HEAD~1..HEAD');
  const step = d.impact.introduced.filter((f) => f.code.startsWith('intent-version') || f.code === 'intent-target-widened');
  assert.deepEqual(
    step.map((f) => [f.code, f.severity, f.record, f.line, f.message]),
    [
      ['intent-version-lowered', 'error', 'intent:up', 4, "intent up's version went down from 3 to 2"],
      ['intent-target-widened', 'warning', 'intent:up', 7, 'intent up now targets 2 node(s) it did not before: n2, n3'],
    ],
  );
  const { from, to } = d.impact.findings;
  assert.equal(to, from + d.impact.introduced.length - d.impact.resolved.length, "the step's findings are the later revision's: its count has them");
  // The other way round, neither: a version going up and a target narrowing are what intents do.
  assert.deepEqual((await diffJson(dir, 'HEAD..HEAD~1')).impact.introduced.filter((f) => step.some((s) => s.code === f.code)), []);
});

test('a check that now fails', async () => {
  const checks = "kind: checks\ntitle: Checks\nchecks:\n  - id: nothing-on-n2\n    title: Nothing runs on n2\n    sql: SELECT id FROM workloads WHERE host = 'n2'\n    expect: { empty: true }\n";
  const dir = history({ 'registry/nodes/n1.md': node('n1'), 'registry/nodes/n2.md': node('n2'), 'registry/workloads/web.md': workload('web', 'host: n1\n'), 'policies/checks.yaml': checks });
  commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\n') });
  const d = await diffJson(dir, 'HEAD~1..HEAD');
  assert.deepEqual(codes(d.impact.introduced), ['check-failed check:nothing-on-n2']);
  assert.equal(d.impact.introduced[0]!.file, 'policies/checks.yaml');
});

test('a workplan task whose dependency was removed: the edge dropped, or the task it waited for deleted', async () => {
  const plan = (lines: string[]): string => `---\ntitle: Plan\nstatus: active\nowner: ops\n---\n\n${lines.join('\n')}\n`;
  const dir = history({ 'workplans/WP-1.md': plan(['- [ ] T01 First', '- [ ] T02 Second [depends:: T01]', '- [ ] T03 Third [depends:: T01]']) });
  commit(dir, { 'workplans/WP-1.md': plan(['- [ ] T01 First', '- [ ] T02 Second', '- [ ] T03 Third [depends:: T01]']) });
  const d = await diffJson(dir, 'HEAD~1..HEAD');
  assert.deepEqual(d.impact.introduced.map((f) => [f.code, f.record, f.line, f.column, f.message]), [['task-dependency-removed', 'task:WP-1/T02', 8, 7, 'task WP-1/T02 no longer depends on T01']]);
  commit(dir, { 'workplans/WP-1.md': plan(['- [ ] T02 Second', '- [ ] T03 Third [depends:: T01]']) });
  const gone = await diffJson(dir, 'HEAD~1..HEAD');
  assert.deepEqual(codes(gone.impact.introduced), ['unknown-reference task:WP-1/T03']);
});

test('a rename is a rename: the record renamed, its findings neither introduced nor resolved', async () => {
  const dir = history({ 'registry/nodes/n1.md': node('n1'), 'registry/workloads/web.md': workload('web', 'host: n1\ndepends_on: [missing]\n') });
  git(dir, 'mv', 'registry/workloads/web.md', 'registry/workloads/web-2.md');
  commit(dir, {});
  const d = await diffJson(dir, 'HEAD~1..HEAD');
  assert.deepEqual(d.records.map((r) => [r.change, r.fromId, r.id]), [['renamed', 'web', 'web-2']]);
  assert.deepEqual([d.impact.introduced, d.impact.resolved], [[], []]);
  assert.ok(d.impact.findings.from > 0 && d.impact.findings.from === d.impact.findings.to, 'the finding is there on both sides');
});

test('an old revision that fails today’s schema is a finding of that revision; one that cannot be evaluated at all is too, never a crash', async () => {
  const dir = history({ 'registry/nodes/n1.md': node('n1', 'colour: blue\n') });
  commit(dir, { 'registry/nodes/n1.md': node('n1') });
  const d = await diffJson(dir, 'HEAD~1..HEAD');
  assert.deepEqual(codes(d.impact.resolved), ['unknown-key node:n1']);
  assert.deepEqual(d.records.map((r) => r.change), ['changed']);
  // A revision whose ratchet does not parse cannot be evaluated: a finding of it, and the other side still is.
  const intent = `---\ntitle: Update\nkind: update\nversion: 1\nexpires: '2099-01-01'\ntarget:\n  nodes: [n1]\nartifact:\n  name: agent\n  version: 1.0.0\n  digest: 'sha256:${'a'.repeat(64)}'\nstrategy:\n  type: rolling\ncontrol: run\n---\n`;
  commit(dir, { 'registry/intents/up.md': intent, 'status/trust-ratchet.json': '{ not json' });
  commit(dir, { 'status/trust-ratchet.json': null });
  const r = await diffJson(dir, 'HEAD~1..HEAD');
  assert.deepEqual(codes(r.impact.resolved), ['revision-unevaluable status/trust-ratchet.json']);
  assert.match(r.impact.resolved[0]!.message, /^revision [0-9a-f]{12} cannot be evaluated: status\/trust-ratchet\.json cannot be read/);
  assert.ok(r.impact.findings.to > 0, 'the later revision is evaluated');
});

test('when neither revision can be evaluated (a pin that does not parse), that is the error, exit 2: never an empty impact', async () => {
  const intent = `---\ntitle: Update\nkind: update\nversion: 1\nexpires: '2099-01-01'\ntarget:\n  nodes: [n1]\nartifact:\n  name: agent\n  version: 1.0.0\n  digest: 'sha256:${'a'.repeat(64)}'\nstrategy:\n  type: rolling\ncontrol: run\n---\n`;
  const dir = history({ 'registry/nodes/n1.md': node('n1'), 'registry/intents/up.md': intent });
  commit(dir, { 'registry/nodes/n1.md': node('n1', 'site: b\n') });
  writeFileSync(join(dir, 'bad-pin.json'), '{ not json');
  const r = await cliInProcess(['diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: dir, env: { FLEETHUB_TRUST_ROOT: join(dir, 'bad-pin.json') } });
  assert.equal(r.code, 2, r.stdout);
  assert.equal(r.json<{ error: { code: string } }>().error.code, 'trust-pin-malformed');
});

test('the working tree, the index and .fleethub/ are as they were: a dirty tree and a staged change stay, nothing is left behind', async () => {
  const dir = history(WEB_ON_N1);
  commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\n') });
  writeFile(dir, 'registry/nodes/n1.md', node('n1', 'site: dirty\n'));
  writeFile(dir, 'registry/nodes/n3.md', node('n3'));
  git(dir, 'add', 'registry/nodes/n3.md');
  writeFileSync(join(dir, 'untracked.txt'), 'x');
  const status = git(dir, 'status', '--porcelain', '--untracked-files=all');
  const index = readFileSync(join(dir, '.git', 'index'));
  const state = (): string[] => readdirSync(join(dir, '.fleethub')).sort();
  await cliInProcess(['status'], { cwd: dir }); // .fleethub/ as a command leaves it
  const fleethub = state();
  const d = await diffJson(dir, 'HEAD~1..HEAD', '--fail-on', 'error');
  assert.equal(d.result.exit, 1);
  assert.deepEqual(readFileSync(join(dir, '.git', 'index')), index, 'the index file’s bytes');
  assert.equal(git(dir, 'status', '--porcelain', '--untracked-files=all'), status);
  assert.equal(readFileSync(join(dir, 'registry/nodes/n1.md'), 'utf8'), node('n1', 'site: dirty\n'));
  assert.deepEqual(state(), [...fleethub, 'review'].sort(), 'the review directory, and nothing else, added under .fleethub/');
  assert.deepEqual(readdirSync(join(dir, '.fleethub', 'review')).sort(), ['base', 'base.json', 'holds.json', 'tree'], 'the lock released, no temporary directory left');
});

test('.fleethub/review/ is kept between runs and written as a delta; a diff running meanwhile works in a directory of its own; a damaged one is rebuilt', async () => {
  const dir = history(WEB_ON_N1);
  commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\n') });
  unlayable(dir);
  const first = await diffJson(dir, 'HEAD~1..HEAD');
  const review = join(dir, '.fleethub', 'review');
  const readHolds = () => JSON.parse(readFileSync(join(review, 'holds.json'), 'utf8')) as { commit: string; paths: string[]; oids: string[] };
  const holds = readHolds();
  const webOid = holds.oids[holds.paths.indexOf('registry/workloads/web.md')];
  assert.equal(holds.commit, git(dir, 'rev-parse', 'HEAD').trim());
  assert.equal(webOid, git(dir, 'rev-parse', 'HEAD:registry/workloads/web.md').trim(), 'it holds the later revision');
  assert.equal(holds.paths.length, holds.oids.length);
  assert.equal(readFileSync(join(review, 'tree', 'registry/workloads/web.md'), 'utf8'), workload('web', 'host: n2\n'));
  // Reversed, from what it holds: the same findings, the other way round.
  assert.deepEqual(codes((await diffJson(dir, 'HEAD..HEAD~1')).impact.resolved), codes(first.impact.introduced));
  // Held by a live process (this one): a temporary directory, removed afterwards.
  writeFileSync(join(review, 'lock'), String(process.pid));
  assert.deepEqual(codes((await diffJson(dir, 'HEAD~1..HEAD')).impact.introduced), codes(first.impact.introduced));
  assert.deepEqual(readdirSync(review).sort(), ['base', 'base.json', 'holds.json', 'lock', 'tree']);
  // A lock left by a process that is gone is taken over; a tree whose record is missing (a crash) is written whole.
  writeFileSync(join(review, 'lock'), '999999999');
  writeFileSync(join(review, 'tree', 'registry/workloads/web.md'), 'garbage');
  rmSync(join(review, 'holds.json'));
  assert.deepEqual(codes((await diffJson(dir, 'HEAD~1..HEAD')).impact.introduced), codes(first.impact.introduced));
  assert.deepEqual(readdirSync(review).sort(), ['base', 'base.json', 'holds.json', 'tree']);
  // A record this version cannot read (the earlier form, files keyed by path; lists that do not pair up) is no record either.
  for (const unreadable of [{ commit: holds.commit, files: { 'registry/workloads/web.md': webOid } }, { commit: holds.commit, paths: holds.paths, oids: holds.oids.slice(1) }]) {
    writeFileSync(join(review, 'tree', 'registry/workloads/web.md'), 'garbage');
    writeFileSync(join(review, 'holds.json'), JSON.stringify(unreadable));
    assert.deepEqual(codes((await diffJson(dir, 'HEAD~1..HEAD')).impact.introduced), codes(first.impact.introduced), JSON.stringify(unreadable).slice(0, 80));
    assert.equal(readFileSync(join(review, 'tree', 'registry/workloads/web.md'), 'utf8'), workload('web', 'host: n2\n'), 'written whole again');
  }
  // The same files with the same blobs (in the order this run wrote them).
  const files = (r: { commit: string; paths: string[]; oids: string[] }) => ({ commit: r.commit, files: Object.fromEntries(r.paths.map((path, i) => [path, r.oids[i]])), count: r.oids.length });
  assert.deepEqual(files(readHolds()), files(holds), 'the record written again says what the first one said');
});

test('--records-only skips the impact; --fail-on needs it', async () => {
  const dir = history({ 'registry/nodes/n1.md': node('n1') });
  commit(dir, { 'registry/nodes/n1.md': node('n1', 'site: b\n') });
  const r = await cliInProcess(['diff', 'HEAD~1..HEAD', '--records-only', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json<{ impact: null }>().impact, null);
  const bad = await cliInProcess(['diff', 'HEAD~1..HEAD', '--records-only', '--fail-on', 'error'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--fail-on needs the impact/);
});

test('md: the same change gives the same bytes; a touched topology past Forgejo’s 5,000-character Mermaid limit becomes tables', async () => {
  const { renderFleetDiff, MERMAID_MAX_SOURCE } = await import('../src/report/renderFleetDiff.js');
  const range = { from: 'a'.repeat(40), to: 'b'.repeat(40), fromRevision: 'main', toRevision: 'HEAD' };
  const review = (n: number) => ({
    range,
    records: [],
    impact: {
      introduced: [],
      resolved: [],
      findings: { from: 0, to: 0 },
      topology: {
        nodes: Array.from({ length: n }, (_, i) => ({ id: `node-${String(i).padStart(3, '0')}`, role: 'edge', change: i === 0 ? ('changed' as const) : null })),
        tunnels: [{ id: 'long', change: 'changed' as const, before: [], after: Array.from({ length: n }, (_, i) => `node-${String(i).padStart(3, '0')}`) }],
      },
    },
  });
  const small = renderFleetDiff(review(4), 'md');
  assert.equal(small, renderFleetDiff(review(4), 'md'));
  assert.ok(small.startsWith('<!-- fleethub-diff -->\n'));
  const graph = /```mermaid\n([\s\S]*?)\n```/.exec(small)![1]!;
  assert.ok(graph.length <= MERMAID_MAX_SOURCE);
  assert.match(graph, /n_node_000\["node-000 · edge · changed"\]:::changed/);
  const big = renderFleetDiff(review(120), 'md');
  assert.doesNotMatch(big, /```mermaid/);
  assert.match(big, /would pass Forgejo's Mermaid limit of 5000; as tables:\n\n\| node \| role \| change \|/);
  assert.match(big, /^\| `long` \| changed \| — \| node-000 → node-001 → .* → node-119 \|$/m);
  assert.match(big, /^… and 70 more nodes \(`fleethub diff --format json` lists them all\)$/m);
  // At most 50 rows a table; the rest counted.
  const many = review(2);
  const finding = (i: number) => ({ code: 'check-failed' as const, severity: 'error' as const, kind: 'check', id: `c${String(i).padStart(2, '0')}`, file: 'policies/checks.yaml', line: i + 1, col: 5, message: `check ${i} fails` });
  many.impact.introduced = Array.from({ length: 60 }, (_, i) => finding(i)) as never[];
  const capped = renderFleetDiff(many, 'md');
  assert.equal(capped.split('\n').filter((l) => l.startsWith('| error | `check-failed`')).length, 50);
  assert.match(capped, /^### Introduced findings \(60\)$/m);
  assert.match(capped, /^… and 10 more findings \(`fleethub diff --format json` lists them all\)$/m);
});

test('materialiseRevision: a delta from what the directory holds gives the same files as writing the revision whole', async () => {
  const { openGitObjects } = await import('../src/repo/openGitObjects.js');
  const { materialiseRevision } = await import('../src/repo/materialiseRevision.js');
  const dir = history({ 'registry/nodes/n1.md': node('n1'), 'registry/nodes/sub/n2.md': node('n2'), 'status/modes.json': '{"nodes": {}}\n', 'policies/freeze.yaml': freeze('n1', '2020-01-01') });
  const a = git(dir, 'rev-parse', 'HEAD').trim();
  const b = commit(dir, { 'registry/nodes/sub/n2.md': null, 'registry/nodes/n3.md': node('n3'), 'status/modes.json': null, 'workplans/WP-1.md': '---\ntitle: P\nstatus: active\n---\n- [ ] T01 A\n' });
  const objects = await openGitObjects(dir);
  const list = (root: string): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (d: string, rel: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.name === '.fleethub') continue;
        if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
        else out[`${rel}${e.name}`] = readFileSync(join(d, e.name), 'utf8');
      }
    };
    walk(root, '');
    return out;
  };
  const fresh = async (c: string): Promise<Record<string, string>> => {
    const d = maker.tempDir();
    await materialiseRevision(objects, c, d);
    return list(d);
  };
  const work = maker.tempDir();
  const atA = await materialiseRevision(objects, a, work);
  assert.deepEqual(list(work), await fresh(a));
  const atB = await materialiseRevision(objects, b, work, atA.holds);
  assert.deepEqual([atB.written, atB.removed], [2, 2], 'n3 and WP-1 written, n2 and modes.json removed');
  assert.deepEqual(list(work), await fresh(b));
  assert.equal(list(work)['registry/nodes/n3.md'], node('n3'));
  await materialiseRevision(objects, a, work, atB.holds);
  assert.deepEqual(list(work), await fresh(a));
  // Holding a commit this repository does not have (a restored cache): compared file by file instead.
  const atUnknown = await materialiseRevision(objects, b, work, { commit: 'f'.repeat(40), files: atA.holds.files });
  assert.deepEqual([atUnknown.written, atUnknown.removed], [2, 2]);
  assert.deepEqual(list(work), await fresh(b));
});

test('security: a crafted tree whose entry names a path outside its directory is refused (exit 2, a clear error), nothing written outside .fleethub/review/', async () => {
  const dir = history({ 'registry/nodes/n1.md': node('n1') });
  const run = (args: string[], input?: Buffer): string => execFileSync('git', args, { cwd: dir, ...(input ? { input } : {}), env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } }).toString().trim();
  const blob = run(['hash-object', '-w', '--stdin'], Buffer.from(node('escape')));
  const tree = (entries: Array<[string, string, string]>): string =>
    run(['hash-object', '-w', '-t', 'tree', '--literally', '--stdin'], Buffer.concat(entries.map(([mode, name, oid]) => Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(oid, 'hex')]))));
  const nodes = tree([['100644', '../../../../escape.md', blob], ['100644', 'n1.md', run(['rev-parse', 'HEAD:registry/nodes/n1.md'])]]);
  const root = tree([['40000', 'registry', tree([['40000', 'nodes', nodes]])]]);
  run(['update-ref', 'refs/heads/evil', run(['commit-tree', root, '-p', 'HEAD', '-m', 'evil'])]);
  const r = await cliInProcess(['diff', 'main..evil', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 2);
  const err = r.json<{ error: { code: string; data: { name: string } } }>().error;
  assert.deepEqual([err.code, err.data.name], ['git-tree-unsafe', '../../../../escape.md']);
  for (const where of ['.', '.fleethub', '..']) assert.ok(!existsSync(join(dir, where, 'escape.md')), where);
  assert.equal(git(dir, 'status', '--porcelain', '--untracked-files=all'), '');
});

test('each side of the range has its own kept directory; a side that held another revision is brought to the one asked for, never reused stale', async () => {
  const dir = history(WEB_ON_N1);
  commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\n') });
  commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n1\n'), 'registry/nodes/n3.md': node('n3') });
  const [c0, c1, c2] = ['HEAD~2', 'HEAD~1', 'HEAD'].map((r) => git(dir, 'rev-parse', r).trim());
  unlayable(dir);
  const review = join(dir, '.fleethub', 'review');
  const held = (record: string): string => (JSON.parse(readFileSync(join(review, record), 'utf8')) as { commit: string }).commit;
  const moved = await diffJson(dir, `${c0}..${c1}`);
  assert.deepEqual(codes(moved.impact.introduced), ['freeze-violation workload:web']);
  assert.deepEqual([held('base.json'), held('holds.json')], [c0, c1], 'the earlier revision in base/, the later in tree/');
  // The earlier side now asked for c1 (base/ holds c0, where web is not on the frozen host): had it been reused, nothing would be resolved.
  const back = await diffJson(dir, `${c1}..${c2}`);
  assert.deepEqual(codes(back.impact.resolved), ['freeze-violation workload:web'], 'moving back resolves what moving introduced');
  assert.deepEqual([held('base.json'), held('holds.json')], [c1, c2]);
  assert.equal(readFileSync(join(review, 'base', 'registry/workloads/web.md'), 'utf8'), workload('web', 'host: n2\n'));
  assert.deepEqual(await impactInFreshDirectories(dir, `${c1}..${c2}`), back.impact, 'the kept directories answer as fresh ones do');
});

test('a first diff links the earlier side from the later one and writes only the delta; a later write to either side never reaches the other', async () => {
  const dir = history(WEB_ON_N1);
  commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\n') });
  commit(dir, { 'registry/nodes/n1.md': node('n1', 'site: b\n') });
  const [c0, c1, c2] = ['HEAD~2', 'HEAD~1', 'HEAD'].map((r) => git(dir, 'rev-parse', r).trim());
  unlayable(dir);
  const review = join(dir, '.fleethub', 'review');
  const first = await diffJson(dir, `${c0}..${c1}`);
  assert.deepEqual(codes(first.impact.introduced), ['freeze-violation workload:web']);
  const ino = (side: string, path: string): number => statSync(join(review, side, path)).ino;
  assert.equal(ino('base', 'registry/nodes/n1.md'), ino('tree', 'registry/nodes/n1.md'), 'an unchanged file is the same file on both sides');
  assert.notEqual(ino('base', 'registry/workloads/web.md'), ino('tree', 'registry/workloads/web.md'));
  assert.equal(readFileSync(join(review, 'base', 'registry/workloads/web.md'), 'utf8'), workload('web', 'host: n1\n'));
  // The later side moves to c2, which changes n1.md: written as a new file, the earlier side's n1.md untouched.
  const second = await diffJson(dir, `${c0}..${c2}`);
  assert.equal(readFileSync(join(review, 'base', 'registry/nodes/n1.md'), 'utf8'), node('n1'));
  assert.equal(readFileSync(join(review, 'tree', 'registry/nodes/n1.md'), 'utf8'), node('n1', 'site: b\n'));
  assert.deepEqual(await impactInFreshDirectories(dir, `${c0}..${c2}`), second.impact, 'the same impact as fresh directories');
});

test('a later revision the working tree holds as committed is evaluated there and the earlier one laid over it: the same impact, only the files that differ written, the user’s files untouched, the overlay used only while the working tree holds its commit', async () => {
  const dir = history(WEB_ON_N1);
  const c1 = commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\n') });
  const c0 = git(dir, 'rev-parse', 'HEAD~1').trim();
  const review = join(dir, '.fleethub', 'review');
  const tracked = git(dir, 'ls-files').trim().split('\n');
  const stats = (): string[] => tracked.map((p) => { const st = statSync(join(dir, p)); return `${p} ${st.nlink} ${st.mtimeMs} ${st.ino}`; });
  const index = readFileSync(join(dir, '.git', 'index'));
  const before = stats();
  const record = (): { commit: string; over?: string } => JSON.parse(readFileSync(join(review, 'base.json'), 'utf8')) as { commit: string; over?: string };
  const written = (): string[] => filesIn(join(review, 'base'));

  const overlay = await diffJson(dir, `${c0}..${c1}`);
  assert.deepEqual(codes(overlay.impact.introduced), ['freeze-violation workload:web']);
  assert.deepEqual(record(), { ...record(), commit: c0, over: c1 }, 'the earlier side, an overlay on the working tree at c1');
  assert.deepEqual(written(), ['registry/workloads/web.md'], 'only the file that differs is written');
  assert.equal(readFileSync(join(review, 'base', 'registry/workloads/web.md'), 'utf8'), workload('web', 'host: n1\n'));
  assert.ok(!existsSync(join(review, 'holds.json')) && readdirSync(join(review, 'tree')).length === 0, 'nothing materialised for the later side');
  assert.deepEqual(stats(), before, 'no file of the working tree linked, written or replaced');
  assert.deepEqual(readFileSync(join(dir, '.git', 'index')), index, 'the index file’s bytes');
  assert.deepEqual((await diffJson(dir, `${c0}..${c1}`)).impact, overlay.impact, 'the kept overlay answers alike');

  // The working tree no longer holding c1 as committed: both sides materialised whole, the overlay dropped; the same impact.
  unlayable(dir);
  const kept = await diffJson(dir, `${c0}..${c1}`);
  assert.deepEqual(kept.impact, overlay.impact, 'an overlay gives what whole copies give');
  assert.equal(record().over, undefined);
  rmSync(join(dir, UNLAYABLE));
  assert.deepEqual((await diffJson(dir, `${c0}..${c1}`)).impact, overlay.impact);
  assert.equal((JSON.parse(readFileSync(join(review, 'holds.json'), 'utf8')) as { commit: string }).commit, c1, 'tree/, unused while the working tree serves, keeps its record');

  // A new commit in the working tree: an overlay on c1 is not one on c2, so it is laid anew.
  rmSync(review, { recursive: true });
  await diffJson(dir, `${c0}..${c1}`);
  const c2 = commit(dir, { 'registry/nodes/n1.md': node('n1', 'site: b\n') });
  const moved = await diffJson(dir, `${c0}..${c2}`);
  assert.deepEqual([record().commit, record().over], [c0, c2]);
  assert.deepEqual(written(), ['registry/nodes/n1.md', 'registry/workloads/web.md']);
  assert.equal(readFileSync(join(review, 'base', 'registry/nodes/n1.md'), 'utf8'), node('n1'), 'the earlier revision’s file, not the working tree’s');
  unlayable(dir);
  assert.deepEqual((await diffJson(dir, `${c0}..${c2}`)).impact, moved.impact, 'and it answers as whole copies do');
});

test('an overlay hides what the later revision added and holds what it removed: the same impact as whole copies', async () => {
  const dir = history({ 'registry/nodes/n1.md': node('n1'), 'registry/nodes/n2.md': node('n2'), 'registry/workloads/web.md': workload('web', 'host: n1\n'), 'registry/workloads/old.md': workload('old', 'host: n9\n'), 'policies/freeze.yaml': freeze('n2', '2020-01-01') });
  // The later revision adds a node and a workload on the frozen host, and removes the workload whose host was never declared.
  const c1 = commit(dir, { 'registry/nodes/n3.md': node('n3'), 'registry/workloads/api.md': workload('api', 'host: n2\n'), 'registry/workloads/old.md': null });
  const c0 = git(dir, 'rev-parse', 'HEAD~1').trim();
  const overlay = await diffJson(dir, `${c0}..${c1}`);
  const base = JSON.parse(readFileSync(join(dir, '.fleethub', 'review', 'base.json'), 'utf8')) as { over?: string };
  assert.equal(base.over, c1, 'evaluated as an overlay on the working tree');
  assert.ok(existsSync(join(dir, '.fleethub', 'review', 'base', 'registry/workloads/old.md')), 'the removed file is in the overlay');
  assert.ok(!existsSync(join(dir, '.fleethub', 'review', 'base', 'registry/nodes/n3.md')), 'the added one is not');
  assert.deepEqual(overlay.records.map((r) => `${r.change} ${r.kind}:${r.id}`).sort(), ['added node:n3', 'added workload:api', 'removed workload:old']);
  assert.ok(codes(overlay.impact.introduced).includes('freeze-violation workload:api'), JSON.stringify(codes(overlay.impact.introduced)));
  assert.ok(codes(overlay.impact.resolved).some((c) => c.endsWith('workload:old')), 'the removed workload’s finding is resolved, so the earlier side saw it');
  unlayable(dir);
  assert.deepEqual((await diffJson(dir, `${c0}..${c1}`)).impact, overlay.impact, 'whole copies give the same');
});

test('a range whose ends the working tree holds neither of: both sides laid over its commit, only the files each differs in written, the same impact as whole copies, the user’s files untouched; the overlays dropped once the working tree moves', async () => {
  const dir = history(WEB_ON_N1);
  const c1 = commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\n') });
  const c0 = git(dir, 'rev-parse', 'HEAD~1').trim();
  const c2 = commit(dir, { 'registry/nodes/n1.md': node('n1', 'site: b\n'), 'registry/nodes/n3.md': node('n3') });
  const review = join(dir, '.fleethub', 'review');
  const record = (name: string): { commit: string; over?: string } => JSON.parse(readFileSync(join(review, name), 'utf8')) as { commit: string; over?: string };
  const tracked = git(dir, 'ls-files').trim().split('\n');
  const stats = (): string[] => tracked.map((p) => { const st = statSync(join(dir, p)); return `${p} ${st.nlink} ${st.mtimeMs} ${st.ino}`; });
  const index = readFileSync(join(dir, '.git', 'index'));
  const before = stats();

  const laid = await diffJson(dir, `${c0}..${c1}`);
  assert.deepEqual(codes(laid.impact.introduced), ['freeze-violation workload:web']);
  assert.deepEqual(laid.records.map((r) => `${r.change} ${r.kind}:${r.id}`), ['changed workload:web']);
  assert.deepEqual([record('base.json'), record('holds.json')].map((r) => `${r.commit} over ${r.over}`), [`${c0} over ${c2}`, `${c1} over ${c2}`], 'both sides, overlays on the working tree at c2');
  // c1 differs from c2 in n1.md (and lacks n3.md); c0 in n1.md and web.md.
  assert.deepEqual(filesIn(join(review, 'tree')), ['registry/nodes/n1.md']);
  assert.deepEqual(filesIn(join(review, 'base')), ['registry/nodes/n1.md', 'registry/workloads/web.md']);
  assert.equal(readFileSync(join(review, 'tree', 'registry/nodes/n1.md'), 'utf8'), node('n1'), 'the revision’s file, not the working tree’s');
  assert.deepEqual(stats(), before, 'no file of the working tree linked, written or replaced');
  assert.deepEqual(readFileSync(join(dir, '.git', 'index')), index, 'the index file’s bytes');
  assert.deepEqual((await diffJson(dir, `${c0}..${c1}`)).impact, laid.impact, 'the kept overlays answer alike');
  // The earlier end the working tree's own commit: the same as whole copies give.
  const fromHead = await diffJson(dir, `${c2}..${c0}`);
  assert.deepEqual(codes(fromHead.impact.resolved), ['freeze-violation workload:web'], JSON.stringify(fromHead.impact));

  // Whole copies (a symlink: the working tree can be laid over no longer) give the same, and the overlays are dropped.
  unlayable(dir);
  assert.deepEqual((await diffJson(dir, `${c0}..${c1}`)).impact, laid.impact, 'an overlay gives what whole copies give');
  assert.deepEqual([record('base.json').over, record('holds.json').over], [undefined, undefined]);
  assert.deepEqual((await diffJson(dir, `${c2}..${c0}`)).impact, fromHead.impact);
  rmSync(join(dir, UNLAYABLE));
  // tree/ kept whole from that run, base/ gone: the later side stays whole, the earlier one is laid over the working tree.
  rmSync(join(review, 'base.json'));
  assert.deepEqual((await diffJson(dir, `${c0}..${c1}`)).impact, laid.impact);
  assert.deepEqual([record('base.json').over, record('holds.json').over], [c2, undefined]);

  // Overlays laid on c2 are no good on c3: laid anew there.
  rmSync(review, { recursive: true });
  await diffJson(dir, `${c0}..${c1}`);
  const c3 = commit(dir, { 'registry/nodes/n2.md': node('n2', 'site: c\n') });
  assert.deepEqual((await diffJson(dir, `${c0}..${c1}`)).impact, laid.impact);
  assert.deepEqual([record('base.json').over, record('holds.json').over], [c3, c3]);
  assert.deepEqual(filesIn(join(review, 'tree')), ['registry/nodes/n1.md', 'registry/nodes/n2.md']);
});

test('uncommitted edits to record files: both sides laid over a commit of the working tree as it stands (the user’s index, refs and files untouched), only the files each side differs in written, the same impact as whole copies; the same edits give the same commit, new ones lay anew', async () => {
  const dir = history(WEB_ON_N1);
  const c1 = commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\n') });
  const c0 = git(dir, 'rev-parse', 'HEAD~1').trim();
  const c2 = commit(dir, { 'registry/nodes/n1.md': node('n1', 'site: b\n'), 'registry/nodes/n3.md': node('n3') });
  // Edited (one staged, one not), deleted, and a new record the schema refuses (were it read for a side, the counts of findings would show it).
  writeFile(dir, 'registry/workloads/web.md', workload('web', 'host: n3\n'));
  git(dir, 'add', 'registry/workloads/web.md');
  writeFile(dir, 'registry/nodes/n2.md', node('n2', 'site: d\n'));
  rmSync(join(dir, 'registry/nodes/n3.md'));
  writeFile(dir, 'registry/nodes/n4.md', '---\ntitle: Node n4\nrole: 42\n---\n');
  const review = join(dir, '.fleethub', 'review');
  const record = (name: string): { commit: string; over?: string } => JSON.parse(readFileSync(join(review, name), 'utf8')) as { commit: string; over?: string };
  const tracked = git(dir, 'ls-files').trim().split('\n').filter((p) => existsSync(join(dir, p)));
  const stats = (): string[] => tracked.map((p) => { const st = statSync(join(dir, p)); return `${p} ${st.nlink} ${st.mtimeMs} ${st.ino}`; });
  const index = readFileSync(join(dir, '.git', 'index'));
  const [status, refs, before] = [git(dir, 'status', '--porcelain', '--untracked-files=all'), git(dir, 'for-each-ref'), stats()];

  const laid = await diffJson(dir, `${c0}..${c1}`);
  assert.deepEqual(codes(laid.impact.introduced), ['freeze-violation workload:web']);
  const over = record('base.json').over!;
  assert.deepEqual([record('base.json').over, record('holds.json').over], [over, over], 'both sides, overlays on one commit');
  assert.equal(git(dir, 'rev-parse', `${over}^`).trim(), c2, 'a commit on HEAD');
  assert.equal(git(dir, 'show', `${over}:registry/workloads/web.md`), workload('web', 'host: n3\n'), 'holding the working tree’s files');
  assert.equal(git(dir, 'ls-tree', '--name-only', over, 'registry/nodes/').trim().split('\n').join(' '), 'registry/nodes/n1.md registry/nodes/n2.md registry/nodes/n4.md');
  // c1 differs from the working tree in n1.md, n2.md and web.md (n3.md it lacks as the working tree does, n4.md it lacks: hidden); c0 in the same.
  assert.deepEqual(filesIn(join(review, 'tree')), ['registry/nodes/n1.md', 'registry/nodes/n2.md', 'registry/workloads/web.md']);
  assert.deepEqual(filesIn(join(review, 'base')), ['registry/nodes/n1.md', 'registry/nodes/n2.md', 'registry/workloads/web.md']);
  assert.equal(readFileSync(join(review, 'tree', 'registry/nodes/n2.md'), 'utf8'), node('n2'), 'the revision’s file, not the working tree’s');
  assert.deepEqual([stats(), git(dir, 'status', '--porcelain', '--untracked-files=all'), git(dir, 'for-each-ref')], [before, status, refs], 'no file, status or ref of the user’s changed');
  assert.deepEqual(readFileSync(join(dir, '.git', 'index')), index, 'the index file’s bytes');

  const again = await diffJson(dir, `${c0}..${c1}`);
  assert.deepEqual(again.impact, laid.impact, 'the kept overlays answer alike');
  assert.equal(record('base.json').over, over, 'the same edits make the same commit: the overlays are kept');
  // Whole copies (a symlink: the working tree cannot be laid over) give the same impact.
  unlayable(dir);
  assert.deepEqual((await diffJson(dir, `${c0}..${c1}`)).impact, laid.impact, 'overlays give what whole copies give');
  assert.deepEqual([record('base.json').over, record('holds.json').over], [undefined, undefined]);
  rmSync(join(dir, UNLAYABLE));

  // Another edit: another commit of the working tree, laid anew.
  rmSync(review, { recursive: true });
  await diffJson(dir, `${c0}..${c1}`);
  writeFile(dir, 'registry/nodes/n1.md', node('n1'));
  assert.deepEqual((await diffJson(dir, `${c0}..${c1}`)).impact, laid.impact);
  const next = record('base.json').over!;
  assert.notEqual(next, over);
  assert.deepEqual([record('holds.json').over, filesIn(join(review, 'tree'))], [next, ['registry/nodes/n2.md', 'registry/workloads/web.md']], 'n1.md is as c1 has it now');
});

test(`a repository of ${THREAD_THRESHOLD} files or more evaluates the earlier side in a worker thread, a smaller one in the command's: the same impact`, async () => {
  const small = history(WEB_ON_N1);
  const docs = Object.fromEntries(Array.from({ length: THREAD_THRESHOLD }, (_, i) => [`docs/page-${i}.md`, `# Page ${i}\n`]));
  const large = history({ ...WEB_ON_N1, ...docs });
  for (const dir of [small, large]) commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\n') });
  assert.deepEqual([small, large].map((dir) => sideRunner(dir)), ['thread', 'worker']);
  // A first diff (the earlier side waits for the later one's cache), then with whole copies of both sides.
  for (const step of ['overlay', 'copies']) {
    if (step === 'copies') for (const dir of [small, large]) unlayable(dir);
    const [inThread, inWorker] = await Promise.all([small, large].map((dir) => diffJson(dir, 'HEAD~1..HEAD')));
    assert.deepEqual(codes(inWorker!.impact.introduced), ['freeze-violation workload:web'], step);
    assert.deepEqual(inWorker!.impact, inThread!.impact, step);
    assert.deepEqual(inWorker!.records, inThread!.records, step);
  }
});

test('refreshPlan: a side refreshes the record files it wrote, settles the walk’s warning for a stray file by its path, skips what the walk passes over, and walks the whole tree where a path has no rule', () => {
  assert.deepEqual(refreshPlan(['registry/nodes/a.md', 'status/modes.json', 'registry/nodes/README.md', 'policies/.draft.yaml', 'workplans/W.md', 'registry/.hidden']), { paths: ['registry/nodes/a.md', 'workplans/W.md'], strays: [] });
  assert.deepEqual(refreshPlan(['registry/nodes/a.md', 'registry/nodes/notes.txt', 'registry/misc.md']), { paths: ['registry/nodes/a.md'], strays: ['registry/nodes/notes.txt', 'registry/misc.md'] });
  assert.equal(pathsToRefresh(['registry/nodes/a.md', 'registry/nodes/notes.txt']), undefined, 'a directory holding the revision whole walks again for a stray file');
  assert.equal(refreshPlan(['registry/nodes/a.md', 'docs/x.md']), undefined, 'no rule outside the fleet’s directories');
});

test('stray files, committed or not, are laid over: the walk’s warning on the side whose revision has the file, none for the working tree’s own; the same impact as whole copies', async () => {
  const dir = history(WEB_ON_N1);
  const c1 = commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\n'), 'registry/workloads/todo.txt': 'later\n' });
  const c0 = git(dir, 'rev-parse', 'HEAD~1').trim();
  commit(dir, { 'registry/nodes/n1.md': node('n1', 'site: b\n'), 'registry/workloads/todo.txt': null });
  writeFile(dir, 'registry/nodes/notes.txt', 'mine\n');
  writeFile(dir, 'registry/misc.md', 'mine too\n');
  const review = join(dir, '.fleethub', 'review');
  const over = (name: string): string | undefined => (JSON.parse(readFileSync(join(review, name), 'utf8')) as { over?: string }).over;
  const strays = (fs: FindingJson[]): string[] => fs.filter((f) => f.code === 'unexpected-file').map((f) => f.file);
  const laid = await diffJson(dir, `${c0}..${c1}`);
  assert.ok(over('base.json') !== undefined && over('base.json') === over('holds.json'), 'both sides laid over the working tree as it stands');
  assert.deepEqual(strays(laid.impact.introduced), ['registry/workloads/todo.txt'], 'the later revision’s stray file, and not the working tree’s');
  assert.deepEqual(strays(laid.impact.resolved), []);
  assert.deepEqual(filesIn(join(review, 'tree')).filter((p) => p.endsWith('.txt')), ['registry/workloads/todo.txt']);
  const back = await diffJson(dir, `${c1}..${c0}`);
  assert.deepEqual(strays(back.impact.resolved), ['registry/workloads/todo.txt'], 'resolved the other way round');
  unlayable(dir);
  assert.deepEqual((await diffJson(dir, `${c0}..${c1}`)).impact, laid.impact, 'whole copies give the same');
  assert.equal(over('base.json'), undefined);
});

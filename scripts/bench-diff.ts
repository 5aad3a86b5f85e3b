/**
 * Diff and history benchmark (issue 14): `fleethub diff` between two
 * revisions of the synthetic fleet (scripts/gen-fleet.ts) that differ in 100
 * records, with the records only (--records-only) and with the impact (both
 * revisions evaluated offline: a first run with the working tree clean at a
 * third commit, whose files both sides are laid over; a first run and
 * later ones with an uncommitted edit to a record (both sides laid over a
 * commit of the working tree as it stands), and with a stray file (the
 * same); a first run with an untracked symlink in the working tree (not a
 * regular file), both revisions written whole, and later runs that find
 * .fleethub/review/ from the run before; and the same in a checkout
 * of the later revision, the pull request job's case: a first run with no
 * .fleethub/ at all, and later ones), against `git diff --stat`
 * of the same revisions; and `fleethub history` of one record over 1,000
 * commits (every other one changing it), against `git log --follow` of its
 * file. Each figure is the wall time of a fresh process (start-up included),
 * the median of the runs. Target: diff <= 2 s.
 *
 *   node dist/scripts/bench-diff.js [--nodes 10000] [--workloads 20000] [--workplans 500] [--runs 3] [--keep]
 *   (also part of npm run bench)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { scriptArgs, wholeNumber } from './scriptArgs.js';
import { generateFleet, type GenOptions } from './gen-fleet.js';

const BIN = fileURLToPath(new URL('../../bin/fleethub.js', import.meta.url));
const CHANGED = 100;
/** The workloads the bench changes and follows must exist: as many as it changes. */
export const MIN_WORKLOADS = CHANGED;
const HISTORY_COMMITS = 1000;
const TRACKED = 'registry/workloads/wl-00042.md';

export interface DiffBench {
  files: number;
  changedRecords: number;
  recordsOnlyMs: number;
  /** The first diff, the working tree at a third commit (clean): no .fleethub/ at all; the fleet's cache built, both sides laid over the working tree. */
  withImpactColdMs: number;
  /** The first diff with an uncommitted edit to a record file, the fleet's cache there: both sides laid over a commit of the working tree. */
  editedColdMs: number;
  /** Later diffs with that edit (the overlays kept: the same edit makes the same commit). */
  editedWarmMs: number;
  /** The first diff with a stray untracked file (a notes.txt among the nodes): both sides laid over a commit of the working tree, the file's warning settled by its path. */
  strayColdMs: number;
  /** The first diff with an untracked symlink (not a regular file): .fleethub/review/ empty, both revisions written whole, the later one's cache built. */
  dirtyColdMs: number;
  /** Later diffs of the same revisions with that symlink: the whole copies kept, nothing written. */
  withImpactWarmMs: number;
  /** A first diff in a checkout of the later revision with no .fleethub/ at all (a pull request's CI job): the later side evaluated in the working tree, the earlier one laid over it. */
  checkoutColdMs: number;
  /** The pull request job's order in a fresh checkout: `fleethub validate` (which builds the fleet's cache) first, then the diff, timed alone (each run with no .fleethub/review/ again). */
  checkoutAfterValidateMs: number;
  /** Later diffs in that checkout (its cache and the overlay kept). */
  checkoutWarmMs: number;
  gitDiffStatMs: number;
  historyMs: number;
  historyEntries: number;
  gitLogFollowMs: number;
  commits: number;
}

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };

/** `keep`: leave the generated repository (its path is printed on stderr) to profile against it. */
export function benchDiff(sizes: GenOptions, runs: number, keep = false): DiffBench {
  const root = mkdtempSync(join(tmpdir(), 'fleethub-bench-diff-'));
  try {
    const { files } = generateFleet(root, sizes);
    const git = (args: string[], input?: string): string => execFileSync('git', args, { cwd: root, env: GIT_ENV, encoding: 'utf8', maxBuffer: 1 << 28, ...(input !== undefined ? { input } : {}) });
    git(['init', '-q', '-b', 'main']);
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'the synthetic fleet']);
    const a = git(['rev-parse', 'HEAD']).trim();
    // 100 records changed: a field each (a stage, a title), spread over the workloads.
    // Every 97th (as every bench so far has changed them), or closer on a smaller fleet.
    const spread = Math.min(97, Math.floor(sizes.workloads / CHANGED));
    const changed = Array.from({ length: CHANGED }, (_, i) => `registry/workloads/wl-${String(i * spread).padStart(5, '0')}.md`);
    for (const file of changed) {
      const path = join(root, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (changed)'));
    }
    git(['commit', '-q', '-am', `${CHANGED} records changed`]);
    const b = git(['rev-parse', 'HEAD']).trim();
    // 1,000 more commits, one at a time (fast-import): every other one changes the tracked record, the others another workload.
    const base = readFileSync(join(root, TRACKED), 'utf8');
    const other = readFileSync(join(root, 'registry/workloads/wl-00043.md'), 'utf8');
    const stream: string[] = [];
    for (let i = 1; i <= HISTORY_COMMITS; i++) {
      const [path, text] = i % 2 === 0 ? [TRACKED, base.replace(/^title: (.*)$/m, `title: $1 v${i}`)] : ['registry/workloads/wl-00043.md', other.replace(/^title: (.*)$/m, `title: $1 v${i}`)];
      const message = `commit ${i}`;
      stream.push(`commit refs/heads/main\ncommitter bench <bench@example.org> ${1_800_000_000 + i} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n${i === 1 ? `from ${b}\n` : ''}M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
    }
    git(['fast-import', '--quiet'], stream.join(''));
    git(['reset', '-q', '--hard', 'main']);
    const commits = Number(git(['rev-list', '--count', 'HEAD']).trim());
    /** `before`: run before each timed run, untimed. */
    const time = (label: string, f: () => unknown, n = runs, before?: () => void): number => {
      const all: number[] = [];
      for (let i = 0; i < n; i++) {
        before?.();
        const t = performance.now();
        f();
        all.push(performance.now() - t);
      }
      process.stderr.write(`  ${label.padEnd(22)} ${all.map((m) => m.toFixed(0)).join(' / ')} ms\n`);
      return all.sort((x, y) => x - y)[Math.floor(all.length / 2)]!;
    };
    const fleethub = (args: string[]): string => execFileSync(process.execPath, [BIN, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
    /** A command whose exit code (1: findings, as the synthetic fleet has) is not the point. */
    const fleethubStatus = (args: string[]): void => void spawnSync(process.execPath, [BIN, ...args], { cwd: root, stdio: 'ignore' });
    let changedRecords = 0;
    const recordsOnlyMs = time('diff --records-only', () => (changedRecords = (JSON.parse(fleethub(['diff', `${a}..${b}`, '--records-only', '--format', 'json'])) as { records: unknown[] }).records.length));
    if (changedRecords !== CHANGED) throw new Error(`the diff found ${changedRecords} changed records, not ${CHANGED}`);
    const diff = (): string => fleethub(['diff', `${a}..${b}`, '--format', 'json']);
    const state = join(root, '.fleethub');
    const review = join(state, 'review');
    /**
     * A first run, the median of `runs`: each from the .fleethub/ there is now
     * (restored before each, since a diff keeps results in its memo; none if
     * there is none), after `prepare` (untimed). The last run's state stays.
     */
    const firstRun = (label: string, prepare: () => void = () => undefined): number => {
      const saved = existsSync(state) ? mkdtempSync(join(tmpdir(), 'fleethub-bench-cache-')) : null;
      if (saved !== null) cpSync(state, saved, { recursive: true });
      try {
        return time(label, diff, runs, () => {
          rmSync(state, { recursive: true, force: true });
          if (saved !== null) cpSync(saved, state, { recursive: true });
          prepare();
        });
      } finally {
        if (saved !== null) rmSync(saved, { recursive: true, force: true });
      }
    };
    const noReview = (): void => rmSync(review, { recursive: true, force: true });
    rmSync(state, { recursive: true, force: true });
    const withImpactColdMs = firstRun('diff, impact, cold');
    // Uncommitted edits to record files (one workload, not staged): both sides laid over a commit of the working tree as it stands.
    const edited = join(root, 'registry/workloads/wl-00001.md');
    const committed = readFileSync(edited, 'utf8');
    writeFileSync(edited, committed.replace(/^title: (.*)$/m, 'title: $1 (uncommitted)'));
    const editedColdMs = firstRun('diff, edited, cold', noReview);
    const editedWarmMs = time('diff, edited, warm', diff);
    writeFileSync(edited, committed);
    // A stray file (untracked): laid over as well, its warning settled path by path.
    const scratch = join(root, 'registry', 'nodes', 'notes.txt');
    writeFileSync(scratch, 'scratch\n');
    const strayColdMs = firstRun('diff, stray, cold', noReview);
    rmSync(scratch);
    // An untracked symlink (not a regular file): the sides cannot be laid over the working tree, so both are written whole.
    const link = join(root, 'registry', 'nodes', 'link.txt');
    symlinkSync('wl-00001.md', link);
    const dirtyColdMs = firstRun('diff, whole, cold', noReview);
    const withImpactWarmMs = time('diff, whole, warm', diff);
    rmSync(link);
    git(['checkout', '-q', b]);
    rmSync(state, { recursive: true, force: true });
    const checkoutColdMs = firstRun('diff, checkout, cold');
    rmSync(state, { recursive: true, force: true });
    fleethubStatus(['validate']);
    // Each run as the job's first diff: the fleet's cache as validate left it, no .fleethub/review/.
    const checkoutAfterValidateMs = firstRun('diff, after validate');
    const checkoutWarmMs = time('diff, checkout, warm', diff);
    git(['checkout', '-q', 'main']);
    const gitDiffStatMs = time('git diff --stat', () => git(['diff', '--stat', a, b]));
    let historyEntries = 0;
    const historyMs = time('history', () => (historyEntries = (JSON.parse(fleethub(['history', 'workload:wl-00042', '--format', 'json'])) as { entries: unknown[] }).entries.length));
    // Its addition, its change among the 100 (on a fleet small enough that it is one of them), every other commit after.
    const expected = 1 + (changed.includes(TRACKED) ? 1 : 0) + HISTORY_COMMITS / 2;
    if (historyEntries !== expected) throw new Error(`history found ${historyEntries} changes, not ${expected}`);
    const gitLogFollowMs = time('git log --follow', () => git(['log', '--follow', '--oneline', '--', TRACKED]));
    return { files, changedRecords, recordsOnlyMs, withImpactColdMs, editedColdMs, editedWarmMs, strayColdMs, dirtyColdMs, withImpactWarmMs, checkoutColdMs, checkoutAfterValidateMs, checkoutWarmMs, gitDiffStatMs, historyMs, historyEntries, gitLogFollowMs, commits };
  } finally {
    if (keep) process.stderr.write(`  kept ${root}\n`);
    else rmSync(root, { recursive: true, force: true });
  }
}

export function diffRows(d: DiffBench): Array<[string, string, string, string]> {
  const x = (ms: number, base: number): string => `${(ms / base).toFixed(1)}x`;
  return [
    [`diff: ${d.files} files, ${d.changedRecords} records changed, records only`, `${d.recordsOnlyMs.toFixed(0)} ms`, x(d.recordsOnlyMs, d.gitDiffStatMs), `git diff --stat ${d.gitDiffStatMs.toFixed(0)} ms; target <= 2 s: ${d.recordsOnlyMs <= 2000 ? 'met' : 'MISSED'}`],
    ['diff: with the impact (both revisions evaluated), first run, the working tree at a third commit', `${d.withImpactColdMs.toFixed(0)} ms`, x(d.withImpactColdMs, d.gitDiffStatMs), `no .fleethub/: builds the fleet's cache, lays both sides over it; target <= 2 s: ${d.withImpactColdMs <= 2000 ? 'met' : 'MISSED'}`],
    ['diff: with the impact, first run, an uncommitted edit to a record', `${d.editedColdMs.toFixed(0)} ms`, x(d.editedColdMs, d.gitDiffStatMs), `the fleet's cache there; lays both sides over a commit of the working tree; target <= 2 s: ${d.editedColdMs <= 2000 ? 'met' : 'MISSED'}`],
    ['diff: with the impact, that edit, .fleethub/review/ kept from the run before', `${d.editedWarmMs.toFixed(0)} ms`, x(d.editedWarmMs, d.gitDiffStatMs), `target <= 2 s: ${d.editedWarmMs <= 2000 ? 'met' : 'MISSED'}`],
    ['diff: with the impact, first run, a stray untracked file in the working tree', `${d.strayColdMs.toFixed(0)} ms`, x(d.strayColdMs, d.gitDiffStatMs), `laid over as the edit is; target <= 2 s: ${d.strayColdMs <= 2000 ? 'met' : 'MISSED'}`],
    ['diff: with the impact, first run, an untracked symlink in the working tree', `${d.dirtyColdMs.toFixed(0)} ms`, x(d.dirtyColdMs, d.gitDiffStatMs), `cannot be laid over: writes ${d.files} files twice, builds a cache; target <= 2 s: ${d.dirtyColdMs <= 2000 ? 'met' : 'MISSED'}`],
    ['diff: with the impact, that symlink, .fleethub/review/ kept from the run before', `${d.withImpactWarmMs.toFixed(0)} ms`, x(d.withImpactWarmMs, d.gitDiffStatMs), `target <= 2 s: ${d.withImpactWarmMs <= 2000 ? 'met' : 'MISSED'}`],
    ['diff: with the impact, first run in a fresh checkout of b (the CI job)', `${d.checkoutColdMs.toFixed(0)} ms`, x(d.checkoutColdMs, d.gitDiffStatMs), `no .fleethub/: builds the fleet's cache, writes the ${d.changedRecords} files that differ; target <= 2 s: ${d.checkoutColdMs <= 2000 ? 'met' : 'MISSED'}`],
    ['diff: with the impact, in a fresh checkout after fleethub validate (the pull request job\'s order)', `${d.checkoutAfterValidateMs.toFixed(0)} ms`, x(d.checkoutAfterValidateMs, d.gitDiffStatMs), `validate built the fleet's cache; target <= 2 s: ${d.checkoutAfterValidateMs <= 2000 ? 'met' : 'MISSED'}`],
    ['diff: with the impact, that checkout again', `${d.checkoutWarmMs.toFixed(0)} ms`, x(d.checkoutWarmMs, d.gitDiffStatMs), `target <= 2 s: ${d.checkoutWarmMs <= 2000 ? 'met' : 'MISSED'}`],
    [`history: one record over ${d.commits} commits (${d.historyEntries} changes)`, `${d.historyMs.toFixed(0)} ms`, x(d.historyMs, d.gitLogFollowMs), `git log --follow ${d.gitLogFollowMs.toFixed(0)} ms`],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const usage = 'usage: node dist/scripts/bench-diff.js [--nodes 10000] [--workloads 20000] [--workplans 500] [--runs 3] [--keep]';
  const { values } = scriptArgs(usage, { options: { nodes: { type: 'string' }, workloads: { type: 'string' }, workplans: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'boolean' } } });
  const sizes = { nodes: wholeNumber(usage, 'nodes', values.nodes, 10000), workloads: wholeNumber(usage, 'workloads', values.workloads, 20000, MIN_WORKLOADS), workplans: wholeNumber(usage, 'workplans', values.workplans, 500, 0) };
  const d = benchDiff(sizes, wholeNumber(usage, 'runs', values.runs, 3), values.keep === true);
  for (const r of diffRows(d)) process.stdout.write(`${r.join('  ')}\n`);
  process.stdout.write(`${JSON.stringify(d)}\n`);
}

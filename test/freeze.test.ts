/**
 * The freeze policy, decided from Git history: real temporary repositories made
 * with isomorphic-git (commits with explicit dates before and after the freeze),
 * a shallow clone and a directory that is not a repository (the documented
 * fallback rule, both settings), merges, and the bundled example fleet.
 */
import assert from 'node:assert/strict';
import fs, { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import git from 'isomorphic-git';
import { runGit } from '../scripts/git-server/runGit.js';
import { refreshCache } from '../src/cache/refreshCache.js';
import { evaluateFreeze, sinceMs, type FreezePolicy, type FreezeResult, type FreezeWorkload } from '../src/policy/evaluateFreeze.js';
import { placementHistory, placementsIn, type PlacementHistory } from '../src/repo/placementHistory.js';
import { fileIo } from '../src/cli/fileIo.js';
import { createContext, type ReconcileContext } from '../src/reconcile/reconcileContext.js';
import { freeze } from '../src/reconcile/steps/freeze.js';
import { copyExampleFleet, fleetMaker, node, workload, writeFile } from './helpers/fleet.js';
import { renderBoardSection } from '../src/report/renderBoardSection.js';
import { findingRecord } from '../src/records/findingRecord.js';

const made = fleetMaker();
after(made.cleanup);

const NOW = '2026-08-01T00:00:00.000Z';
const who = (date: string) => ({ name: 'Fleet Test', email: 'fleet@example.org', timestamp: Math.floor(Date.parse(date) / 1000), timezoneOffset: 0 });

/** Writes (or, for null, deletes) files, stages them and commits with the given date. */
async function commitFiles(dir: string, files: Record<string, string | null>, date: string, options: { ref?: string; parent?: string[] } = {}): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    if (content === null) {
      rmSync(join(dir, path));
      await git.remove({ fs, dir, filepath: path });
    } else {
      writeFile(dir, path, content);
      await git.add({ fs, dir, filepath: path });
    }
  }
  return git.commit({ fs, dir, message: `change of ${date}`, author: who(date), ...options });
}

async function newRepo(): Promise<string> {
  const dir = made.tempDir();
  await git.init({ fs, dir, defaultBranch: 'main' });
  return dir;
}

const wl = (id: string, extra: string): Record<string, string> => ({ [`registry/workloads/${id}.md`]: workload(id, extra) });
const FREEZE_POLICY = (withoutHistory?: string): string =>
  [
    'kind: freeze',
    'frozen:',
    '  - host: coulombcore',
    "    since: '2026-07-03'",
    '    reason: frozen for new production',
    '    exceptions: [excepted]',
    ...(withoutHistory ? [`without_history: ${withoutHistory}`] : []),
    '',
  ].join('\n');

/**
 * The history fleet (freeze of coulombcore since 2026-07-03):
 * - legacy:    on coulombcore since 2026-06-01, title edited after the freeze → grandfathered
 * - newcomer:  moved to coulombcore 2026-07-10 → violation (/host)
 * - targeted:  target_host coulombcore set 2026-07-10 → violation (/target_host)
 * - boomerang: on coulombcore 06-01, away 06-15, back 07-10 → violation (a new placement)
 * - excepted:  moved to coulombcore 07-10, listed as an exception → never a violation
 * - drifter:   committed on railiance01, moved to coulombcore in the working tree only → violation
 * - fresh:     a new file on coulombcore, never committed → violation
 * - bystander: never on coulombcore
 */
async function historyFleet(): Promise<{ dir: string; commits: string[] }> {
  const dir = await newRepo();
  const commits = [
    await commitFiles(
      dir,
      {
        'registry/nodes/coulombcore.md': node('coulombcore'),
        'registry/nodes/railiance01.md': node('railiance01'),
        'policies/freeze.yaml': FREEZE_POLICY(),
        ...wl('legacy', 'host: coulombcore\nstage: legacy\n'),
        ...wl('newcomer', 'host: railiance01\n'),
        ...wl('targeted', 'host: railiance01\n'),
        ...wl('boomerang', 'host: coulombcore\n'),
        ...wl('excepted', 'host: railiance01\n'),
        ...wl('drifter', 'host: railiance01\n'),
        ...wl('bystander', 'host: railiance01\n'),
      },
      '2026-06-01T09:00:00Z',
    ),
    await commitFiles(dir, wl('boomerang', 'host: railiance01\n'), '2026-06-15T09:00:00Z'),
    await commitFiles(
      dir,
      {
        ...wl('newcomer', 'host: coulombcore\nstage: production\n'),
        ...wl('targeted', 'host: railiance01\ntarget_host: coulombcore\n'),
        ...wl('boomerang', 'host: coulombcore\n'),
        ...wl('excepted', 'host: coulombcore\n'),
        'registry/workloads/legacy.md': workload('legacy', 'host: coulombcore\nstage: legacy\n').replace('title: Workload legacy', 'title: Legacy workload, renamed'),
      },
      '2026-07-10T12:00:00Z',
    ),
    await commitFiles(dir, wl('bystander', 'host: railiance01\nowner: ops\n'), '2026-07-12T09:00:00Z'),
  ];
  // Not committed: a placement changed in the working tree, and a new file.
  writeFile(dir, 'registry/workloads/drifter.md', workload('drifter', 'host: coulombcore\n'));
  writeFile(dir, 'registry/workloads/fresh.md', workload('fresh', 'host: coulombcore\n'));
  return { dir, commits };
}

const HISTORY_WORKLOADS: FreezeWorkload[] = [
  { id: 'bystander', host: 'railiance01', target_host: null, stage: null },
  { id: 'boomerang', host: 'coulombcore', target_host: null, stage: null },
  { id: 'drifter', host: 'coulombcore', target_host: null, stage: null },
  { id: 'excepted', host: 'coulombcore', target_host: null, stage: null },
  { id: 'fresh', host: 'coulombcore', target_host: null, stage: null },
  { id: 'legacy', host: 'coulombcore', target_host: null, stage: 'legacy' },
  { id: 'newcomer', host: 'coulombcore', target_host: null, stage: 'production' },
  { id: 'targeted', host: 'railiance01', target_host: 'coulombcore', stage: null },
].map((w) => ({ ...w, file: `registry/workloads/${w.id}.md` }));
const FILES = HISTORY_WORKLOADS.map((w) => w.file);
const POLICY: FreezePolicy = { id: 'freeze', frozen: [{ host: 'coulombcore', since: '2026-07-03', reason: 'frozen for new production', exceptions: ['excepted'] }] };

const summary = (results: FreezeResult[]): string[] => results.map((r) => `${r.code} ${r.record}${r.pointer ?? ''}${r.basis ? ` (${r.basis})` : ''}`);
const day = (iso: string | undefined): string | undefined => iso?.slice(0, 10);

async function runStep(root: string, now = NOW): Promise<ReconcileContext> {
  const ctx = createContext({ ...fileIo(root), now: () => new Date(now) }, { probe: false, write: false, allowRemote: false });
  ctx.db = (await refreshCache(root)).db;
  try {
    await freeze(ctx);
  } finally {
    ctx.db.close();
  }
  return ctx;
}

const fleet = await historyFleet();

describe('placementHistory', () => {
  it('dates each current placement by the first commit of its current run', async () => {
    const h = await placementHistory(fleet.dir, FILES);
    assert.ok(h.available);
    assert.equal(h.commits, 4);
    assert.equal(h.head, fleet.commits[3]);
    const seen = (id: string, key: string): string | undefined => day(h.firstSeen.get(`registry/workloads/${id}.md`)?.get(key));
    assert.equal(seen('legacy', 'host:coulombcore'), '2026-06-01', 'an edit that keeps the placement does not restart it');
    assert.equal(seen('newcomer', 'host:coulombcore'), '2026-07-10');
    assert.equal(seen('targeted', 'host:railiance01'), '2026-06-01');
    assert.equal(seen('targeted', 'target_host:coulombcore'), '2026-07-10');
    assert.equal(seen('boomerang', 'host:coulombcore'), '2026-07-10', 'moved away and came back: counts from its return');
    assert.equal(seen('drifter', 'host:railiance01'), '2026-06-01', 'HEAD, not the working tree, is what history holds');
    assert.equal(seen('drifter', 'host:coulombcore'), undefined);
    assert.equal(h.firstSeen.has('registry/workloads/fresh.md'), false, 'a file in no commit has no entry');
    assert.equal(h.firstSeen.get('registry/workloads/legacy.md')!.get('host:coulombcore'), '2026-06-01T09:00:00.000Z');
  });

  it('says why history is unavailable: not a repository, shallow clone, no commits', async () => {
    const plain = made.tempDir();
    cpSync(fleet.dir, plain, { recursive: true, filter: (src) => !src.includes('.git') });
    const shallow = made.tempDir();
    cpSync(fleet.dir, shallow, { recursive: true });
    writeFileSync(join(shallow, '.git', 'shallow'), `${fleet.commits[3]}\n`);
    const empty = await newRepo();
    writeFile(empty, 'registry/workloads/x.md', workload('x', 'host: coulombcore\n'));
    const reason = (h: PlacementHistory): string => (h.available ? 'available' : h.reason);
    assert.equal(reason(await placementHistory(plain, FILES)), 'not-a-repository');
    assert.equal(reason(await placementHistory(shallow, FILES)), 'shallow-clone');
    assert.equal(reason(await placementHistory(empty, ['registry/workloads/x.md'])), 'no-commits');
    assert.equal(reason(await placementHistory(fleet.dir, [])), 'available', 'availability is known even with no files to date');
  });

  it('finds the repository from a fleet in a subdirectory, and refuses one that does not track the fleet', async () => {
    const dir = await newRepo();
    await commitFiles(dir, { 'README.md': 'top\n', 'ops/fleet/registry/workloads/a.md': workload('a', 'host: coulombcore\n') }, '2026-05-01T00:00:00Z');
    const h = await placementHistory(join(dir, 'ops', 'fleet'), ['registry/workloads/a.md']);
    assert.ok(h.available);
    assert.equal(day(h.firstSeen.get('registry/workloads/a.md')?.get('host:coulombcore')), '2026-05-01');
    writeFile(dir, 'untracked/registry/workloads/b.md', workload('b', 'host: coulombcore\n'));
    const u = await placementHistory(join(dir, 'untracked'), ['registry/workloads/b.md']);
    assert.equal(u.available, false);
    assert.equal(!u.available && u.reason, 'not-a-repository');
  });

  it('follows merges: a placement either parent already had keeps its date; one new in the merge starts there', async () => {
    const dir = await newRepo();
    const w = (extra: string): Record<string, string> => wl('w', extra);
    const a = await commitFiles(dir, { ...w('host: railiance01\n'), ...wl('m', 'host: railiance01\n') }, '2026-06-01T00:00:00Z');
    // Upstream moved w to coulombcore before the freeze ...
    const b = await commitFiles(dir, w('host: coulombcore\n'), '2026-06-10T00:00:00Z', { ref: 'refs/heads/upstream', parent: [a] });
    // ... while a local branch (main) worked on something else, and merged upstream after the freeze (first parent: local).
    writeFile(dir, 'registry/workloads/w.md', workload('w', 'host: railiance01\n'));
    await git.add({ fs, dir, filepath: 'registry/workloads/w.md' });
    const c = await commitFiles(dir, { 'notes.md': 'local work\n' }, '2026-07-05T00:00:00Z');
    await commitFiles(dir, { ...w('host: coulombcore\n'), ...wl('m', 'host: coulombcore\n') }, '2026-07-06T00:00:00Z', { parent: [c, b] });
    const h = await placementHistory(dir, ['registry/workloads/w.md', 'registry/workloads/m.md']);
    assert.ok(h.available);
    assert.equal(h.commits, 4);
    assert.equal(day(h.firstSeen.get('registry/workloads/w.md')?.get('host:coulombcore')), '2026-06-10', 'inherited from the upstream parent');
    assert.equal(day(h.firstSeen.get('registry/workloads/m.md')?.get('host:coulombcore')), '2026-07-06', 'in neither parent: new in the merge');
  });

  it('carries placements through a version whose front matter does not parse', async () => {
    const dir = await newRepo();
    await commitFiles(dir, wl('w', 'host: coulombcore\n'), '2026-06-01T00:00:00Z');
    await commitFiles(dir, { 'registry/workloads/w.md': '---\ntitle: [broken\nhost: coulombcore\n---\n' }, '2026-07-05T00:00:00Z');
    await commitFiles(dir, wl('w', 'host: coulombcore\nowner: ops\n'), '2026-07-06T00:00:00Z');
    const h = await placementHistory(dir, ['registry/workloads/w.md']);
    assert.ok(h.available);
    assert.equal(day(h.firstSeen.get('registry/workloads/w.md')?.get('host:coulombcore')), '2026-06-01');
  });

  it('reads placements from front matter, CRLF and BOM included', () => {
    assert.deepEqual([...placementsIn('\uFEFF---\r\ntitle: x\r\nhost: a\r\ntarget_host: b\r\n---\r\nbody\r\n')!], ['host:a', 'target_host:b']);
    assert.deepEqual([...placementsIn('---\ntitle: x\nhost: null\n---\n')!], []);
    assert.equal(placementsIn('no front matter'), null);
  });

  it('over 100 commits of 100 workload files, gives each placement the start of its current run, as a model of the history says', async () => {
    // The history is written with git fast-import (one process, not 300 stages and commits); the model follows each file's host through it.
    const dir = made.tempDir();
    const files = Array.from({ length: 100 }, (_, i) => `registry/workloads/w${String(i).padStart(3, '0')}.md`);
    const model = new Map<string, { key: string; since: string; movedIn: boolean }>();
    const stream: string[] = [];
    for (let c = 0; c < 100; c++) {
      const date = Date.parse('2026-01-01T00:00:00Z') + c * 86_400_000;
      const iso = new Date(date).toISOString();
      const changed = c === 0 ? files.map((_, i) => i) : [c % 100, (c * 7) % 100, (c * 13) % 100];
      const lines = [`commit refs/heads/main`, `committer Fleet Test <fleet@example.org> ${date / 1000} +0000`, `data 6`, `c${String(c).padStart(4, '0')}`];
      for (const i of new Set(changed)) {
        const host = c === 0 ? (i % 3 === 0 ? 'coulombcore' : 'railiance01') : (i + c) % 4 === 0 ? 'coulombcore' : 'railiance01';
        const text = workload(`w${String(i).padStart(3, '0')}`, `host: ${host}\n${c === 0 ? '' : `owner: rev-${c}\n`}`);
        lines.push(`M 100644 inline ${files[i]}`, `data ${Buffer.byteLength(text)}`, text);
        const was = model.get(files[i]!);
        if (was?.key !== `host:${host}`) model.set(files[i]!, { key: `host:${host}`, since: iso, movedIn: was !== undefined });
      }
      stream.push(`${lines.join('\n')}\n`);
    }
    await runGit(['init', '-q', '-b', 'main'], { cwd: dir });
    await runGit(['fast-import', '--quiet'], { cwd: dir, input: stream.join('') });
    const h = await placementHistory(dir, files);
    assert.ok(h.available);
    assert.equal(h.commits, 100);
    const moved = [...model.values()].filter((m) => m.movedIn).length;
    assert.ok(moved > 0 && moved < files.length, `the history moves some workloads and not others (${moved} moved)`);
    for (const [file, m] of model) {
      assert.deepEqual([...(h.firstSeen.get(file) ?? [])], [[m.key, m.since]], file);
      assert.deepEqual([...(h.movedIn.get(file) ?? [])], m.movedIn ? [m.key] : [], `${file}: began with a move`);
    }
  });
});

describe('evaluateFreeze', () => {
  it('with history: violations after the freeze, grandfathered legacy before it, exceptions never', async () => {
    const h = await placementHistory(fleet.dir, FILES);
    const results = evaluateFreeze(POLICY, HISTORY_WORKLOADS, h, NOW);
    assert.deepEqual(summary(results), [
      'freeze-violation workload:boomerang/host (history)',
      'freeze-violation workload:drifter/host (uncommitted)',
      'freeze-exception workload:excepted/host (history)',
      'freeze-violation workload:fresh/host (uncommitted)',
      'freeze-grandfathered workload:legacy/host (history)',
      'freeze-violation workload:newcomer/host (history)',
      'freeze-violation workload:targeted/target_host (history)',
    ]);
    const newcomer = results.find((r) => r.workload === 'newcomer')!;
    assert.equal(newcomer.severity, 'error');
    assert.match(newcomer.message, /frozen host coulombcore \(host: coulombcore, stage: production\) since the commit of 2026-07-10, after the freeze of 2026-07-03/);
    assert.equal(results.find((r) => r.workload === 'legacy')!.severity, 'info');
    assert.equal(results.find((r) => r.workload === 'fresh')!.firstSeen, NOW);
  });

  it('a placement first seen on the freeze date is after it; an uncommitted one before a future freeze is not', async () => {
    const h = await placementHistory(fleet.dir, FILES);
    const on = evaluateFreeze({ frozen: [{ host: 'coulombcore', since: '2026-07-10' }] }, HISTORY_WORKLOADS, h, NOW);
    assert.equal(on.find((r) => r.workload === 'newcomer')!.code, 'freeze-violation');
    const later = evaluateFreeze({ frozen: [{ host: 'coulombcore', since: '2026-07-10T13:00:00Z' }] }, HISTORY_WORKLOADS, h, NOW);
    assert.equal(later.find((r) => r.workload === 'newcomer')!.code, 'freeze-grandfathered');
    const future = evaluateFreeze({ frozen: [{ host: 'coulombcore', since: '2026-09-01' }] }, HISTORY_WORKLOADS, h, NOW);
    assert.equal(future.filter((r) => r.code === 'freeze-violation').length, 0);
    assert.equal(future.find((r) => r.workload === 'fresh')!.code, 'freeze-grandfathered');
    assert.equal(sinceMs('2026-07-03'), Date.parse('2026-07-03T00:00:00Z'));
    assert.equal(sinceMs('2026-07-03 10:00'), Date.parse('2026-07-03T10:00:00Z'));
    assert.equal(sinceMs('2026-07-03T10:00:00+02:00'), Date.parse('2026-07-03T08:00:00Z'));
  });

  it('without history: one clear warning and the fallback rule, grandfather (default) or violation', async () => {
    const shallow = made.tempDir();
    cpSync(fleet.dir, shallow, { recursive: true });
    writeFileSync(join(shallow, '.git', 'shallow'), `${fleet.commits[3]}\n`);
    const plain = made.tempDir();
    cpSync(fleet.dir, plain, { recursive: true, filter: (src) => !src.includes('.git') });
    for (const [dir, reason] of [
      [shallow, /shallow clone.*git fetch --unshallow/],
      [plain, /not in a Git repository.*full history/],
    ] as const) {
      const h = await placementHistory(dir, FILES);
      const grandfather = evaluateFreeze(POLICY, HISTORY_WORKLOADS, h, NOW);
      assert.deepEqual(summary(grandfather), [
        'freeze-no-history policy:freeze',
        'freeze-grandfathered workload:boomerang/host (no-history)',
        'freeze-grandfathered workload:drifter/host (no-history)',
        'freeze-exception workload:excepted/host (no-history)',
        'freeze-grandfathered workload:fresh/host (no-history)',
        'freeze-grandfathered workload:legacy/host (no-history)',
        'freeze-grandfathered workload:newcomer/host (no-history)',
        'freeze-grandfathered workload:targeted/target_host (no-history)',
      ]);
      assert.equal(grandfather[0]!.severity, 'warning');
      assert.match(grandfather[0]!.message, reason);
      assert.match(grandfather[0]!.message, /without_history: grandfather/);
      const violation = evaluateFreeze({ ...POLICY, without_history: 'violation' }, HISTORY_WORKLOADS, h, NOW);
      assert.deepEqual(summary(violation), [
        'freeze-no-history policy:freeze',
        'freeze-violation workload:boomerang/host (no-history)',
        'freeze-violation workload:drifter/host (no-history)',
        'freeze-exception workload:excepted/host (no-history)',
        'freeze-violation workload:fresh/host (no-history)',
        'freeze-violation workload:legacy/host (no-history)',
        'freeze-violation workload:newcomer/host (no-history)',
        'freeze-violation workload:targeted/target_host (no-history)',
      ]);
      assert.match(violation[0]!.message, /without_history: violation: every placement on a frozen host counts as new/);
    }
  });
});

describe('the freeze reconcile step', () => {
  it('reports violations at the host / target_host key and lists the freeze on the board', async () => {
    const ctx = await runStep(fleet.dir);
    const found = ctx.findings.map((f) => `${f.severity} ${f.code} ${findingRecord(f)} ${f.file}:${f.line}`);
    assert.deepEqual(found, [
      'error freeze-violation workload:boomerang registry/workloads/boomerang.md:4',
      'error freeze-violation workload:drifter registry/workloads/drifter.md:4',
      'error freeze-violation workload:fresh registry/workloads/fresh.md:4',
      'error freeze-violation workload:newcomer registry/workloads/newcomer.md:4',
      'error freeze-violation workload:targeted registry/workloads/targeted.md:5',
    ]);
    const lines = readFileSync(join(fleet.dir, 'registry/workloads/targeted.md'), 'utf8').split('\n');
    assert.equal(lines[4], 'target_host: coulombcore');
    assert.equal(ctx.boardSections.map(renderBoardSection).length, 1);
    const board = ctx.boardSections.map(renderBoardSection)[0]!;
    assert.match(board, /^## Freeze\n\nNo new placements on a frozen host\. The workloads in a freeze's legacy inventory .* every other placement is dated from Git history: /);
    assert.doesNotMatch(board, /Git history is unavailable/);
    assert.doesNotMatch(board, new RegExp(fleet.commits[3]!.slice(0, 7)), 'nothing on the board changes with every commit');
    assert.match(board, /### coulombcore — frozen since 2026-07-03\n\nfrozen for new production/);
    assert.match(board, /\*\*Violations\*\* \(placed after the freeze\): 5\n/);
    assert.match(board, /\| newcomer \| host \| 2026-07-10 \|/);
    assert.match(board, /\| fresh \| host \| not committed yet \|/);
    assert.match(board, /Grandfathered legacy \(placed before the freeze\): 1\n\n\| Workload \| Field \| First seen \|\n\| --- \| --- \| --- \|\n\| legacy \| host \| 2026-06-01 \|/);
    assert.match(board, /Exceptions: 1\n\n\| Workload \| Field \| First seen \|\n\| --- \| --- \| --- \|\n\| excepted \| host \| 2026-07-10 \|/);
  });

  it('without history: a warning at the policy, the fallback on the board, no violations (grandfather)', async () => {
    const plain = made.tempDir();
    cpSync(fleet.dir, plain, { recursive: true, filter: (src) => !src.includes('.git') && !src.includes('.fleethub') });
    const ctx = await runStep(plain);
    assert.deepEqual(
      ctx.findings.map((f) => `${f.severity} ${f.code} ${findingRecord(f)} ${f.file}:${f.line}`),
      ['warning freeze-no-history policy:freeze policies/freeze.yaml:2'],
    );
    assert.match(ctx.boardSections.map(renderBoardSection)[0]!, /\*\*Git history is unavailable\*\* \(not-a-repository\).*without_history: grandfather/);
    assert.match(ctx.boardSections.map(renderBoardSection)[0]!, /\| newcomer \| host \| unknown \(no history\) \|/);
    writeFileSync(join(plain, 'policies/freeze.yaml'), FREEZE_POLICY('violation'));
    const strict = await runStep(plain);
    assert.equal(strict.findings[0]!.code, 'freeze-no-history');
    assert.equal(strict.findings[0]!.line, 7, 'at the without_history key');
    assert.equal(strict.findings.filter((f) => f.code === 'freeze-violation').length, 6, 'every placement but the exception');
  });

  it('does nothing without a freeze policy', async () => {
    const dir = made.fleet({ ...wl('a', 'host: coulombcore\n'), 'registry/nodes/coulombcore.md': node('coulombcore') });
    const ctx = await runStep(dir);
    assert.deepEqual(ctx.findings, []);
    assert.deepEqual(ctx.boardSections.map(renderBoardSection), []);
  });
});

/**
 * The legacy inventory (coulombcore since 2026-07-03, legacy: listed-late, returner,
 * arrived, drained, listed-target, retired-in-place):
 * - listed-late:   first committed 2026-07-10 on coulombcore (the repository began after the freeze) → grandfathered (inventory)
 * - returner:      on coulombcore 06-01, away 07-05, back 07-10 → violation: history contradicts the inventory
 * - arrived:       created on railiance01 06-01, moved to coulombcore 07-10 → violation
 * - drained:       on coulombcore 06-01, moved to railiance01 07-05 → listed as drained
 * - listed-target: host railiance01, target_host coulombcore set 07-10 → violation (the inventory covers host only)
 * - unlisted-late: not listed, first committed 07-10 on coulombcore → violation suggesting the inventory
 * - old:           not listed, on coulombcore since 06-01 → grandfathered (history)
 */
const INVENTORY_POLICY = [
  'kind: freeze',
  'frozen:',
  '  - host: coulombcore',
  "    since: '2026-07-03'",
  '    legacy: [listed-late, returner, arrived, drained, listed-target]',
  '',
].join('\n');

async function inventoryFleet(): Promise<string> {
  const dir = await newRepo();
  await commitFiles(
    dir,
    {
      'registry/nodes/coulombcore.md': node('coulombcore'),
      'registry/nodes/railiance01.md': node('railiance01'),
      'policies/freeze.yaml': INVENTORY_POLICY,
      ...wl('returner', 'host: coulombcore\n'),
      ...wl('arrived', 'host: railiance01\n'),
      ...wl('drained', 'host: coulombcore\n'),
      ...wl('listed-target', 'host: railiance01\n'),
      ...wl('old', 'host: coulombcore\n'),
    },
    '2026-06-01T09:00:00Z',
  );
  await commitFiles(dir, { ...wl('returner', 'host: railiance01\n'), ...wl('drained', 'host: railiance01\n') }, '2026-07-05T09:00:00Z');
  await commitFiles(
    dir,
    {
      ...wl('listed-late', 'host: coulombcore\n'),
      ...wl('unlisted-late', 'host: coulombcore\n'),
      ...wl('returner', 'host: coulombcore\n'),
      ...wl('arrived', 'host: coulombcore\n'),
      ...wl('listed-target', 'host: railiance01\ntarget_host: coulombcore\n'),
    },
    '2026-07-10T09:00:00Z',
  );
  return dir;
}

const inventory = await inventoryFleet();
const freezeRows = (ctx: ReconcileContext): string[] => ctx.findings.map((f) => `${f.severity} ${f.code} ${findingRecord(f)}:${f.line}`);

describe('the legacy inventory', () => {
  it('history tells a run that began with a move from one that began with the file', async () => {
    const files = ['listed-late', 'returner', 'arrived', 'old'].map((id) => `registry/workloads/${id}.md`);
    const h = await placementHistory(inventory, files);
    assert.ok(h.available);
    const moved = (id: string): boolean => h.movedIn.get(`registry/workloads/${id}.md`)!.has('host:coulombcore');
    assert.equal(moved('listed-late'), false, 'first committed on coulombcore');
    assert.equal(moved('returner'), true, 'came back: the file was there, elsewhere');
    assert.equal(moved('arrived'), true);
    assert.equal(moved('old'), false);
  });

  it('grandfathers the workloads it lists with or without history, unless history shows one moved onto the host after the freeze', async () => {
    const ctx = await runStep(inventory);
    assert.deepEqual(freezeRows(ctx), [
      'error freeze-violation workload:arrived:4',
      'error freeze-violation workload:listed-target:5',
      'error freeze-violation workload:returner:4',
      'error freeze-violation workload:unlisted-late:4',
    ]);
    const message = (id: string): string => ctx.findings.find((f) => findingRecord(f) === `workload:${id}`)!.message;
    assert.match(message('returner'), /is in the legacy inventory of frozen host coulombcore, but Git history shows it moved onto coulombcore \(host: coulombcore\) with the commit of 2026-07-10, after the freeze of 2026-07-03/);
    assert.match(message('unlisted-late'), /If it was already on coulombcore when the freeze began \(its file was first committed later\), add it to the freeze's legacy inventory\.$/);
    assert.doesNotMatch(message('arrived'), /add it to the freeze's legacy inventory/, 'history saw it arrive: the inventory cannot help');
    const board = ctx.boardSections.map(renderBoardSection)[0]!;
    assert.match(board, /Grandfathered legacy \(placed before the freeze\): 2\n\n\| Workload \| Field \| First seen \|\n\| --- \| --- \| --- \|\n\| listed-late \| host \| before the freeze \(legacy inventory\) \|\n\| old \| host \| 2026-06-01 \|/);
    assert.match(board, /Legacy inventory no longer on coulombcore \(drained\): drained, listed-target\./);
  });

  it('without history: the inventory still decides for what it lists; the fallback and its warning only for the rest', async () => {
    const plain = made.tempDir();
    cpSync(inventory, plain, { recursive: true, filter: (src) => !src.includes('.git') && !src.includes('.fleethub') });
    const ctx = await runStep(plain);
    assert.deepEqual(freezeRows(ctx), ['warning freeze-no-history policy:freeze:2'], 'old and unlisted-late are outside the inventory');
    assert.match(ctx.boardSections.map(renderBoardSection)[0]!, /\*\*Git history is unavailable\*\* \(not-a-repository\): placements outside the legacy inventory cannot be told new from old/);
    assert.match(ctx.boardSections.map(renderBoardSection)[0]!, /\| returner \| host \| before the freeze \(legacy inventory\) \|/, 'without history, the inventory is all there is');
    assert.match(ctx.boardSections.map(renderBoardSection)[0]!, /\| listed-target \| target\\_host \| unknown \(no history\) \|/);
    writeFileSync(join(plain, 'policies/freeze.yaml'), INVENTORY_POLICY.replace('[listed-late, returner, arrived, drained, listed-target]', '[listed-late, returner, arrived, drained, old, unlisted-late]') + 'without_history: violation\n');
    const listed = await runStep(plain);
    assert.deepEqual(freezeRows(listed), ['warning freeze-no-history policy:freeze:6', 'error freeze-violation workload:listed-target:5'], 'the target placement still needed history');
  });

  it('no placement needs history: no warning, and the same board section as with history', async () => {
    const dir = await newRepo();
    const files = { 'registry/nodes/coulombcore.md': node('coulombcore'), 'policies/freeze.yaml': INVENTORY_POLICY.replace('[listed-late, returner, arrived, drained, listed-target]', '[a, b]'), ...wl('a', 'host: coulombcore\n'), ...wl('b', 'host: coulombcore\n') };
    await commitFiles(dir, files, '2026-11-22T05:00:00Z');
    const plain = made.fleet(files);
    const [withHistory, without] = [await runStep(dir), await runStep(plain)];
    assert.deepEqual([freezeRows(withHistory), freezeRows(without)], [[], []]);
    assert.equal(without.boardSections.map(renderBoardSection)[0], withHistory.boardSections.map(renderBoardSection)[0]);
    assert.doesNotMatch(without.boardSections.map(renderBoardSection)[0]!, /unavailable/);
  });
});

describe('the example fleet and the coulombcore freeze', () => {
  const coulombcoreWorkloads = async (root: string): Promise<string[]> => {
    const { db } = await refreshCache(root);
    try {
      return db.prepare(`SELECT id FROM workloads WHERE host = 'coulombcore' OR target_host = 'coulombcore' ORDER BY id`).pluck().all() as string[];
    } finally {
      db.close();
    }
  };
  const commitFleet = async (root: string, date: string): Promise<void> => {
    await git.init({ fs, dir: root, defaultBranch: 'main' });
    await git.add({ fs, dir: root, filepath: 'registry' });
    await git.add({ fs, dir: root, filepath: 'policies' });
    await git.commit({ fs, dir: root, message: `the fleet as of ${date}`, author: who(date) });
  };

  it("lists every workload on coulombcore in the freeze's legacy inventory (reference 004: grandfathered legacy)", async () => {
    const root = copyExampleFleet();
    try {
      const ids = await coulombcoreWorkloads(root);
      assert.equal(ids.length, 19);
      const { db } = await refreshCache(root);
      const policy = JSON.parse(db.prepare(`SELECT data FROM policies WHERE kind = 'freeze'`).pluck().get() as string) as { frozen: Array<{ legacy: string[] }> };
      db.close();
      assert.deepEqual([...policy.frozen[0]!.legacy].sort(), ids);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads the same with history committed after the freeze (as this repository is), before it, and without history: all grandfathered, no finding', async () => {
    const sections: string[] = [];
    for (const date of ['2026-11-22T05:17:49Z', '2026-06-01T10:00:00Z', null]) {
      const root = copyExampleFleet();
      try {
        if (date) await commitFleet(root, date);
        const ids = await coulombcoreWorkloads(root);
        const ctx = await runStep(root);
        assert.deepEqual(ctx.findings, [], `${date ?? 'no history'}: no freeze finding`);
        const board = ctx.boardSections.map(renderBoardSection)[0]!;
        assert.match(board, /\*\*Violations\*\* \(placed after the freeze\): none\./);
        assert.match(board, new RegExp(`Grandfathered legacy \\(placed before the freeze\\): ${ids.length}\\n`));
        for (const id of ids) assert.match(board, new RegExp(`\\| ${id} \\| host \\| before the freeze \\(legacy inventory\\) \\|`), id);
        sections.push(board);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
    assert.equal(sections[1], sections[0]);
    assert.equal(sections[2], sections[0]);
  });

  it('a workload placed on coulombcore after the freeze is a violation; without history, the warning and the fallback', async () => {
    const root = copyExampleFleet();
    try {
      await commitFleet(root, '2026-11-22T05:17:49Z');
      writeFile(root, 'registry/workloads/newcomer.md', workload('newcomer', 'host: coulombcore\ntarget_host: railiance01\n'));
      await git.add({ fs, dir: root, filepath: 'registry/workloads/newcomer.md' });
      await git.commit({ fs, dir: root, message: 'a new service on coulombcore', author: who('2026-11-23T10:00:00Z') });
      assert.deepEqual(freezeRows(await runStep(root)), ['error freeze-violation workload:newcomer:4']);
      rmSync(join(root, '.git'), { recursive: true, force: true });
      const ctx = await runStep(root);
      assert.deepEqual(freezeRows(ctx), [`warning freeze-no-history policy:freeze:${readFileSync(join(root, 'policies/freeze.yaml'), 'utf8').split('\n').indexOf('without_history: grandfather') + 1}`]);
      assert.match(ctx.findings[0]!.message, /not in a Git repository.*without_history: grandfather/);
      assert.match(ctx.boardSections.map(renderBoardSection)[0]!, /\| newcomer \| host \| unknown \(no history\) \|/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

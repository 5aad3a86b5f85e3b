/**
 * Every finding code has a hint, and the hint reaches the user: in
 * `reconcile --format json` (as validate prints it: file, line, column, hint)
 * and under each finding in the text output. The codes come from real runs:
 * the bundled example fleet plus a few files that trigger the rest (a second
 * freeze without history, an out-of-order drain, a check that errors and one
 * that times out, a task ticked done too early, a duplicate id, peers a node
 * reported, with an agent version its record does not declare), and the hostile corpus, whose test holds validate's findings to
 * their hints, and the codes only diff reports (test/diffImpact.test.ts). Together they must produce every code src/records/hints.ts
 * knows, so no code goes untested and no hint is dead.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { renderNodeReports } from '../src/evaluate/nodeReports.js';
import { HINTS, type FindingCode } from '../src/records/hints.js';
import { FLEET_TRUST_CODES, TRUST_CHAIN_CODES, TRUST_CODES } from './helpers/trustCodes.js';
import { REVIEW_CODES } from './helpers/reviewCodes.js';
import { SHARD_CODES } from './helpers/shardCodes.js';
import { ROLLOUT_CODES } from './helpers/rolloutCodes.js';
import type { ReconcileFindingJson } from '../src/report/reconcileReport.js';
import { cliInProcess, copyExampleFleet, removeDir, REPO, workload, writeFile } from './helpers/fleet.js';

const EXTRA: Record<string, string> = {
  // Freeze without history, counted as violations: a second frozen host.
  'policies/freeze-test.yaml': "kind: freeze\nfrozen:\n  - host: haskelseed\n    since: '2026-01-01'\nwithout_history: violation\n",
  'registry/workloads/hint-newcomer.md': workload('hint-newcomer', 'host: haskelseed\ntarget_host: haskelseed\n'),
  // activity-core (on railiance01) in wave 2 has moved while wave 1's openbao is still on coulombcore; wave 1, marked last, is not.
  'policies/drain-test.yaml': 'kind: drain-sequence\nfrom_host: coulombcore\nwaves:\n  - wave: 1\n    title: first\n    last: true\n    workloads: [openbao]\n  - wave: 2\n    title: second\n    workloads: [activity-core]\n',
  'policies/checks-test.yaml': [
    'kind: checks',
    'checks:',
    '  - id: hint-errors',
    '    title: Fails at run time',
    "    sql: SELECT json_extract('not json', '$.a') AS v",
    '    expect: { empty: true }',
    '  - id: hint-runaway',
    '    title: Never ends',
    '    sql: WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM r) SELECT count(*) FROM r',
    '    expect: { count: 1 }',
    '    timeout: 200ms',
    '  - id: hint-long-timeout',
    '    title: Asks for more than the cap',
    '    sql: SELECT 1 AS one',
    '    expect: { count: 1 }',
    '    timeout: 2h',
    '  - id: hint-too-complex',
    '    title: Too costly to compile',
    `    sql: "WITH ${Array.from({ length: 24 }, (_, i) => (i === 0 ? 'c0(x) AS (SELECT 1)' : `c${i}(x) AS (SELECT a.x FROM c${i - 1} a, c${i - 1} b)`)).join(', ')} SELECT x FROM c23"`,
    '    expect: { empty: true }',
    '',
  ].join('\n'),
  'workplans/HINTS-TEST.md': '---\ntitle: Hints test\nstatus: active\n---\n- [x] T01 Drained too early [done-when:: forge-off-coulombcore]\n',
  'registry/nodes/again/node1.md': '---\ntitle: NODE1 again\nrole: primary\n---\n',
  // A merge conflict left in the modes file.
  'status/modes.json': '{\n<<<<<<< HEAD\n}\n',
};

interface Run {
  codes: Set<FindingCode>;
  findings: ReconcileFindingJson[];
  text: string;
}

let root: string;
let run: Run;

before(async () => {
  root = copyExampleFleet();
  for (const [path, text] of Object.entries(EXTRA)) writeFile(root, path, text);
  // A status document with peers (and an agent version other than its record's), as home-1 (hosting the critical Control API) reported it to a probing run.
  writeFile(root, 'status/node-reports.json', renderNodeReports(new Map([['home-1', { agent_version: '0.0.0-other', peers: [{ id: 'home-2', direct: true, ready: true }] }]])));
  const json = await cliInProcess(['reconcile', '--root', root, '--format', 'json']);
  assert.equal(json.stderr, '');
  const findings = json.json<{ findings: ReconcileFindingJson[] }>().findings;
  run = { codes: new Set(findings.map((f) => f.code)), findings, text: (await cliInProcess(['reconcile', '--root', root])).stdout };
});
after(() => removeDir(root));

describe('hints', () => {
  it('every code fleethub reports is produced by a test run: the example fleet and fixtures here, the hostile corpus for validation', () => {
    const corpus = JSON.parse(readFileSync(join(REPO, 'test', 'corpus', 'hostile', 'cases.json'), 'utf8')) as Array<{ expect: Array<{ code: string }> }>;
    const seen = new Set<string>([...run.codes, ...corpus.flatMap((c) => c.expect.map((e) => e.code)), ...TRUST_CODES, ...TRUST_CHAIN_CODES, ...FLEET_TRUST_CODES, ...REVIEW_CODES, ...SHARD_CODES, ...ROLLOUT_CODES]);
    assert.deepEqual(Object.keys(HINTS).filter((c) => !seen.has(c)), [], 'codes with a hint that no test produces');
    assert.deepEqual([...seen].filter((c) => !(c in HINTS)), [], 'codes produced without a hint');
  });

  it('reconcile --format json gives every finding its file, line, column and hint', () => {
    assert.ok(run.findings.length > 50);
    for (const f of run.findings) {
      const where = `${f.code} ${f.record}`;
      assert.ok(f.hint.length > 0, where);
      assert.equal(typeof f.file, 'string', where);
      if (f.code === 'generated-drift') continue; // a whole file: no position
      assert.ok(Number.isInteger(f.line) && f.line! >= 1, `${where}: line`);
      assert.ok(Number.isInteger(f.column) && f.column! >= 1, `${where}: column`);
    }
    const byCode = (code: FindingCode): ReconcileFindingJson => run.findings.find((f) => f.code === code)!;
    assert.equal(byCode('freeze-violation').hint, HINTS['freeze-violation']);
    assert.equal(byCode('drain-order').record, 'workload:activity-core');
    assert.deepEqual([byCode('drain-last-wave-not-last').file, byCode('drain-last-wave-not-last').line], ['policies/drain-test.yaml', 6]);
    assert.equal(byCode('duplicate-id').hint, HINTS['duplicate-id'], "validation findings keep validate's hint");
    assert.equal(byCode('check-error').severity, 'error');
    assert.match(byCode('check-timeout').hint, /longer timeout/);
    assert.equal(byCode('check-failed').hint, HINTS['check-failed'].replace('<id>', byCode('check-failed').record.replace(/^check:/, '')), 'names the check');
    const early = byCode('done-not-verified');
    assert.equal(early.record, 'task:HINTS-TEST/T01');
    assert.deepEqual([early.file, early.line, early.column], ['workplans/HINTS-TEST.md', 5, 7]);
    assert.equal(early.hint, 'finish the work until the done-when checks pass (fleethub check forge-off-coulombcore), or reopen the task: fleethub task reopen HINTS-TEST T01');
  });

  it('the text output lists findings as path:line:col: severity[code]: message, each hint once, under the first finding that has it', () => {
    const lines = run.text.split('\n');
    const heads = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^ {2}\S+:\d+:\d+: (?:error|warning)\[[a-z0-9-]+\]: /.test(l));
    assert.equal(heads.length, 50, 'the first 50, then a pointer to the JSON');
    const seen = new Set<string>();
    for (const { l, i } of heads) {
      const code = /\[([a-z0-9-]+)\]/.exec(l)![1]!;
      const next = lines[i + 1]!;
      if (!next.startsWith('    hint: ')) {
        const templated = code === 'check-failed' || code === 'done-not-verified' || code === 'verified-not-ticked';
        assert.ok(templated ? seen.size > 0 : seen.has(HINTS[code as FindingCode]), `${l}: no hint, and its hint was not shown before`);
        continue;
      }
      assert.ok(!seen.has(next.slice('    hint: '.length)), `${next} is printed twice`);
      seen.add(next.slice('    hint: '.length));
      if (code !== 'check-failed' && code !== 'done-not-verified' && code !== 'verified-not-ticked') assert.equal(next, `    hint: ${HINTS[code as FindingCode]}`);
    }
    assert.match(run.text, new RegExp(`\\.\\.\\. and ${run.findings.length - 50} more \\(fleethub reconcile --format json lists them all\\)`));
    assert.match(run.text, /^ {2}policies\/checks-test\.yaml:\d+:\d+: error\[check-error\]: Fails at run time: the check could not run: malformed JSON\n {4}hint: /m);
    const first = heads.findIndex(({ l }) => l.includes(': warning['));
    assert.ok(first === -1 || heads.slice(first).every(({ l }) => l.includes(': warning[')), 'errors first');
  });
});

describe('docs/policies.md', () => {
  it('lists, with its severity, every code the reconcile steps report beyond validation, and no other', () => {
    const doc = readFileSync(join(REPO, 'docs', 'policies.md'), 'utf8');
    const table = doc.slice(doc.indexOf('| code | severity |'), doc.indexOf('\n\n', doc.indexOf('| code | severity |')));
    const documented = new Map<string, string>();
    for (const row of table.split('\n').slice(2)) {
      const [codes, severity] = row.split('|').slice(1, 3).map((c) => c.trim());
      for (const m of codes!.matchAll(/`([a-z0-9-]+)`/g)) documented.set(m[1]!, severity!);
    }
    const corpus = JSON.parse(readFileSync(join(REPO, 'test', 'corpus', 'hostile', 'cases.json'), 'utf8')) as Array<{ expect: Array<{ code: string }> }>;
    const validation = new Set([...corpus.flatMap((c) => c.expect.map((e) => e.code)), 'duplicate-id']);
    assert.deepEqual([...documented.keys()].sort(), Object.keys(HINTS).filter((c) => !validation.has(c)).sort());
    for (const f of run.findings) {
      if (validation.has(f.code)) continue;
      const said = documented.get(f.code)!;
      assert.ok(said.startsWith(f.severity) || (f.code === 'check-failed' && said.includes('severity')), `${f.code} is ${f.severity}, the table says ${said}`);
    }
  });
});

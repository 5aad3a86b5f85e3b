/**
 * The exit-code table of README.md, one row at a time, through the CLI's
 * main(), as bin/fleethub.js runs it:
 * 0 = nothing at or above --fail-on; 1 = findings at or above it, or drift
 * with reconcile --check (the JSON result says which); 2 = usage or internal
 * error. And one truth: status and reconcile report the same findings.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliInProcess, copyExampleFleet, fleetMaker, node, removeDir, REPO, workload } from './helpers/fleet.js';
import type { ReconcileFindingJson } from '../src/report/reconcileReport.js';

interface Result {
  exit: number;
  reasons: string[];
  failOn: string;
}

const { fleet, cleanup } = fleetMaker();
let bundled: string;
before(() => {
  bundled = copyExampleFleet({ status: true });
});
after(() => {
  cleanup();
  removeDir(bundled);
});

const result = async (args: string[]): Promise<{ code: number | null; result: Result; json: Record<string, unknown> }> => {
  const r = await cliInProcess([...args, '--format', 'json']);
  assert.equal(r.stderr, '', r.stderr);
  const json = r.json<Record<string, unknown> & { result: Result }>();
  return { code: r.code, result: json.result, json };
};

describe('exit 0: the command did its job and found nothing at or above --fail-on', () => {
  it('a clean fleet: status, reconcile --check after --write, validate, workplan, check', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'workplans/WP.md': '---\ntitle: WP\nstatus: active\n---\n- [ ] T1 one\n' });
    assert.equal((await cliInProcess(['reconcile', '--write', '--root', root])).code, 0);
    for (const args of [['status'], ['reconcile', '--check'], ['validate'], ['workplan'], ['workplan', 'WP'], ['check']]) {
      const r = await result([...args, '--root', root]);
      assert.equal(r.code, 0, args.join(' '));
      assert.deepEqual(r.result, { exit: 0, reasons: [], failOn: 'error' }, args.join(' '));
    }
  });

  it('warnings only: 0 by default, 1 with --fail-on warning (status, reconcile, validate)', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/workloads/w.md': workload('w', 'host: nowhere\n') });
    assert.equal((await cliInProcess(['reconcile', '--write', '--root', root])).code, 0);
    for (const cmd of ['status', 'reconcile', 'validate']) {
      assert.equal((await result([cmd, '--root', root])).code, 0, cmd);
      const strict = await result([cmd, '--root', root, '--fail-on', 'warning']);
      assert.equal(strict.code, 1, cmd);
      assert.deepEqual(strict.result, { exit: 1, reasons: ['findings'], failOn: 'warning' }, cmd);
    }
  });

  it('--fail-on none: the bundled fleet with its findings exits 0 (what the scheduled reconcile runs)', async () => {
    const r = await result(['status', '--root', bundled, '--fail-on', 'none']);
    assert.equal(r.code, 0);
    assert.ok((r.json.findings as { errors: number }).errors > 0, 'the findings are still reported');
    assert.deepEqual(r.result, { exit: 0, reasons: [], failOn: 'none' });
  });

  it('status --fail-on none prints the findings and exits 0 (what the README shows for a fleet with findings)', async () => {
    const r = await cliInProcess(['status', '--rebuild', '--fail-on', 'none', '--root', bundled]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^\d+ error\(s\), \d+ warning\(s\)$/m);
    assert.doesNotMatch(r.stdout, /\n0 error\(s\)/);
  });

  it('the scheduled reconcile workflow passes --fail-on none, so runs on a fleet with findings succeed', async () => {
    const workflow = readFileSync(join(REPO, '.forgejo/workflows/fleethub-reconcile.yml'), 'utf8');
    const line = workflow.split('\n').find((l) => l.includes('fleethub reconcile'))!;
    const args = line.split('fleethub reconcile ')[1]!.trim().split(/\s+/).filter((a) => !a.includes('observations'));
    assert.ok(args.includes('--push') && line.includes('--observations'));
    args.unshift('reconcile');
    // Without --push (no upstream here), the same evaluation and the same verdict.
    const r = await result([...args.filter((a) => a !== '--push'), '--root', bundled]);
    assert.equal(r.code, 0);
    assert.equal(r.result.failOn, 'none');
  });
});

describe('exit 1: problems found, and the JSON result says which', () => {
  it('findings: status and reconcile report the same findings on the bundled fleet, and both exit 1', async () => {
    const s = await result(['status', '--root', bundled]);
    const r = await result(['reconcile', '--root', bundled]);
    assert.equal(s.code, 1);
    assert.equal(r.code, 1);
    assert.deepEqual(s.result, { exit: 1, reasons: ['findings'], failOn: 'error' });
    assert.deepEqual(r.result, s.result);
    const items = (s.json.findings as { items: ReconcileFindingJson[]; errors: number; warnings: number; byCode: Record<string, number> });
    assert.deepEqual(items.items, r.json.findings as ReconcileFindingJson[], 'status lists what reconcile reports, every one');
    assert.ok(items.errors > 0 && items.warnings > 0);
    assert.equal(items.errors + items.warnings, items.items.length);
    assert.equal(Object.values(items.byCode).reduce((a, b) => a + b, 0), items.items.length);
    const text = (await cliInProcess(['status', '--root', bundled])).stdout;
    assert.match(text, new RegExp(`^${items.errors} error\\(s\\), ${items.warnings} warning\\(s\\)$`, 'm'));
    assert.doesNotMatch(text, /Findings\n {2}none/);
  });

  it('workplan findings are the reconcile findings about the workplans', async () => {
    const w = await result(['workplan', '--root', bundled, '--fail-on', 'warning']);
    const r = await result(['reconcile', '--root', bundled]);
    const codes = (list: Array<{ code: string }>): string[] => list.map((f) => f.code).filter((c) => c === 'done-not-verified' || c === 'verified-not-ticked').sort();
    assert.deepEqual(codes(w.json.findings as ReconcileFindingJson[]), codes(r.json.findings as ReconcileFindingJson[]));
    assert.ok(codes(w.json.findings as ReconcileFindingJson[]).length > 0);
    assert.equal(w.code, 1);
  });

  it('drift: reconcile --check exits 0 on the bundled fleet as shipped with --fail-on none, 1 with reason drift once a file drifts', async () => {
    const copy = copyExampleFleet({ status: true });
    try {
      const clean = await result(['reconcile', '--check', '--fail-on', 'none', '--root', copy]);
      assert.equal(clean.code, 0);
      const findings = await result(['reconcile', '--check', '--root', copy]);
      assert.deepEqual([findings.code, findings.result.reasons], [1, ['findings']], 'the fleet has error findings, but no drift');
      writeFileSync(join(copy, 'status/BOARD.md'), 'edited by hand\n');
      const drift = await result(['reconcile', '--check', '--fail-on', 'none', '--root', copy]);
      assert.equal(drift.code, 1);
      assert.deepEqual(drift.result, { exit: 1, reasons: ['drift'], failOn: 'none' });
      assert.deepEqual((await result(['reconcile', '--check', '--root', copy])).result.reasons, ['findings', 'drift']);
      assert.equal((await result(['reconcile', '--fail-on', 'none', '--root', copy])).code, 0, 'without --check, drift is a generated-drift warning');
    } finally {
      removeDir(copy);
    }
  });

  it('a failed probe counts as an error: probe exits 1, and 0 with --fail-on none', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a', 'probes:\n  tcp:\n    - host: 127.0.0.1\n      port: 1\n') });
    const r = await result(['probe', '--root', root]);
    assert.equal(r.code, 1);
    assert.deepEqual(r.result.reasons, ['findings']);
    assert.equal((await result(['probe', '--root', root, '--fail-on', 'none'])).code, 0);
  });
});

describe('every JSON output says how the command ended: result.exit is the exit code', () => {
  it('intent verify, trust verify, outbox list, history, outbox show of nothing: the result and the code agree, with the reason', async () => {
    const cases: Array<[args: string[], env: Record<string, string>, code: number, reasons: string[]]> = [
      [['intent', 'verify', '--root', bundled], {}, 1, ['refused']],
      [['intent', 'verify', 'rap-node-agent-0.2.332-home-test', '--root', bundled], {}, 0, []],
      [['trust', 'verify', '--root', bundled], {}, 0, []],
      [['trust', 'verify', '--root', bundled], { FLEETHUB_TRUST_ROOT: '' }, 1, ['refused']],
      [['outbox', 'list', '--root', bundled], {}, 0, []],
      [['history', 'registry/nodes/node1.md', '--root', REPO], {}, 0, []],
    ];
    for (const [args, env, code, reasons] of cases) {
      const r = await cliInProcess([...args, '--format', 'json'], { env });
      assert.equal(r.code, code, `${args.join(' ')}: ${r.stdout.slice(0, 300)}${r.stderr}`);
      assert.deepEqual(r.json<{ result: Result }>().result, { exit: code, reasons, failOn: 'error' }, args.join(' '));
    }
  });
});

describe('exit 2: usage or internal error', () => {
  it('an unknown node id (probe) is a usage error, like an unknown check id (check)', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    const p = await cliInProcess(['probe', 'nosuch', '--root', root]);
    assert.equal(p.code, 2);
    assert.match(p.stderr, /unknown node id: nosuch \(known: a\)/);
    assert.equal((await cliInProcess(['check', 'nosuch', '--root', root])).code, 2);
    assert.equal((await cliInProcess(['workplan', 'NOSUCH', '--root', root])).code, 2);
  });

  it('a bad --fail-on value, in every command that takes it', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    for (const cmd of ['status', 'reconcile', 'validate', 'workplan', 'probe', 'check']) {
      const r = await cliInProcess([cmd, '--fail-on', 'sometimes', '--root', root]);
      assert.equal(r.code, 2, cmd);
      assert.match(r.stderr, /--fail-on must be error, warning or none, not 'sometimes'/, cmd);
    }
  });
});

/**
 * A corrupt status/modes.json is an error finding at the file (line and
 * column), the previous states are taken as unknown, and the file is kept for
 * a person to mend, never silently reset by --write.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cliInProcess, fleetMaker, node } from './helpers/fleet.js';

const { fleet, cleanup } = fleetMaker();
after(cleanup);

interface Json {
  findings: Array<{ code: string; severity: string; record: string; file: string | null; line: number | null; column: number | null }>;
  nodes: Array<{ id: string; mode: string }>;
  changes: Array<{ path: string }>;
}

const CONFLICT = '{\n  "generated_by": "fleethub",\n  "nodes": {\n<<<<<<< HEAD\n    "a": {"mode":"DEGRADED","since":"2026-01-01T00:00:00.000Z","last_verified":null,"failures":0,"passes":0,"reason":"down"}\n=======\n    "a": {"mode":"ACTIVE","since":"2026-01-01T00:00:00.000Z","last_verified":null,"failures":0,"passes":0,"reason":"up"}\n>>>>>>> other\n  }\n}\n';

describe('an unreadable status/node-reports.json', () => {
  it('is an error at its line and column, and --write keeps the file', async () => {
    const text = '{\n  "generated_by": "fleethub",\n  "nodes": {\n    "a": {"agent_version": "1.0.0",, "peers": []}\n  }\n}\n';
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'status/node-reports.json': text });
    const r = await cliInProcess(['reconcile', '--write', '--root', root, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const json = r.json<Json>();
    const f = json.findings.filter((x) => x.code === 'modes-file-unreadable');
    assert.deepEqual(f.map((x) => [x.severity, x.file, x.line]), [['error', 'status/node-reports.json', 4]]);
    assert.ok(!json.changes.some((c) => c.path === 'status/node-reports.json'));
    assert.equal(readFileSync(join(root, 'status/node-reports.json'), 'utf8'), text, 'not overwritten');
  });
});

describe('an unreadable status/modes.json', () => {
  it('is an error at its line and column; the states are unknown, and --write keeps the file', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'status/modes.json': CONFLICT });
    const r = await cliInProcess(['reconcile', '--write', '--root', root, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const json = r.json<Json>();
    const f = json.findings.filter((x) => x.code === 'modes-file-unreadable');
    assert.deepEqual(f.map((x) => [x.severity, x.file, x.line, x.column]), [['error', 'status/modes.json', 4, 1]]);
    assert.equal(json.nodes.find((n) => n.id === 'a')!.mode, 'UNKNOWN', 'neither side of the conflict is taken as known');
    assert.ok(!json.changes.some((c) => c.path === 'status/modes.json'));
    assert.equal(readFileSync(join(root, 'status/modes.json'), 'utf8'), CONFLICT, 'not overwritten');
    assert.ok((await cliInProcess(['status', '--root', root])).stdout.includes('status/modes.json:4:1: error[modes-file-unreadable]'));
  });

  it('an entry without a valid mode is an error at its line; the other nodes keep their state', async () => {
    const text = '{\n  "generated_by": "fleethub",\n  "nodes": {\n    "a": {"mode":"DEGRADED","since":"2026-01-01T00:00:00.000Z","last_verified":null,"failures":0,"passes":0,"reason":"down"},\n    "b": {"mode":"SLEEPY"}\n  }\n}\n';
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/nodes/b.md': node('b'), 'status/modes.json': text });
    const json = (await cliInProcess(['reconcile', '--root', root, '--format', 'json'])).json<Json>();
    const f = json.findings.filter((x) => x.code === 'modes-file-unreadable');
    assert.deepEqual(f.map((x) => [x.record, x.line, x.column]), [['node:b', 5, 5]]);
    assert.equal(json.nodes.find((n) => n.id === 'a')!.mode, 'DEGRADED');
    assert.equal(json.nodes.find((n) => n.id === 'b')!.mode, 'UNKNOWN');
  });
});

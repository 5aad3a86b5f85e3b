/**
 * The relay's pure parts, in memory: applying events semantically, the
 * planner (journal skips, dead letters, batches by size and by writer), the
 * journals, and the backoff.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventBody, OutboxEvent, Writer } from '../src/reconcile/outboxEvent.js';
import { UpstreamAuthError, UpstreamRejectedError, UpstreamUnreachableError } from '../src/errors.js';
import { applyEvent } from '../src/relay/applyEvent.js';
import { classifyGitError } from '../src/relay/classifyGitError.js';
import { backoffDelay } from '../src/relay/backoffDelay.js';
import { fileView } from '../src/relay/fileView.js';
import { journalIds, journalLine, journalPath } from '../src/relay/journal.js';
import { planRelay } from '../src/relay/planRelay.js';
import { textHash } from '../src/records/textHash.js';
import { renderModesFile } from '../src/evaluate/modesFile.js';

const ADA: Writer = { name: 'Ada', email: 'Ada@Fleet.invalid' };
const BOB: Writer = { name: 'Bob', email: 'bob+ops@fleet.invalid' };
const PLAN = '---\ntitle: P\n---\n- [ ] T01 One\n- [ ] T02 Two\n';
let seq = 0;
const ev = (body: EventBody, writer: Writer = ADA): OutboxEvent => {
  seq += 1;
  const id = `01K${String(seq).padStart(23, '0')}`;
  return { ...body, id, seq, writer, at: '2026-12-01T00:00:00.000Z', state: 'pending', commit: null, dead: null } as OutboxEvent;
};
const task = (t: string, action: 'done' | 'start' = 'done', note?: string, file = 'workplans/WP.md'): EventBody => ({ type: 'task.set', payload: { workplan: 'WP', task: t, action, date: '2026-12-01', file, ...(note ? { note } : {}) } });
const files = (m: Record<string, string>) => (p: string): string | null => m[p] ?? null;

describe('applyEvent', () => {
  it('flips a box and appends a note, finding a workplan that moved to workplans/<id>.md', () => {
    const v = fileView(files({ 'workplans/WP.md': PLAN }));
    assert.deepEqual(applyEvent(v, task('T02', 'start', 'note', 'workplans/old/WP.md')), { ok: true, path: 'workplans/WP.md', changed: true });
    assert.equal(v.changes.get('workplans/WP.md'), '---\ntitle: P\n---\n- [ ] T01 One\n- [/] T02 Two\n  - 2026-12-01: note\n');
  });

  it('says why an event can no longer apply', () => {
    const v = fileView(files({ 'workplans/WP.md': PLAN }));
    assert.deepEqual(applyEvent(v, task('T09')), { ok: false, code: 'task-gone', reason: 'WP (workplans/WP.md): no task T09 in this workplan' });
    const gone = applyEvent(fileView(files({})), task('T01'));
    assert.equal(gone.ok === false && gone.code, 'workplan-gone');
    const outside = applyEvent(v, { type: 'status.file', payload: { path: 'registry/nodes/a.md', text: 'x' } });
    assert.equal(outside.ok === false && outside.code, 'invalid-event');
    const journal = applyEvent(v, { type: 'status.file', payload: { path: 'status/journal/x.jsonl', text: 'x' } });
    assert.equal(journal.ok === false && journal.code, 'invalid-event', 'journals are written by the relay only');
    assert.equal(v.changes.size, 0);
  });

  it('sets and removes nodes in status/modes.json, keeping the others', () => {
    const state = (mode: 'ACTIVE' | 'DEGRADED') => ({ mode, since: null, last_verified: null, observed_at: null, failures: 0, passes: 0, reason: '' });
    const v = fileView(files({}));
    applyEvent(v, { type: 'status.modes', payload: { nodes: { a: state('ACTIVE'), b: state('ACTIVE') } } });
    applyEvent(v, { type: 'status.modes', payload: { nodes: { b: state('DEGRADED') }, remove: ['a'] } });
    const doc = JSON.parse(v.changes.get('status/modes.json')!) as { nodes: Record<string, { mode: string }> };
    assert.deepEqual(Object.fromEntries(Object.entries(doc.nodes).map(([k, s]) => [k, s.mode])), { b: 'DEGRADED' });
  });
});

describe('status events computed from a base another reconcile changed meanwhile', () => {
  const state = (mode: 'ACTIVE' | 'DEGRADED' | 'UNKNOWN', since: string | null = null) => ({ mode, since, last_verified: null, observed_at: null, failures: 0, passes: 0, reason: '' });
  const modes = (nodes: Record<string, ReturnType<typeof state>>) => renderModesFile(new Map(Object.entries(nodes)) as Parameters<typeof renderModesFile>[0]);

  it('are superseded: the entry or file upstream holds now is kept, and an event that changes nothing is settled without a commit', () => {
    // Run A (landed) took a and b from UNKNOWN to ACTIVE at 10:00; run B computed the same transitions at 10:01 from the same base.
    const base = { a: state('UNKNOWN'), b: state('UNKNOWN') };
    const upstream = { 'status/modes.json': modes({ a: state('ACTIVE', '10:00'), b: state('ACTIVE', '10:00') }), 'status/BOARD.md': 'board by A\n' };
    const bModes = ev({ type: 'status.modes', payload: { nodes: { a: state('ACTIVE', '10:01'), b: state('ACTIVE', '10:01') }, base } });
    const bBoard = ev({ type: 'status.file', payload: { path: 'status/BOARD.md', text: 'board by B\n', base: textHash('board before\n') } });
    const plan = planRelay([bModes, bBoard], files(upstream), { batchSize: 10, journal: true });
    assert.deepEqual(plan.batches, [], 'no commit, not even a journal line');
    assert.deepEqual(plan.landed, [bModes.id, bBoard.id]);
    assert.deepEqual(plan.superseded, ['status/BOARD.md'], 'the board is named: upstream keeps a version without this change');
    const same = planRelay([ev({ type: 'status.file', payload: { path: 'status/BOARD.md', text: 'board by A\n', base: textHash('board before\n') } })], files(upstream), { batchSize: 10, journal: true });
    assert.deepEqual([same.batches, same.superseded], [[], []], 'a file upstream already holds as this event would write it is not superseded');
    // From the base upstream still holds, the same events apply; only the entries still at their base move.
    const fresh = planRelay([bModes, bBoard], files({ 'status/modes.json': modes({ a: state('UNKNOWN'), b: state('DEGRADED') }), 'status/BOARD.md': 'board before\n' }), { batchSize: 10, journal: true });
    const doc = JSON.parse(fresh.batches[0]!.changes.get('status/modes.json')!) as { nodes: Record<string, { mode: string; since: string | null }> };
    assert.deepEqual([doc.nodes.a!, doc.nodes.b!].map((n) => `${n.mode} ${n.since}`), ['ACTIVE 10:01', 'DEGRADED null'], 'b was changed by someone else: left as it is');
    assert.equal(fresh.batches[0]!.changes.get('status/BOARD.md'), 'board by B\n');
    // Events without a base (older fleethub) apply as before.
    const old = planRelay([ev({ type: 'status.file', payload: { path: 'status/BOARD.md', text: 'board by B\n' } })], files(upstream), { batchSize: 10, journal: true });
    assert.equal(old.batches[0]!.changes.get('status/BOARD.md'), 'board by B\n');
  });
});

describe('planRelay', () => {
  it('skips events already in their journal, sets dead letters aside, and batches the rest with journal lines', () => {
    const landed = ev(task('T01'));
    const dead = ev(task('T99'));
    const a = ev(task('T02', 'start', 'n1'));
    const b = ev(task('T02', 'done', 'n2'));
    const read = files({ 'workplans/WP.md': PLAN, [journalPath(ADA)]: journalLine(landed) });
    const plan = planRelay([landed, dead, a, b], read, { batchSize: 10, journal: true });
    assert.deepEqual(plan.landed, [landed.id]);
    assert.deepEqual(plan.dead.map((d) => [d.id, d.code]), [[dead.id, 'task-gone']]);
    assert.equal(plan.batches.length, 1);
    assert.deepEqual(plan.batches[0]!.events.map((e) => e.id), [a.id, b.id]);
    assert.equal(plan.batches[0]!.changes.get('workplans/WP.md'), '---\ntitle: P\n---\n- [ ] T01 One\n- [x] T02 Two\n  - 2026-12-01: n1\n  - 2026-12-01: n2\n', 'T01 was not applied again');
    assert.deepEqual([...journalIds(plan.batches[0]!.changes.get(journalPath(ADA))!)], [landed.id, a.id, b.id]);
  });

  it('makes each batch at most batchSize events of one writer, each batch building on the one before', () => {
    const events = [ev(task('T01', 'start', '1')), ev(task('T01', 'start', '2')), ev(task('T01', 'start', '3')), ev(task('T02', 'start', '4'), BOB), ev(task('T02', 'done', '5'), BOB)];
    const plan = planRelay(events, files({ 'workplans/WP.md': PLAN }), { batchSize: 2, journal: true });
    assert.deepEqual(plan.batches.map((b) => b.events.map((e) => e.writer.name).join('')), ['AdaAda', 'Ada', 'BobBob']);
    assert.match(plan.batches[2]!.changes.get('workplans/WP.md')!, /- 2026-12-01: 1\n {2}- 2026-12-01: 2\n {2}- 2026-12-01: 3\n- \[x\] T02 Two\n {2}- 2026-12-01: 4\n {2}- 2026-12-01: 5\n$/);
    assert.equal(plan.batches[2]!.changes.has(journalPath(ADA)), false, "Bob's batch leaves Ada's journal alone");
    assert.deepEqual(planRelay(events, files({ 'workplans/WP.md': PLAN }), { batchSize: 2, journal: true }), plan, 'same inputs, same plan');
  });

  it('writes no journal for the working tree', () => {
    const plan = planRelay([ev(task('T01'))], files({ 'workplans/WP.md': PLAN }), { batchSize: 5, journal: false });
    assert.deepEqual([...plan.batches[0]!.changes.keys()], ['workplans/WP.md']);
  });
});

describe('journals and backoff', () => {
  it('names a journal after the writer, safely, and reads only journal lines', () => {
    assert.equal(journalPath(ADA), 'status/journal/ada_fleet.invalid.jsonl');
    assert.equal(journalPath(BOB), 'status/journal/bob_ops_fleet.invalid.jsonl');
    assert.equal(journalPath({ name: 'x', email: '../../etc' }), 'status/journal/etc.jsonl');
    const e = ev(task('T01'));
    assert.deepEqual([...journalIds(`garbage\n${journalLine(e)}{"id":"short"}\n`)], [e.id]);
  });

  it('backs off exponentially with jitter, capped', () => {
    assert.equal(backoffDelay(0, 0.5), 0);
    assert.equal(backoffDelay(1, 0), 500);
    assert.equal(backoffDelay(1, 1), 1000);
    assert.equal(backoffDelay(4, 0), 4000);
    assert.equal(backoffDelay(4, 0.999999), 8000);
    assert.equal(backoffDelay(40, 1), 300_000);
    assert.ok(backoffDelay(3, 0.25) > backoffDelay(3, 0.2));
  });
});

describe('classifyGitError', () => {
  const url = 'https://git.example.invalid/fleet.git';
  const http = (statusCode: number) => Object.assign(new Error(`HTTP Error: ${statusCode}`), { code: 'HttpError', data: { statusCode, statusMessage: 'x' } });
  it('tells transient failures (back off) from refused credentials (stop) and other refusals', () => {
    assert.ok(classifyGitError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), url, null, 'push') instanceof UpstreamUnreachableError);
    assert.ok(classifyGitError(new Error('Request timed out'), url, null, 'push') instanceof UpstreamUnreachableError);
    assert.ok(classifyGitError(http(503), url, null, 'push') instanceof UpstreamUnreachableError);
    assert.ok(classifyGitError(http(429), url, null, 'push') instanceof UpstreamUnreachableError);
    const auth = classifyGitError(http(401), url, 'the token in FLEETHUB_TOKEN', 'push');
    assert.ok(auth instanceof UpstreamAuthError && /refused the token in FLEETHUB_TOKEN/.test(auth.message));
    assert.ok(classifyGitError(http(403), url, null, 'push') instanceof UpstreamAuthError);
    assert.ok(classifyGitError(http(404), url, null, 'push') instanceof UpstreamRejectedError);
    assert.equal(classifyGitError(http(404), url, null, 'fetch').message, `upstream ${url} refused git fetch (HTTP 404: no Git repository at that URL); events stay in the outbox`, 'the step that was refused, not always the push');
    assert.match(classifyGitError(http(422), url, null, 'push').message, /rejected the push \(HTTP 422\)/);
    const bug = new TypeError('x is undefined');
    assert.equal(classifyGitError(bug, url, null, 'push'), bug, 'a bug is not dressed up as a network problem');
  });
});

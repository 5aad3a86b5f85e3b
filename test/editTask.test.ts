import assert from 'node:assert/strict';
import { PLAIN } from '../src/report/style.js';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { refreshCache } from '../src/cache/refreshCache.js';
import type { Context, Outcome } from '../src/cli/command.js';
import { taskCommand } from '../src/cli/task.js';
import { validate } from '../src/cli/validate.js';
import { UsageError } from '../src/errors.js';
import { parseTasks } from '../src/records/parseTasks.js';
import { splitFrontMatter } from '../src/records/splitFrontMatter.js';
import { editTask, type TaskAction, type TaskEdit } from '../src/records/editTask.js';
import { copyExampleFleet, fleetMaker, node, REPO, removeDir } from './helpers/fleet.js';

const FM = '---\ntitle: Plan\nstatus: active\n---\n';
const DATE = '2026-11-22';

/** Applies an edit that must succeed, and checks no other task changed state, id, line or parent. */
function edit(text: string, id: string, action: TaskAction, note?: string): TaskEdit {
  const r = editTask(text, id, action, { note, date: DATE });
  assert.ok(!('error' in r), 'error' in r ? r.message : '');
  const before = tasksOf(text);
  const after = tasksOf(r.text);
  assert.equal(after.length, before.length, 'same number of tasks');
  after.forEach((t, i) => {
    const b = before[i]!;
    const lineShift = r.noteLine !== null && b.line >= r.noteLine ? 1 : 0;
    assert.deepEqual({ ...t, state: t.id === id ? b.state : t.state }, { ...b, line: b.line + lineShift }, `task ${t.id} unchanged`);
  });
  return r;
}

function tasksOf(text: string) {
  const s = splitFrontMatter(text.replace(/^\uFEFF/, ''));
  assert.ok(s.ok);
  return parseTasks(s.body, s.bodyLine).tasks;
}

describe('editTask: boxes', () => {
  const text = `${FM}# Plan\n\n<!-- keep: [ ] T01 in a comment -->\n- [ ] T01 First [owner:: ops]   \n- [x] T02 Second\t\n`;
  const expect: Record<TaskAction, string> = { start: '/', done: 'x', block: '!', cancel: '-', reopen: ' ' };
  for (const [action, box] of Object.entries(expect) as Array<[TaskAction, string]>) {
    it(`${action} sets [${box}] and nothing else`, () => {
      const r = edit(text, 'T01', action);
      assert.equal(r.text, `${FM}# Plan\n\n<!-- keep: [ ] T01 in a comment -->\n- [${box}] T01 First [owner:: ops]   \n- [x] T02 Second\t\n`);
      assert.equal(r.changed, action !== 'reopen');
      assert.equal(r.from, 'todo');
    });
  }

  it('reports from and to, and leaves a box alone when it already says so', () => {
    const r = edit(text, 'T02', 'reopen');
    assert.deepEqual([r.from, r.to, r.line, r.changed], ['done', 'todo', 9, true]);
    const same = edit(text, 'T02', 'done');
    assert.equal(same.changed, false);
    assert.equal(same.text, text);
    const upper = `${FM}- [X] T03 Done in capitals\n`;
    assert.deepEqual([edit(upper, 'T03', 'done').changed, edit(upper, 'T03', 'done').text], [false, upper], '[X] is done already');
  });

  it('keeps ordered-list and other markers', () => {
    const r = edit(`${FM}1. [ ] T01 One\n2) [/] T02 Two\n* [ ] T03 Three\n+ [ ] T04 Four\n`, 'T02', 'done');
    assert.equal(r.text, `${FM}1. [ ] T01 One\n2) [x] T02 Two\n* [ ] T03 Three\n+ [ ] T04 Four\n`);
  });
});

describe('editTask: notes', () => {
  it('adds a dated note right under a task without sub-bullets', () => {
    const r = edit(`${FM}- [ ] T01 First\n- [ ] T02 Second\n`, 'T01', 'start', 'began the work');
    assert.equal(r.text, `${FM}- [/] T01 First\n  - ${DATE}: began the work\n- [ ] T02 Second\n`);
    assert.deepEqual([r.line, r.noteLine, r.note], [5, 6, 'began the work']);
  });

  it('goes after existing notes, sub-bullets, paragraphs and blank lines inside the block, before trailing blank lines', () => {
    const text = `${FM}- [/] T01 First\n  - 2026-11-01: older note\n  - a sub-bullet\n\n    more about the sub-bullet\n  continued paragraph\n\n\n- [ ] T02 Second\n`;
    const r = edit(text, 'T01', 'done', 'finished');
    assert.equal(r.text, `${FM}- [x] T01 First\n  - 2026-11-01: older note\n  - a sub-bullet\n\n    more about the sub-bullet\n  continued paragraph\n  - ${DATE}: finished\n\n\n- [ ] T02 Second\n`);
  });

  it('keeps CRLF everywhere, including the new line', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const text = crlf(`${FM}# Plan\n- [ ] T01 First\n  - 2026-11-01: older\n- [ ] T02 Second\n`);
    const r = edit(text, 'T01', 'block', 'waiting on ops');
    assert.equal(r.text, crlf(`${FM}# Plan\n- [!] T01 First\n  - 2026-11-01: older\n  - ${DATE}: waiting on ops\n- [ ] T02 Second\n`));
  });

  it('keeps a missing final newline, LF and CRLF', () => {
    assert.equal(edit(`${FM}- [ ] T01 Last`, 'T01', 'done', 'ok').text, `${FM}- [x] T01 Last\n  - ${DATE}: ok`);
    assert.equal(edit(`${FM}- [ ] T01 Last\n  - old`, 'T01', 'done', 'ok').text, `${FM}- [x] T01 Last\n  - old\n  - ${DATE}: ok`);
    const crlf = '---\r\ntitle: P\r\nstatus: active\r\n---\r\n- [ ] T01 Last\r\n  - old';
    assert.equal(edit(crlf, 'T01', 'cancel', 'dropped').text, `---\r\ntitle: P\r\nstatus: active\r\n---\r\n- [-] T01 Last\r\n  - old\r\n  - ${DATE}: dropped`);
    assert.equal(edit(`${FM}- [ ] T01 Last`, 'T01', 'done').text, `${FM}- [x] T01 Last`);
  });

  it('edits a parent after its nested tasks, or a child inside its parent', () => {
    const text = `${FM}- [ ] T01 Parent\n  - [ ] T02 Child\n    - child note\n  - [ ] T03 Other child\n- [ ] T04 Next\n`;
    assert.equal(
      edit(text, 'T01', 'start', 'parent note').text,
      `${FM}- [/] T01 Parent\n  - [ ] T02 Child\n    - child note\n  - [ ] T03 Other child\n  - ${DATE}: parent note\n- [ ] T04 Next\n`,
    );
    assert.equal(
      edit(text, 'T02', 'done', 'child done').text,
      `${FM}- [ ] T01 Parent\n  - [x] T02 Child\n    - child note\n    - ${DATE}: child done\n  - [ ] T03 Other child\n- [ ] T04 Next\n`,
    );
    assert.equal(
      edit(text, 'T03', 'done', 'last child').text,
      `${FM}- [ ] T01 Parent\n  - [ ] T02 Child\n    - child note\n  - [x] T03 Other child\n    - ${DATE}: last child\n- [ ] T04 Next\n`,
    );
  });

  it('indents with a tab under a tab-indented task, and follows the indentation of existing children', () => {
    const tabs = `${FM}- [ ] T01 Parent\n\t- [ ] T02 Child\n\t\t- old\n\t- [ ] T03 Other\n`;
    assert.equal(edit(tabs, 'T02', 'done', 'n').text, `${FM}- [ ] T01 Parent\n\t- [x] T02 Child\n\t\t- old\n\t\t- ${DATE}: n\n\t- [ ] T03 Other\n`);
    assert.equal(edit(tabs, 'T03', 'done', 'n').text, `${FM}- [ ] T01 Parent\n\t- [ ] T02 Child\n\t\t- old\n\t- [x] T03 Other\n\t\t- ${DATE}: n\n`);
    assert.equal(edit(tabs, 'T01', 'start', 'n').text, `${FM}- [/] T01 Parent\n\t- [ ] T02 Child\n\t\t- old\n\t- [ ] T03 Other\n\t- ${DATE}: n\n`);
    const four = `${FM}- [ ] T01 Parent\n    - old note\n`;
    assert.equal(edit(four, 'T01', 'done', 'n').text, `${FM}- [x] T01 Parent\n    - old note\n    - ${DATE}: n\n`);
    assert.equal(edit(`${FM}10. [ ] T01 Ordered\n`, 'T01', 'done', 'n').text, `${FM}10. [x] T01 Ordered\n    - ${DATE}: n\n`);
  });

  it('makes the note one line, and ignores an empty note', () => {
    const r = edit(`${FM}- [ ] T01 First\n`, 'T01', 'done', ' line one\nline two\r\nline three\rand\u0000nul  ');
    assert.equal(r.text, `${FM}- [x] T01 First\n  - ${DATE}: line one line two line three and nul\n`);
    const empty = edit(`${FM}- [x] T01 First\n`, 'T01', 'done', ' \n ');
    assert.deepEqual([empty.changed, empty.note], [false, null]);
  });

  it('adds a note even when the box stays', () => {
    const r = edit(`${FM}- [x] T01 First\n`, 'T01', 'done', 'verified again');
    assert.deepEqual([r.changed, r.from, r.to], [true, 'done', 'done']);
    assert.equal(r.text, `${FM}- [x] T01 First\n  - ${DATE}: verified again\n`);
  });

  it('keeps a fenced code block under the task inside the block, even with unindented lines', () => {
    const text = `${FM}- [ ] T01 Deploy\n  \`\`\`sh\nmake deploy\n- [ ] T09 not a task\n  \`\`\`\n- [ ] T02 Next\n`;
    assert.equal(edit(text, 'T01', 'done', 'deployed').text, `${FM}- [x] T01 Deploy\n  \`\`\`sh\nmake deploy\n- [ ] T09 not a task\n  \`\`\`\n  - ${DATE}: deployed\n- [ ] T02 Next\n`);
  });

  it('keeps a lazy continuation line in the block, but not a heading or a comment', () => {
    const lazy = `${FM}- [ ] T01 A long title\nwrapped without indentation\n- [ ] T02 Next\n`;
    assert.equal(edit(lazy, 'T01', 'done', 'n').text, `${FM}- [x] T01 A long title\nwrapped without indentation\n  - ${DATE}: n\n- [ ] T02 Next\n`);
    const heading = `${FM}- [ ] T01 Task\n## Next section\n<!-- comment -->\n`;
    assert.equal(edit(heading, 'T01', 'done', 'n').text, `${FM}- [x] T01 Task\n  - ${DATE}: n\n## Next section\n<!-- comment -->\n`);
    const afterBlank = `${FM}- [ ] T01 Task\n\nA paragraph after the list.\n`;
    assert.equal(edit(afterBlank, 'T01', 'done', 'n').text, `${FM}- [x] T01 Task\n  - ${DATE}: n\n\nA paragraph after the list.\n`);
  });
});

describe('editTask: what is not a task', () => {
  it('does not touch a task inside a code fence, and edits the real one outside', () => {
    const text = `${FM}Example:\n\n\`\`\`markdown\n- [ ] T01 Example in a fence\n\`\`\`\n\n~~~\n- [ ] T01 another\n~~~\n- [ ] T01 The real one\n`;
    const r = edit(text, 'T01', 'done', 'real');
    assert.equal(r.text, `${FM}Example:\n\n\`\`\`markdown\n- [ ] T01 Example in a fence\n\`\`\`\n\n~~~\n- [ ] T01 another\n~~~\n- [x] T01 The real one\n  - ${DATE}: real\n`);
    const onlyFenced = editTask(`${FM}\`\`\`\n- [ ] T05 fenced\n\`\`\`\n`, 'T05', 'done', { date: DATE });
    assert.equal('error' in onlyFenced && onlyFenced.error, 'task-not-found');
  });

  it('does not touch front matter that looks like a task', () => {
    const text = `---\ntitle: Plan\nstatus: active\nx-note: "- [ ] T01 not here"\n---\n- [ ] T01 Here\n`;
    assert.equal(edit(text, 'T01', 'done').text, `---\ntitle: Plan\nstatus: active\nx-note: "- [ ] T01 not here"\n---\n- [x] T01 Here\n`);
  });

  it('keeps a UTF-8 byte order mark', () => {
    assert.equal(edit(`\uFEFF${FM}- [ ] T01 Bom\n`, 'T01', 'start', 'n').text, `\uFEFF${FM}- [/] T01 Bom\n  - ${DATE}: n\n`);
  });
});

describe('editTask: the bundled example workplans', () => {
  it('edits every task of every example workplan, with a note, changing only that task', () => {
    for (const name of readdirSync(join(REPO, 'workplans')).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(REPO, 'workplans', name), 'utf8');
      for (const t of tasksOf(text)) {
        const r = edit(text, t.id, t.state === 'done' ? 'reopen' : 'done', 'swept');
        const lines = r.text.split('\n');
        assert.match(lines[r.noteLine! - 1]!, new RegExp(`^[ \\t]+- ${DATE}: swept\r?$`), `${name} ${t.id}`);
        lines.splice(r.noteLine! - 1, 1);
        const box = r.text.split('\n')[t.line - 1]![t.boxCol - 1];
        lines[t.line - 1] = lines[t.line - 1]!.slice(0, t.boxCol - 1) + text.split('\n')[t.line - 1]![t.boxCol - 1] + lines[t.line - 1]!.slice(t.boxCol);
        assert.equal(lines.join('\n'), text, `${name} ${t.id}: only the box and the note line differ`);
        assert.ok(box === 'x' || box === ' ');
      }
    }
  });
});

describe('editTask: errors', () => {
  it('reports an unknown task, one with a bad box, a duplicated id, and a file without front matter', () => {
    const unknown = editTask(`${FM}- [ ] T01 One\n`, 'T99', 'done', { date: DATE });
    assert.deepEqual(unknown, { error: 'task-not-found', message: 'no task T99 in this workplan' });
    const bad = editTask(`${FM}- [?] T02 Odd box\n`, 'T02', 'done', { date: DATE });
    assert.deepEqual(bad, { error: 'task-not-found', message: "no task T02 in this workplan (line 5 mentions it but is not a valid task: unknown task box '[?]')" });
    const lookAlike = editTask(`${FM}-[ ] T02 Almost a task\n`, 'T02', 'done', { date: DATE });
    assert.deepEqual(lookAlike, { error: 'task-not-found', message: "no task T02 in this workplan (line 5 mentions it but is not a valid task: this line looks like a task but is not read as one: it needs a space between '-' and the box; write '- [ ] T02 Almost a task')" });
    const twice = editTask(`${FM}- [ ] T01 One\n- [ ] T02 Two\n  - [ ] T01 Again\n`, 'T01', 'done', { date: DATE });
    assert.deepEqual(twice, { error: 'ambiguous', message: 'task T01 is defined more than once (lines 5, 7); give each task its own id first' });
    assert.ok(!('error' in editTask(`${FM}- [ ] T01 One\n- [ ] T02 Two\n  - [ ] T01 Again\n`, 'T02', 'done', { date: DATE })), 'other tasks still editable');
    const noFm = editTask('- [ ] T01 One\n', 'T01', 'done', { date: DATE });
    assert.equal('error' in noFm && noFm.error, 'not-a-workplan');
  });

  it('refuses a malformed date (a programming error, not user input)', () => {
    assert.throws(() => editTask(`${FM}- [ ] T01 One\n`, 'T01', 'done', { date: '22.11.2026' }), RangeError);
  });
});

describe('fleethub task (the command)', () => {
  const { fleet, cleanup } = fleetMaker();
  after(cleanup);
  const task = taskCommand(() => new Date('2026-11-22T23:30:00-05:00')); // already the 23rd in UTC
  const ctx = (root: string, format: 'text' | 'json' = 'text'): Context => ({ cwd: root, env: {}, style: PLAIN, format, root, progress: () => () => {} });
  const run = (root: string, positionals: string[], values: Record<string, string> = {}, format: 'text' | 'json' = 'text'): Promise<Outcome> =>
    task.run({ positionals, values }, ctx(root, format));
  const plan = '---\r\ntitle: Plan\r\nstatus: active\r\n---\r\n# Plan  \r\n\r\n- [ ] T01 First [owner:: ops]\r\n  - 2026-11-01: older\r\n- [ ] T02 Second [depends:: T01]';

  it('edits the file on disk, updates the cache, and validate still passes', async () => {
    const root = fleet({ 'workplans/WP.md': plan, 'registry/nodes/a.md': node('a') });
    const out = await run(root, ['start', 'WP', 'T01'], { note: 'picked up\nby ops' }, 'json');
    const { event, ...json } = out.json?.() as { event: string };
    assert.match(event, /^[0-9A-Z]{26}$/, 'the edit went through the outbox as an event');
    assert.deepEqual(json, {
      workplan: 'WP',
      task: 'T01',
      from: 'todo',
      to: 'doing',
      note: 'picked up by ops',
      file: 'workplans/WP.md',
      line: 7,
      changed: true,
      // A fleet that never wrote status/: nothing rendered with the change, and the text says nothing of it.
      status: { files: [], outOfDate: ['status/modes.json', 'status/BOARD.md', 'status/runtime-registry.json'], unevaluable: null },
      relay: { state: 'applied', target: 'working-tree', written: ['workplans/WP.md'], superseded: [] },
      result: { exit: 0, reasons: [], failOn: 'error' },
    });
    assert.equal(out.text(), 'WP/T01: todo → doing (+ note)\n  workplans/WP.md:7');
    assert.equal(out.problems, false);
    assert.equal(
      readFileSync(join(root, 'workplans/WP.md'), 'utf8'),
      '---\r\ntitle: Plan\r\nstatus: active\r\n---\r\n# Plan  \r\n\r\n- [/] T01 First [owner:: ops]\r\n  - 2026-11-01: older\r\n  - 2026-11-23: picked up by ops\r\n- [ ] T02 Second [depends:: T01]',
    );
    const { db } = await refreshCache(root);
    try {
      assert.deepEqual(db.prepare('SELECT id, state, line FROM tasks ORDER BY line').all(), [{ id: 'T01', state: 'doing', line: 7 }, { id: 'T02', state: 'todo', line: 10 }]);
    } finally {
      db.close();
    }
    assert.equal((await validate.run({ positionals: [], values: {} }, ctx(root))).problems, false);

    const done = await run(root, ['done', 'WP/T02']);
    assert.equal(done.text(), 'WP/T02: todo → done\n  workplans/WP.md:10');
    assert.match(readFileSync(join(root, 'workplans/WP.md'), 'utf8'), /\r\n- \[x\] T02 Second \[depends:: T01\]$/);
  });

  it('a fleet that cannot be evaluated (a pin that does not parse) still takes the task; status/ is left, and it says why', async () => {
    // The example fleet (its intents need the pin), its status/ as its files produce it.
    const root = copyExampleFleet({ status: true });
    try {
      const out = await task.run({ positionals: ['start', 'CUST-WP-0054', 'T05'], values: {} }, { ...ctx(root, 'json'), env: { FLEETHUB_TRUST_ROOT: '{ not json' } });
      const json = out.json?.() as { changed: boolean; status: { files: string[]; unevaluable: string | null } };
      assert.equal(json.changed, true);
      assert.deepEqual(json.status.files, []);
      assert.match(json.status.unevaluable ?? '', /FLEETHUB_TRUST_ROOT/);
      assert.match(out.text(), /status\/ not updated: the fleet cannot be evaluated here \(the pinned trust root \(FLEETHUB_TRUST_ROOT\)/);
      assert.match(readFileSync(join(root, 'workplans/CUST-WP-0054.md'), 'utf8'), /- \[\/\] T05 /);
      assert.equal(readFileSync(join(root, 'status/BOARD.md'), 'utf8'), readFileSync(join(REPO, 'status/BOARD.md'), 'utf8'), 'status/ left as it was');
    } finally {
      removeDir(root);
    }
  });

  it('removes the scratch directory a killed task command left (its process gone), never a live one', async () => {
    const root = fleet({ 'workplans/WP.md': plan, 'registry/nodes/a.md': node('a') });
    // 4194304 is above Linux's largest pid: no process has it.
    const [old, live] = ['task-view-4194305-abc', `task-view-${process.pid}-def`].map((d) => join(root, '.fleethub', d));
    for (const d of [old!, live!]) mkdirSync(join(d, 'workplans'), { recursive: true });
    await run(root, ['start', 'WP', 'T01'], {}, 'json');
    assert.deepEqual([existsSync(old!), existsSync(live!)], [false, true]);
    assert.deepEqual(readdirSync(join(root, '.fleethub')).filter((n) => n.startsWith('task-view-')), [`task-view-${process.pid}-def`], 'nothing else of the kind left behind');
  });

  it('does not write the file when nothing changes', async () => {
    const root = fleet({ 'workplans/WP.md': plan });
    const before = statSync(join(root, 'workplans/WP.md'));
    const out = await run(root, ['reopen', 'WP', 'WP/T01'], {}, 'json');
    assert.equal((out.json?.() as { changed: boolean }).changed, false);
    assert.equal(out.text(), 'WP/T01: already todo, nothing changed\n  workplans/WP.md:7');
    assert.equal(statSync(join(root, 'workplans/WP.md')).mtimeMs, before.mtimeMs);
    assert.equal(readFileSync(join(root, 'workplans/WP.md'), 'utf8'), plan);
  });

  it('refuses unknown workplans and tasks, duplicated ids, broken files and bad arguments with usage errors', async () => {
    const root = fleet({
      'workplans/WP.md': plan,
      'workplans/DUP.md': '---\ntitle: D\nstatus: active\n---\n- [ ] T01 One\n- [ ] T01 Again\n',
      'workplans/BAD.md': '---\ntitle: [\n---\n- [ ] T01 One\n',
    });
    const refused = async (positionals: string[], message: RegExp, values: Record<string, string> = {}): Promise<void> => {
      await assert.rejects(run(root, positionals, values), (e: unknown) => e instanceof UsageError && message.test(e.message));
    };
    await refused(['done', 'NOPE', 'T01'], /^no workplan NOPE \(known workplans: DUP, WP\)$/);
    await refused(['done', 'WP', 'T99'], /^WP \(workplans\/WP\.md\): no task T99 in this workplan$/);
    await refused(['done', 'DUP', 'T01'], /task T01 is defined more than once \(lines 5, 6\)/);
    await refused(['done', 'BAD', 'T01'], /^workplan BAD has an error and cannot be edited until it is fixed: workplans\/BAD\.md:2:/);
    await refused(['finish', 'WP', 'T01'], /unknown action 'finish'/);
    await refused(['done', 'WP'], /give one workplan and one task/);
    await refused(['done', 'WP', 'OTHER/T01'], /task OTHER\/T01 is not in workplan WP/);
    await refused(['done', 'WP', 'T01'], /--note needs some text/, { note: '  ' });
    assert.equal(readFileSync(join(root, 'workplans/WP.md'), 'utf8'), plan, 'nothing written');
  });
});

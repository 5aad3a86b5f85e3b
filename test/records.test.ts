import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRecordFile } from '../src/records/parseRecordFile.js';
import { parseTasks, splitList } from '../src/records/parseTasks.js';
import { splitFrontMatter } from '../src/records/splitFrontMatter.js';
import { createValidators } from '../src/records/validators.js';
import { findCycles } from '../src/cache/crossCheck.js';

const validators = createValidators();
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const parse = (path: string, text: string | Uint8Array, kind: Parameters<typeof parseRecordFile>[1] = 'node') =>
  parseRecordFile(path, kind, typeof text === 'string' ? enc(text) : text, validators);

describe('front matter', () => {
  it('splits front matter and body and counts their lines', () => {
    const s = splitFrontMatter('---\na: 1\nb: 2\n---\nbody\n');
    assert.ok(s.ok);
    assert.equal(s.yaml, 'a: 1\nb: 2\n');
    assert.equal(s.yamlLine, 2);
    assert.equal(s.bodyLine, 5);
    assert.equal(s.body, 'body\n');
  });

  it('handles CRLF line endings', () => {
    const s = splitFrontMatter('---\r\na: 1\r\n---\r\nbody\r\n');
    assert.ok(s.ok);
    assert.equal(s.bodyLine, 4);
    assert.equal(s.body, 'body\r\n');
  });

  it('reports missing and unterminated front matter', () => {
    assert.equal((splitFrontMatter('# just markdown\n') as { code: string }).code, 'frontmatter-missing');
    assert.equal((splitFrontMatter('---\na: 1\n') as { code: string }).code, 'frontmatter-unterminated');
  });
});

describe('parseRecordFile', () => {
  it('keeps a valid node with its references and no findings', () => {
    const r = parse('registry/nodes/n1.md', '---\ntitle: N1\nrole: edge\narea: home\n---\n');
    assert.deepEqual(r.findings, []);
    assert.equal(r.records.length, 1);
    assert.equal(r.records[0]!.id, 'n1');
  });

  it('points a wrong value at its line and column, counting the front matter offset', () => {
    const r = parse('registry/nodes/n1.md', '---\ntitle: N1\nrole: edgy\n---\n');
    assert.equal(r.records.length, 0, 'a hard error keeps the record out');
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.line, f.col]),
      [['schema', 3, 7]],
    );
    assert.match(r.findings[0]!.message, /role.*must be one of/);
  });

  it('a wrong type or value gets a hint that says what to write, naming the schema', () => {
    const node = parse('registry/nodes/n1.md', '---\ntitle: N1\nrole: edge\narea: 12\n---\n');
    assert.deepEqual(node.findings.map((f) => f.hint), ['quote it to make it text: area: "12" (schemas/node.schema.json has the allowed shape)']);
    const w = parse('registry/workloads/w.md', '---\ntitle: W\nkind: service\ncritical: maybe\nstage: producton\nlisteners:\n  - port: https\n    protocol: https\n---\n', 'workload');
    assert.deepEqual(
      w.findings.map((f) => [f.line, f.hint]).sort((a, b) => Number(a[0]) - Number(b[0])),
      [
        [4, 'write true or false (YAML reads yes, no, on and off as text) (schemas/workload.schema.json has the allowed shape)'],
        [5, "write one of the values listed (did you mean 'production'?) (schemas/workload.schema.json has the allowed shape)"],
        [7, 'write a plain number, without quotes or units (schemas/workload.schema.json has the allowed shape)'],
      ],
    );
  });

  it('in a policy file: a bare number for a duration asks for its unit, two expectations for one, and the top level is the file', () => {
    const modes = parse('policies/modes.yaml', 'kind: modes\nfailure_threshold: 3\nsuccess_threshold: 2\nprobe_timeout: 2\nbogus: 1\n', 'policy');
    assert.deepEqual(modes.findings.map((f) => [f.line, f.message, f.hint]).sort((a, b) => Number(a[0]) - Number(b[0])), [
      [4, "'probe_timeout' must be string", 'write a duration like 30s, 5m, 2h or 7d (schemas/modes.schema.json has the allowed shape)'],
      [5, "unknown key 'bogus' in the file", "fix the spelling, remove the key, or prefix it with 'x-' for your own extensions"],
    ]);
    const checks = parse('policies/checks.yaml', 'kind: checks\nchecks:\n  - id: a\n    title: A\n    sql: SELECT 1\n    expect: { empty: true, count: 1 }\n', 'policy');
    assert.deepEqual(checks.findings.map((f) => [f.line, f.message, f.hint]), [[6, "'checks.0.expect' takes one key, not several", 'give exactly one of: empty, count, at_most, at_least (schemas/checks.schema.json has the allowed shape)']]);
  });

  it('points an unknown key at the key itself', () => {
    const r = parse('registry/nodes/n1.md', '---\ntitle: N1\nrole: edge\n  \nenabeld: true\n---\n');
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.line, f.col]),
      [['unknown-key', 5, 1]],
    );
  });

  it("says 'did you mean' for an unknown key close to one its object allows, at any depth", () => {
    const r = parse('registry/nodes/n1.md', '---\ntitle: N1\nrole: edge\nadresses: [a.example]\nprobes:\n  tpc:\n    - host: h\n      prot: 80\nlabls: {}\n---\n');
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.line, f.col, f.message]),
      [
        ['unknown-key', 4, 1, "unknown key 'adresses' in front matter; did you mean 'addresses'?"],
        ['unknown-key', 9, 1, "unknown key 'labls' in front matter; did you mean 'labels'?"],
        ['unknown-key', 6, 3, "unknown key 'tpc' in 'probes'; did you mean 'tcp'?"],
      ],
    );
    const item = parse('registry/nodes/n1.md', '---\ntitle: N1\nrole: edge\nprobes:\n  tcp:\n    - host: h\n      prot: 80\n---\n');
    assert.deepEqual(
      item.findings.filter((f) => f.code === 'unknown-key').map((f) => [f.line, f.col, f.message]),
      [[7, 7, "unknown key 'prot' in 'probes.tcp.0'; did you mean 'port'?"]],
    );
    const check = parse('policies/checks.yaml', "kind: checks\ntitle: C\nchecks:\n  - id: c1\n    title: C1\n    sql: SELECT 1 WHERE 0\n    expect: { empty: true }\n    timout: 5s\n", 'policy');
    assert.deepEqual(
      check.findings.map((f) => [f.code, f.line, f.message]),
      [['unknown-key', 8, "unknown key 'timout' in 'checks.0'; did you mean 'timeout'?"]],
    );
  });

  it("offers no 'did you mean' when nothing is close: at most 2 edits, and 1 for short keys", () => {
    const r = parse('registry/nodes/n1.md', '---\ntitle: N1\nrole: edge\ncolour: red\nrool: edge\nlocalitygrp: g\nadreses: []\n---\n');
    assert.deepEqual(
      r.findings.map((f) => f.message).sort(),
      [
        "unknown key 'adreses' in front matter; did you mean 'addresses'?",
        "unknown key 'colour' in front matter",
        "unknown key 'localitygrp' in front matter",
        "unknown key 'rool' in front matter",
      ],
    );
  });

  it("points an unknown key containing '/' at the key itself", () => {
    const r = parse('registry/nodes/n1.md', '---\ntitle: N1\nrole: edge\n\nx/y: 1\n---\n');
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.line, f.col]),
      [['unknown-key', 5, 1]],
    );
  });

  it('reports every problem of a file at once', () => {
    const r = parse('registry/workloads/w.md', '---\ntitle: W\nkind: servce\nhost: ../etc\ncritical: maybe\n---\n', 'workload');
    assert.deepEqual(
      r.findings.map((f) => [f.line, f.col]),
      [
        [3, 7],
        [4, 7],
        [5, 11],
      ],
    );
  });

  it('positions stay right after a UTF-8 BOM and with CRLF', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('---\r\ntitle: N\r\nrole: nope\r\n---\r\n')]);
    const r = parse('registry/nodes/n.md', bytes);
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.line, f.col]),
      [['schema', 3, 7]],
    );
  });

  it('refuses an id that does not equal the file name', () => {
    const r = parse('registry/nodes/n1.md', '---\nid: n2\ntitle: N1\nrole: edge\n---\n');
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.line, f.col]),
      [['id-mismatch', 2, 5]],
    );
  });

  it('collects references with their JSON pointers', () => {
    const r = parse('registry/workloads/t.md', '---\ntitle: T\nkind: tunnel\nhost: a\nvia: [a, b, c]\n---\n', 'workload');
    assert.deepEqual(
      r.edges.map((e) => [e.rel, e.dstKind, e.dstId, e.ord]),
      [
        ['host', 'node', 'a', 0],
        ['via', 'node', 'a', 0],
        ['via', 'node', 'b', 1],
        ['via', 'node', 'c', 2],
      ],
    );
  });

  it('dispatches policies on kind and reports an unknown kind at the value', () => {
    const ok = parse('policies/modes.yaml', 'kind: modes\nfailure_threshold: 3\nsuccess_threshold: 2\n', 'policy');
    assert.deepEqual(ok.findings, []);
    const bad = parse('policies/x.yaml', '# comment\nkind: moods\n', 'policy');
    assert.deepEqual(
      bad.findings.map((f) => [f.code, f.line, f.col]),
      [['unknown-policy-kind', 2, 7]],
    );
  });

  it('makes each check of a checks policy a record at its own line', () => {
    const r = parse('policies/checks.yaml', 'kind: checks\nchecks:\n  - id: a\n    title: A\n    sql: SELECT 1\n    expect: { empty: true }\n  - id: b\n    title: B\n    sql: SELECT 1\n    expect: { count: 1 }\n', 'policy');
    assert.deepEqual(
      r.records.map((x) => [x.kind, x.id, x.line]),
      [
        ['policy', 'checks', 1],
        ['check', 'a', 3],
        ['check', 'b', 7],
      ],
    );
  });

  it('makes workplan tasks records with qualified dependency edges at their columns', () => {
    const text = '---\ntitle: WP\nstatus: active\n---\n# Tasks\n\n- [x] T01 First [owner:: ops]\n- [ ] T02 Second [depends:: T01, OTHER/T07] [done-when:: c1]\n';
    const r = parse('workplans/WP.md', text, 'workplan');
    assert.deepEqual(r.findings, []);
    assert.deepEqual(
      r.records.map((x) => [x.kind, x.id, x.line]),
      [
        ['workplan', 'WP', 1],
        ['task', 'WP/T01', 7],
        ['task', 'WP/T02', 8],
      ],
    );
    assert.deepEqual(
      r.edges.map((e) => [e.rel, e.dstId, e.line, e.col]),
      [
        ['depends', 'WP/T01', 8, 29],
        ['depends', 'OTHER/T07', 8, 34],
        ['done-when', 'c1', 8, 58],
      ],
    );
  });
});

describe('parseTasks', () => {
  it('reads every box state, nesting and inline fields, skipping code fences', () => {
    const body = [
      '- [ ] T1 todo',
      '- [/] T2 doing',
      '  - [x] T3 done, nested [owner:: me]',
      '    - a note, not a task',
      '- [-] T4 cancelled',
      '* [!] T5 blocked (due:: 2026-08-01)',
      '```',
      '- [ ] T6 inside a fence',
      '```',
      '1. [X] T7 numbered',
    ].join('\n');
    const { tasks, problems } = parseTasks(body, 10);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      tasks.map((t) => [t.id, t.state, t.line, t.depth, t.parent]),
      [
        ['T1', 'todo', 10, 0, null],
        ['T2', 'doing', 11, 0, null],
        ['T3', 'done', 12, 1, 'T2'],
        ['T4', 'cancelled', 14, 0, null],
        ['T5', 'blocked', 15, 0, null],
        ['T7', 'done', 19, 0, null],
      ],
    );
    assert.equal(tasks[2]!.title, 'done, nested');
    assert.deepEqual(tasks[2]!.fields.map((f) => [f.key, f.value]), [['owner', 'me']]);
    assert.deepEqual(tasks[4]!.fields.map((f) => [f.key, f.value]), [['due', '2026-08-01']]);
  });

  it('reports bad boxes, missing ids and duplicate ids', () => {
    const { problems } = parseTasks('- [?] T1 x\n- [ ] just words\n- [ ] T2 a\n- [ ] T2 b\n- [xx] T3\n', 1);
    assert.deepEqual(
      problems.map((p) => [p.code, p.line]),
      [
        ['task-unknown-state', 1],
        ['task-missing-id', 2],
        ['task-duplicate-id', 4],
        ['task-syntax', 5],
      ],
    );
  });

  it('warns about lines that look like tasks but are not, at the spot to fix, with the right form', () => {
    const body = [
      '-[ ] T01 No space after the marker',
      '- [x]T02 No space after the box',
      '  [ ] T03 No list marker',
      '1.[/] T04 Numbered',
      '-[] T05 Empty box',
      '- [ ]T06',
      '-[ ] buy milk',
      '* [ ] T07 A star is a list marker',
      '- [X] T08 A capital X is done',
      '*[x]* is emphasis, [a link](http://example.invalid) and [1]: http://example.invalid are prose',
      '[x](T09) is a link',
      '```',
      '-[ ] T10 In a fence: an example, not a task',
      '```',
    ].join('\n');
    const { tasks, problems } = parseTasks(body, 10);
    assert.deepEqual(tasks.map((t) => [t.id, t.state]), [['T07', 'todo'], ['T08', 'done']]);
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity, p.line, p.col, p.message.replace(/^this line looks like a task but is not read as one: it /, '')]),
      [
        ['task-malformed', 'warning', 10, 2, "needs a space between '-' and the box; write '- [ ] T01 No space after the marker'"],
        ['task-malformed', 'warning', 11, 6, "needs a space after the box; write '- [x] T02 No space after the box'"],
        ['task-malformed', 'warning', 12, 3, "has no list marker before the box; write '- [ ] T03 No list marker'"],
        ['task-malformed', 'warning', 13, 3, "needs a space between '1.' and the box; write '1. [/] T04 Numbered'"],
        ['task-malformed', 'warning', 14, 2, "needs a space between '-' and the box; write '- [ ] T05 Empty box'"],
        ['task-malformed', 'warning', 15, 6, "needs a space after the box; write '- [ ] T06'"],
        ['task-malformed', 'warning', 16, 2, "needs a space between '-' and the box; write '- [ ] buy milk'"],
      ],
    );
  });

  it('makes a look-alike line a warning with its hint that keeps the workplan and its tasks', () => {
    const r = parse('workplans/WP-1.md', '---\ntitle: W\nstatus: active\n---\n- [ ] T01 Real\n-[ ] T02 Almost\n', 'workplan');
    assert.deepEqual(r.findings.map((f) => [f.severity, f.code, f.line, f.col]), [['warning', 'task-malformed', 6, 2]]);
    assert.match(r.findings[0]!.hint ?? '', /- \[ \] T04 Title/);
    assert.deepEqual(r.records.map((x) => x.id), ['WP-1', 'WP-1/T01']);
  });

  it('splits list fields keeping each item column', () => {
    assert.deepEqual(splitList({ key: 'depends', value: 'T1,  T2 ,T3', col: 10 }), [
      { value: 'T1', col: 10 },
      { value: 'T2', col: 15 },
      { value: 'T3', col: 19 },
    ]);
  });
});

describe('findCycles', () => {
  it('finds each cycle once, from its smallest member, and ignores DAGs', () => {
    const g = new Map([
      ['b', ['c']],
      ['c', ['a']],
      ['a', ['b']],
      ['d', ['d']],
      ['e', ['f']],
      ['f', []],
    ]);
    assert.deepEqual(findCycles(g).map((c) => c.cycle), [['a', 'b', 'c'], ['d']]);
  });

  it('survives a very long chain without overflowing the stack', () => {
    const g = new Map<string, string[]>();
    for (let i = 0; i < 100_000; i++) g.set(`n${i}`, [`n${i + 1}`]);
    g.set('n100000', ['n0']);
    assert.equal(findCycles(g).length, 1);
  });
});

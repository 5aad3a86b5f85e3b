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

  it('points an unknown key at the key itself', () => {
    const r = parse('registry/nodes/n1.md', '---\ntitle: N1\nrole: edge\n  \nenabeld: true\n---\n');
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

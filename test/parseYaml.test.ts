/**
 * The record YAML parser (js-yaml, core schema, bounded): the shapes record
 * files are written in give the values the core schema defines (dates stay
 * strings), and what YAML forbids is a located `yaml-syntax` error. These are
 * the cases the removed fast path was held to, now asserted on the one parser.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from '../src/records/parseYaml.js';

function value(text: string): unknown {
  const r = parseYaml(text);
  assert.ok(r.ok, `expected ${JSON.stringify(text)} to parse, got ${JSON.stringify(r)}`);
  return r.data;
}

describe('parseYaml', () => {
  it('resolves plain scalars by the YAML 1.2 core schema (as the yaml package and editors do), dates and versions staying strings', () => {
    assert.deepEqual(value('a: 1\nb: -2\nc: 1.5\nd: 0x1F\ne: 1e3\nf: .inf\ng: ~\nh: null\ni: True\nj: 2026-07-03\nk: 0.2.325\nl: 08\nm: 1_000\n'), {
      a: 1, b: -2, c: 1.5, d: 31, e: 1000, f: Infinity, g: null, h: null, i: true, j: '2026-07-03', k: '0.2.325', l: 8, m: '1_000',
    });
  });

  it('reads block and flow collections, quoted scalars, comments and CRLF', () => {
    assert.deepEqual(value('list:\n  - a\n  - b\nsame:\n- c\n- d\n'), { list: ['a', 'b'], same: ['c', 'd'] });
    assert.deepEqual(value('probes:\n  tcp:\n    - { host: 127.0.0.1, port: 47001 }\n  http:\n    - url: "http://127.0.0.1:1/h"\n      expect_status: 200\n'), {
      probes: { tcp: [{ host: '127.0.0.1', port: 47001 }], http: [{ url: 'http://127.0.0.1:1/h', expect_status: 200 }] },
    });
    assert.deepEqual(value('a: [x, "y, z", \'q\'\'s\', 3, [1, 2], {k: v}]\nb: {}\nc: []\n'), { a: ['x', 'y, z', "q's", 3, [1, 2], { k: 'v' }], b: {}, c: [] });
    assert.deepEqual(value('a: "esc \\" \\\\ \\n \\u00e9"\nb: plain # comment\nc: "x" # comment\n# only a comment\n'), { a: 'esc " \\ \n é', b: 'plain', c: 'x' });
    assert.deepEqual(value('a:\nb:\n  c:\n'), { a: null, b: { c: null } });
    assert.deepEqual(value('url: http://127.0.0.1:8080/health\nsql: SELECT a, b FROM t WHERE x = 1\n'), { url: 'http://127.0.0.1:8080/health', sql: 'SELECT a, b FROM t WHERE x = 1' });
    assert.deepEqual(value('a: b\r\nc: d\r\n'), { a: 'b', c: 'd' });
  });

  it('reads the shapes beyond the plain ones: anchors, tags, block scalars, complex keys', () => {
    assert.deepEqual(value('a: &x 1\nb: *x\n'), { a: 1, b: 1 });
    assert.deepEqual(value('a: !!str 1\n'), { a: '1' });
    assert.deepEqual(value('a: |\n  text\n'), { a: 'text\n' });
    assert.deepEqual(value('a: one\n  two\n'), { a: 'one two' });
    assert.deepEqual(value('a: [1,\n  2]\n'), { a: [1, 2] });
    assert.deepEqual(value('- - a\n'), [['a']]);
    assert.deepEqual(value('"quoted": key\n'), { quoted: 'key' });
    assert.deepEqual(value('a: "\\x41"\n'), { a: 'A' });
  });

  it('rejects duplicate keys and control characters with a located yaml-syntax error', () => {
    for (const [text, line] of [['a: b\na: c\n', 2], ['title: x\na: bell\x07\n', 2]] as const) {
      const r = parseYaml(text, 10);
      assert.equal(r.ok, false, JSON.stringify(text));
      if (r.ok) continue;
      assert.equal(r.code, 'yaml-syntax', JSON.stringify(text));
      assert.equal(r.line, 10 + line - 1, `${JSON.stringify(text)}: ${r.message}`);
    }
  });

  it('places a repeated key whose value is a block scalar at that key (js-yaml says a column left of the line)', () => {
    for (const [text, line, col] of [['kind: x\nkind: |-\n  long\n  text\n', 2, 1], ['a: 1\nb:\n  c: 2\n  d: >\n    folded\n    more\n  c: |\n    x\n', 7, 3]] as const) {
      const r = parseYaml(text, 1);
      assert.equal(r.ok, false, JSON.stringify(text));
      if (r.ok) continue;
      assert.deepEqual([r.code, r.line, r.col], ['yaml-syntax', line, col], `${JSON.stringify(text)}: ${r.message}`);
    }
  });

  it('rejects tab indentation, which js-yaml alone would tolerate', () => {
    const r = parseYaml('a:\n\tb: 1\n');
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.code, 'yaml-syntax');
 
    // A tab before the first key: js-yaml fails a line later ("end of the stream ... expected"); the tab is where to point, and what to say.
    const top = parseYaml('# modes\n\tkind: modes\nfailure_threshold: 3\n', 10);
    assert.equal(top.ok, false);
    if (!top.ok) assert.deepEqual([top.line, top.col, top.message], [11, 1, 'YAML: a tab in the indentation (YAML indents with spaces only)']);
  });

  it('rejects text after a quoted value on its line, which js-yaml alone reads as a second key; a comment there, or quotes inside a plain value, are fine', () => {
    const r = parseYaml('id: n1\ntitle: "Edge node" role: relay\n', 3);
    assert.deepEqual(r, { ok: false, code: 'yaml-syntax', message: 'YAML: text after the quoted value "Edge node" on this line: put the next key on its own line, or quote the whole value', line: 4, col: 8 });
    assert.equal(parseYaml("- 'one' two\n").ok, false);
    assert.deepEqual(parseYaml('title: "Edge node"   # the edge\nnote: he said "hi" to me\nlist: ["a", "b"]\n'), { ok: true, data: { title: 'Edge node', note: 'he said "hi" to me', list: ['a', 'b'] } });
  });

  it('places yaml-too-deep where the nesting passes the limit: the value 32 levels down, or the bracket the parser gave up at (brackets in quotes and comments not counted)', () => {
    const block = `x:\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`;
    const deep = parseYaml(block, 2);
    assert.deepEqual(deep.ok ? null : [deep.code, deep.line, deep.col], ['yaml-too-deep', 2 + 32, 65], 'at k31: the mapping 32 levels down starts there');
    const brackets = parseYaml(`title: "[[[[ not nesting" # [[[[\nlist: '[{' \nx: ${'['.repeat(10000)}\n`, 5);
    assert.deepEqual(brackets.ok ? null : [brackets.code, brackets.line, brackets.col], ['yaml-too-deep', 7, 4 + 32], 'the 33rd bracket');
    const alias = parseYaml('a: 1\nloop: &a [*a]\n');
    assert.deepEqual(alias.ok ? null : [alias.code, alias.line, alias.col], ['yaml-too-deep', 2, 11], 'at the alias that loops');
  });
});

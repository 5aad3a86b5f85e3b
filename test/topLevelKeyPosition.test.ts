/**
 * The line reader for top-level keys (src/records/topLevelKeyPosition.ts)
 * against the `yaml` package it stands in for: on generated front matter —
 * plain mappings and the texts where a line at column 0 is not a key
 * (multi-line quoted scalars and flow collections, block scalars, document
 * markers, quoted, explicit and anchored keys, number and boolean keys,
 * tags, aliases) — whenever it answers on valid YAML, it answers what the
 * parser says; and
 * on the plain records fleethub writes, it does answer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { createLocator } from '../src/records/locate.js';
import { topLevelKeyPosition } from '../src/records/topLevelKeyPosition.js';

/**
 * The parser's answer for a pointer `/key` or `/key/index`, as locate.ts walks the document (null: no such key;
 * 'invalid': the text is not valid YAML, where the parser's answer is a guess).
 */
function parsed(text: string, pointer: string, atKey: boolean): { line: number; col: number } | null | 'invalid' {
  const [key, item] = pointer.split('/') as [string, string | undefined];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  if (doc.errors.length > 0) return 'invalid';
  if (!isMap(doc.contents)) return null;
  const pair = doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  if (!pair) return null;
  let node = (atKey && item === undefined ? pair.key : (pair.value ?? pair.key)) as YamlNode;
  if (item !== undefined && isSeq(node) && node.items[Number(item)] !== undefined) node = node.items[Number(item)] as YamlNode;
  const at = node.range?.[0];
  if (at === undefined) return null;
  const pos = lines.linePos(at);
  return { line: pos.line, col: pos.col };
}

const KEYS = ['host', 'stage', 'title', 'labels', 'True', 'true', 'Null', 'null', 'a-b', '_x', 'k1', '1.0', '1', '0x1F', '31', '12'];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.constantFrom('"host"', "'host'", '? host', '&a host', '!!str host', '<<'));
const value = fc.constantFrom('[a, b, c]', '[ x ,y ]', '[a, "b"]', '[a, b] # c', '[a, {b: 1}]', '[a,]', '[]', '[a, b: c]', '[-5, - x]', '[a, b]x', 'n-1', 'web server', '"quoted"', "'it''s'", '[a, b]', '{a: 1}', '&v n-2', '!!str x', '*v', '|', '>-', '', '# note', '-5', '~', '"open', '[a,', 'x # y', "Bob's", 'a: b', '- x', '12');
const more = fc.constantFrom('  - a', '- item', '  b: c', '  text', '# comment', '', 'end"', 'c]', '---', '...', '%YAML 1.2', '\tx: y', ' x: "y', '  "z": 1', 'host', 'host:x');
const line = fc.oneof({ weight: 3, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}:${v === '' ? '' : ` ${v}`}`) }, { weight: 1, arbitrary: more });
const hostile = fc.array(line, { minLength: 1, maxLength: 8 });
// Mostly records as people write them, to which one line from above is added at some place.
const plainKey = fc.constantFrom('host', 'stage', 'title', 'labels', 'a-b', '_x', 'k1');
const plainValue = fc.constantFrom('[a, b, c]', '[ x ,y ]', 'n-1', 'web server', '"quoted"', "'it''s'", '[a, b]', '{a: 1}', '-5', '~', 'x # y', '12', '');
const plainLine = fc.oneof({ weight: 4, arbitrary: fc.tuple(plainKey, plainValue).map(([k, v]) => `${k}:${v === '' ? '' : ` ${v}`}`) }, { weight: 1, arbitrary: fc.constantFrom('  - a', '  b: c', '- item', '# comment', '') });
const plain = fc.tuple(plainKey, fc.array(plainLine, { maxLength: 7 })).map(([k, ls]) => [`${k}: v`, ...ls]);
const spike = (ls: string[], extra: string, at: number): string[] => [...ls.slice(0, at % (ls.length + 1)), extra, ...ls.slice(at % (ls.length + 1))];
const spiked = fc.tuple(plain, fc.array(fc.tuple(line, fc.nat()), { minLength: 1, maxLength: 2 })).map(([ls, extras]) => extras.reduce((acc, [extra, at]) => spike(acc, extra, at), ls));
const text = fc.oneof(plain, spiked, hostile).map((ls) => ls.join('\n') + '\n');

test('whenever the line reader answers, it is where the yaml package puts the key or its value', () => {
  let answered = 0;
  fc.assert(
    fc.property(text, fc.constantFrom('host', 'stage', 'title', 'labels', 'true', 'null', 'a-b', '_x', 'k1', '1', '31', 'host/0', 'host/1', 'stage/2', 'k1/01', 'title/x'), fc.boolean(), (t, k, atKey) => {
      const fast = topLevelKeyPosition(t, k.split('/'), atKey);
      const expected = parsed(t, k, atKey);
      if (fast === null || expected === 'invalid') return;
      answered++;
      assert.deepEqual({ line: fast.lineIndex + 1, col: fast.col }, expected, `${JSON.stringify(t)} ${k} atKey=${atKey}`);
    }),
    { numRuns: 4000 },
  );
  assert.ok(answered > 100, `the reader answered only ${answered} times: the property checks nothing`);
});

test('the locator gives the same positions with and without the line reader, offset by the line the YAML starts on', () => {
  const record = 'title: Workload wl-00042\nkind: service\nhost: n-00042\nstage: prod\ncritical: true\ndepends_on: [wl-00001, wl-00002]\nlabels:\n  team: core\n';
  for (const [k, atKey] of [['host', false], ['host', true], ['depends_on', false], ['depends_on/1', false], ['critical', false], ['labels', true]] as const) {
    assert.ok(topLevelKeyPosition(record, k.split('/'), atKey), `a plain record's /${k} is read off its line`);
    const fromLines = createLocator(record, 2)(`/${k}`, atKey);
    const p = parsed(record, k, atKey) as { line: number; col: number };
    assert.deepEqual(fromLines, { line: p.line + 1, col: p.col });
  }
  // Deeper pointers, and texts the reader declines, go to the parser.
  assert.deepEqual(createLocator(record, 2)('/labels/team'), { line: 9, col: 9 });
  assert.equal(topLevelKeyPosition('title: "a\n  host: b"\nhost: c\n', ['host'], false), null);
  assert.deepEqual(createLocator('title: "a\n  host: b"\nhost: c\n', 1)('/host'), { line: 3, col: 7 });
});

test('valid YAML where the key on a line is not the string written, or the parser takes another line: declined, and located by the parser', () => {
  const cases: Array<[string, string, boolean]> = [
    ['True: a\ntrue: b\n', 'true', false], // `True` is the key "true": the parser takes line 1
    ['1.0: a\n1: b\n', '1', false], // `1.0` is the number 1
    ['0x1F: a\n31: b\n', '31', true],
    ['"host": a\nhost: b\n', 'host', false], // a quoted key first
    ['? host\n: a\nhost: b\n', 'host', true], // an explicit key
    ['&k host: a\nhost: b\n', 'host', false], // an anchored key
    ['stage: x\nhost: &v n-2\n', 'host', false], // the value starts after its anchor
    ['stage: x\nhost: !!str n-2\n', 'host', false],
    ['stage: x\nhost: |\n  n-2\n', 'host', false], // a block scalar
    ['stage: x\nhost:\n  - n-2\n', 'host', false], // the value on the next line
    ['via: [a, "b, c", d]\n', 'via/2', false], // a quoted item
    ['via: [a, [b, c], d]\n', 'via/2', false], // a nested list
    ['via: [a, b]\n', 'via/5', false], // no such item: the parser's answer is the list
  ];
  for (const [t, k, atKey] of cases) {
    const expected = parsed(t, k, atKey);
    assert.notEqual(expected, 'invalid', JSON.stringify(t));
    assert.equal(topLevelKeyPosition(t, k.split('/'), atKey), null, `declined: ${JSON.stringify(t)}`);
    assert.deepEqual(createLocator(t, 1)(`/${k}`, atKey), expected, JSON.stringify(t));
  }
});


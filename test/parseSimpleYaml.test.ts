/**
 * The fast YAML path must never disagree with js-yaml: whenever it returns a
 * value, js-yaml (core schema) must return the same value. Checked on every
 * YAML text in the repository, on hand-written edge cases, and on thousands
 * of random mutations of them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import jsyaml from 'js-yaml';
import { NOT_SIMPLE, parseSimpleYaml } from '../src/records/parseSimpleYaml.js';
import { splitFrontMatter } from '../src/records/splitFrontMatter.js';
import { REPO } from './helpers/fleet.js';

function reference(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }) };
  } catch {
    return { ok: false };
  }
}

function agree(text: string): boolean {
  const fast = parseSimpleYaml(text);
  if (fast === NOT_SIMPLE) return false;
  const ref = reference(text);
  assert.ok(ref.ok, `fast path accepted YAML that js-yaml rejects:\n${text}`);
  assert.deepEqual(fast, ref.value, `fast path disagrees with js-yaml on:\n${text}`);
  return true;
}

function repoYamlTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(md|ya?ml)$/.test(e)) {
        const text = readFileSync(p, 'utf8');
        if (e.endsWith('.md')) {
          const s = splitFrontMatter(text);
          if (s.ok) out.push(s.yaml);
        } else out.push(text);
      }
    }
  };
  for (const d of ['registry', 'workplans', 'policies', 'templates']) walk(join(REPO, d));
  return out;
}

const CASES: Array<[string, boolean]> = [
  ['title: x\nrole: edge\n', true],
  ['a: 1\nb: -2\nc: 1.5\nd: 0x1F\ne: 1e3\nf: .inf\ng: ~\nh: null\ni: True\nj: 2026-07-03\nk: 0.2.325\nl: 08\nm: 1_000\n', true],
  ['list:\n  - a\n  - b\nsame:\n- c\n- d\n', true],
  ['probes:\n  tcp:\n    - { host: 127.0.0.1, port: 47001 }\n  http:\n    - url: "http://127.0.0.1:1/h"\n      expect_status: 200\n', true],
  ['a: [x, "y, z", \'q\'\'s\', 3, [1, 2], {k: v}]\nb: {}\nc: []\n', true],
  ['a: "esc \\" \\\\ \\n \\u00e9"\nb: plain # comment\nc: "x" # comment\n# only a comment\n', true],
  ['a:\nb:\n  c:\n', true],
  ['url: http://127.0.0.1:8080/health\nsql: SELECT a, b FROM t WHERE x = 1\n', true],
  ['a: b\r\nc: d\r\n', true],
  ['a: &x 1\nb: *x\n', false],
  ['a: !!str 1\n', false],
  ['a: |\n  text\n', false],
  ['a: b\na: c\n', false],
  ['a: one\n  two\n', false],
  ['? complex\n: key\n', false],
  ['a:\tb\n', false],
  ['1.0: x\n', false],
  ['a: [1,\n  2]\n', false],
  ['- - a\n', false],
  ['"quoted": key\n', false],
  ['a: "\\x41"\n', false],
  ['a: bell\x07\n', false],
];

describe('parseSimpleYaml', () => {
  it('takes the common shapes and leaves the rest to js-yaml', () => {
    for (const [text, simple] of CASES) {
      assert.equal(agree(text), simple, JSON.stringify(text));
    }
  });

  it('agrees with js-yaml on every YAML text in the repository, and takes most of them', () => {
    const texts = repoYamlTexts();
    assert.ok(texts.length > 100);
    const taken = texts.filter(agree).length;
    assert.ok(taken / texts.length > 0.8, `fast path took only ${taken} of ${texts.length}`);
  });

  it('never disagrees with js-yaml on random mutations of those texts', () => {
    let seed = Number(process.env.SEED ?? 42);
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = [' ', '  ', '\n', '-', ':', ': ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '?', '0', '1', '.', 'e', 'x', '~', '\\', 'true', 'null', '\t', '\r\n', '\x07', '\x00', '\u0085', '\uFEFF', '\uD800', '\r'];
    const texts = repoYamlTexts();
    let taken = 0;
    for (let n = 0; n < Number(process.env.N ?? 20000); n++) {
      let t = texts[rnd(texts.length)]!;
      for (let k = 0, edits = 1 + rnd(3); k < edits; k++) {
        const at = rnd(t.length + 1);
        const op = rnd(3);
        const ins = alphabet[rnd(alphabet.length)]!;
        t = op === 0 ? t.slice(0, at) + ins + t.slice(at) : op === 1 ? t.slice(0, at) + t.slice(at + 1 + rnd(3)) : t.slice(0, at) + ins + t.slice(at + ins.length);
      }
      if (agree(t)) taken++;
    }
    assert.ok(taken > 1000, `mutations mostly stayed on the fast path (${taken})`);
  });
});

/**
 * Regression tests for the hardening pass (issue 10 "silent loss and wrong answers", issue 9 "errors that
 * are not swallowed"): each failed before its fix.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFleetDate } from '../src/policy/parseFleetDate.js';
import { findBadValues } from '../src/records/findBadValues.js';
import { parseRecordFile } from '../src/records/parseRecordFile.js';
import { createValidators } from '../src/records/validators.js';

const validators = createValidators();
const parse = (path: string, text: string, kind: Parameters<typeof parseRecordFile>[1]) => parseRecordFile(path, kind, new TextEncoder().encode(text), validators);
const found = (r: ReturnType<typeof parse>): string[] => r.findings.map((f) => `${f.line}:${f.col} ${f.severity}[${f.code}]`);

describe('numbers and dates that cannot mean what they say', () => {
  // Plain block YAML takes the fast path (parseSimpleYaml); an anchor sends the same file to js-yaml.
  const simple = 'kind: modes\nfailure_threshold: 1e400\nsuccess_threshold: 2\n';
  const flow = `${simple}x-a: &a 1\nx-b: *a\n`;

  for (const [name, text] of [['simple parser', simple], ['js-yaml', flow]] as const) {
    it(`1e400 is an error at its position, not a null threshold (${name})`, () => {
      const r = parse('policies/modes.yaml', text, 'policy');
      assert.deepEqual(found(r), ['2:20 error[non-finite-number]']);
      assert.equal(r.records.length, 0, 'the policy stays out of the cache');
    });
  }

  it('.inf, -.inf and .nan are errors too', () => {
    const r = parse('policies/modes.yaml', 'kind: modes\nfailure_threshold: .inf\nsuccess_threshold: -.inf\nx-n: .nan\n', 'policy');
    assert.deepEqual(found(r), ['2:20 error[non-finite-number]', '3:20 error[non-finite-number]', '4:6 error[non-finite-number]']);
  });

  it('a check expectation of 1e400 is an error, not "no expectation"', () => {
    const text = 'kind: checks\nchecks:\n  - id: c1\n    title: C\n    sql: SELECT 1\n    expect:\n      at_most: 1e400\n';
    assert.deepEqual(found(parse('policies/checks.yaml', text, 'policy')), ['7:16 error[non-finite-number]']);
  });

  it('2026-02-31 and 2026-04-31T10:00:00Z are impossible dates; 2024-02-29 is a day', () => {
    const text = '---\ntitle: W\nkind: service\npromotion:\n  backup_drill: 2026-02-31\n  canary_observed: 2024-02-29\n  approved_at: 2026-04-31T10:00:00Z\n---\n';
    const r = parse('registry/workloads/w1.md', text, 'workload');
    assert.deepEqual(found(r), ['5:17 error[impossible-date]', '7:16 error[impossible-date]']);
    assert.match(r.findings[0]!.message, /February 2026 has 28 days/);
  });

  it('an impossible date in flow syntax (js-yaml) is found at its position', () => {
    const text = '---\ntitle: W\nkind: service\npromotion: { backup_drill: &d 2025-02-29 }\nx-d: *d\n---\n';
    assert.deepEqual(found(parse('registry/workloads/w1.md', text, 'workload')), ['4:31 error[impossible-date]', '5:6 error[impossible-date]']);
  });

  it('findBadValues gives JSON pointers, escaped', () => {
    assert.deepEqual(
      findBadValues({ a: [1, Infinity], 'b/c': { d: '1900-02-29' }, e: '2000-02-29', f: 'not 2026-02-31' }).map((b) => [b.pointer, b.code]),
      [['/a/1', 'non-finite-number'], ['/b~1c/d', 'impossible-date']],
    );
  });

  it('parseFleetDate does not roll an impossible day into the next month', () => {
    assert.equal(parseFleetDate('2026-02-31'), null);
    assert.equal(parseFleetDate('2026-02-29T10:00:00Z'), null);
    assert.equal(parseFleetDate('2024-02-29'), Date.UTC(2024, 1, 29));
    assert.equal(parseFleetDate('2026-07-03 10:00'), Date.UTC(2026, 6, 3, 10));
  });
});

/**
 * findingImpact's properties (fast-check, fixed seed): matched by code and
 * record, counted, never by message; a change against itself has no impact;
 * swapping the revisions swaps introduced and resolved; the counts add up; a
 * renamed record's findings follow it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findingImpact } from '../src/review/findingImpact.js';
const finding = fc.record({
    code: fc.constantFrom('freeze-violation', 'check-failed', 'unknown-reference'),
    severity: fc.constantFrom('error', 'warning'),
    kind: fc.constantFrom('workload', 'check'),
    id: fc.constantFrom('a', 'b', 'c'),
    file: fc.constantFrom('registry/workloads/a.md', 'policies/checks.yaml'),
    line: fc.integer({ min: 1, max: 9 }),
    col: fc.integer({ min: 1, max: 9 }),
    message: fc.string({ maxLength: 8 }),
});
const key = (f) => `${f.code} ${f.kind}:${f.id}`;
const keys = (fs) => fs.map(key).sort();
const run = { seed: 14, numRuns: 300 };
test('no change, no impact; swapped revisions swap introduced and resolved; counts add up; only its own side’s findings', () => {
    fc.assert(fc.property(fc.array(finding, { maxLength: 12 }), fc.array(finding, { maxLength: 12 }), (before, after) => {
        assert.deepEqual(findingImpact(before, before, []), { introduced: [], resolved: [] });
        const there = findingImpact(before, after, []);
        const back = findingImpact(after, before, []);
        assert.deepEqual(keys(there.introduced), keys(back.resolved));
        assert.deepEqual(keys(there.resolved), keys(back.introduced));
        assert.equal(after.length - before.length, there.introduced.length - there.resolved.length);
        for (const f of there.introduced)
            assert.ok(after.includes(f));
        for (const f of there.resolved)
            assert.ok(before.includes(f));
        // Errors first.
        const firstWarning = there.introduced.findIndex((f) => f.severity === 'warning');
        assert.ok(firstWarning === -1 || there.introduced.slice(firstWarning).every((f) => f.severity === 'warning'));
    }), run);
});
test('messages, lines and columns do not matter: the same problem with other words is neither introduced nor resolved', () => {
    fc.assert(fc.property(fc.array(finding, { maxLength: 12 }), fc.string(), fc.integer({ min: 1, max: 99 }), (before, message, line) => {
        const reworded = before.map((f) => ({ ...f, message: `${f.message}${message}`, line: f.line + line }));
        assert.deepEqual(findingImpact(before, reworded, []), { introduced: [], resolved: [] });
    }), run);
});
test('a renamed record’s findings are matched under its new id and path; a second finding with one key is introduced', () => {
    const f = (id, file, extra = {}) => ({ code: 'unknown-reference', severity: 'warning', kind: 'workload', id, file, line: 3, col: 1, message: 'm', ...extra });
    const renamed = { kind: 'workload', id: 'new', fromId: 'old', change: 'renamed', from: 'registry/workloads/old.md', to: 'registry/workloads/new.md', fields: [] };
    assert.deepEqual(findingImpact([f('old', 'registry/workloads/old.md')], [f('new', 'registry/workloads/new.md')], [renamed]), { introduced: [], resolved: [] });
    const noRecord = (file) => ({ code: 'generated-drift', severity: 'warning', file, line: 1, col: 1, message: 'm' });
    const moved = { ...renamed, kind: 'policy', id: 'p', fromId: undefined, from: 'policies/p.yaml', to: 'policies/sub/p.yaml' };
    assert.deepEqual(findingImpact([noRecord('policies/p.yaml')], [noRecord('policies/sub/p.yaml')], [moved]), { introduced: [], resolved: [] });
    const twice = findingImpact([f('a', 'x')], [f('a', 'x'), f('a', 'x', { line: 9 })], []);
    assert.deepEqual([twice.introduced.length, twice.resolved.length], [1, 0]);
});
//# sourceMappingURL=findingImpact.test.js.map
/**
 * resolveTarget (src/trust/resolveTarget.ts) against its definition: the
 * nodes a selector reaches are exactly those whose fields match every field
 * it gives, whichever index it starts from (ids, areas, a label), plus the
 * explicit ids that name no node; sorted, each once. Property-based
 * (fast-check), over fleets and selectors drawn from a few values, so that
 * selectors overlap, repeat and miss.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { indexNodes, resolveTarget } from '../src/trust/resolveTarget.js';
import type { Scope, ScopeNode } from '../src/trust/trustTypes.js';

const ids = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'];
const node: fc.Arbitrary<ScopeNode> = fc.record(
  {
    id: fc.constantFrom(...ids),
    area: fc.constantFrom('eu', 'us', 'ap'),
    site: fc.constantFrom('s1', 's2'),
    role: fc.constantFrom('primary', 'edge'),
    labels: fc.record({ rack: fc.constantFrom('r1', 'r2', 'r3') }, { requiredKeys: [] }),
  },
  { requiredKeys: ['id'] },
);
const fleet = fc.uniqueArray(node, { selector: (n) => n.id, maxLength: ids.length });
const target: fc.Arbitrary<Scope> = fc.record(
  {
    nodes: fc.uniqueArray(fc.constantFrom(...ids, 'gone-1', 'gone-2'), { maxLength: 5 }),
    areas: fc.uniqueArray(fc.constantFrom('eu', 'us', 'ap', 'nowhere'), { maxLength: 3 }),
    sites: fc.uniqueArray(fc.constantFrom('s1', 's2'), { minLength: 1, maxLength: 2 }),
    roles: fc.uniqueArray(fc.constantFrom('primary', 'edge'), { minLength: 1, maxLength: 2 }),
    labels: fc.record({ rack: fc.constantFrom('r1', 'r2', 'r3') }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

/** The definition, by brute force. */
function reachedByDefinition(nodes: readonly ScopeNode[], t: Scope): string[] {
  const has = (list: readonly string[] | undefined, v: string | undefined): boolean => list === undefined || (v !== undefined && list.includes(v));
  const out = new Set<string>();
  for (const n of nodes) {
    if (!has(t.nodes, n.id) || !has(t.areas, n.area) || !has(t.sites, n.site) || !has(t.roles, n.role)) continue;
    if (Object.entries(t.labels ?? {}).every(([k, v]) => n.labels?.[k] === v)) out.add(n.id);
  }
  for (const id of t.nodes ?? []) if (!nodes.some((n) => n.id === id)) out.add(id);
  return [...out].sort();
}

describe('resolveTarget', () => {
  it('reaches exactly the nodes matching every field of the selector, and the explicit ids that name no node', () => {
    fc.assert(
      fc.property(fleet, fc.array(target, { minLength: 1, maxLength: 4 }), (nodes, targets) => {
        const index = indexNodes(nodes);
        for (const t of targets) assert.deepEqual(resolveTarget(t, index), reachedByDefinition(nodes, t), JSON.stringify(t));
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('an empty selector reaches the whole fleet; an area of no node reaches nothing', () => {
    const nodes: ScopeNode[] = [{ id: 'b', area: 'eu' }, { id: 'a', area: 'us' }];
    const index = indexNodes(nodes);
    assert.deepEqual(resolveTarget({}, index), ['a', 'b']);
    assert.deepEqual(resolveTarget({ areas: ['eu', 'us'] }, index), ['a', 'b']);
    assert.deepEqual(resolveTarget({ areas: ['nowhere'] }, index), []);
  });
});

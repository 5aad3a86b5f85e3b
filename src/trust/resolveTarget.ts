/**
 * The nodes a target selector reaches, and whether a node lies within a scope.
 * A selector's fields narrow each other (a node must match every field given);
 * a scope's fields do too. The fleet's nodes are indexed once per tick
 * (`indexNodes`), so a selector by node ids or areas looks only at those. Pure.
 */
import type { Scope, ScopeNode } from './trustTypes.js';

export interface NodeIndex {
  all: readonly ScopeNode[];
  byId: ReadonlyMap<string, ScopeNode>;
  byArea: ReadonlyMap<string, readonly ScopeNode[]>;
  /** The nodes carrying label k with value v (built on first use, then kept). */
  byLabel(k: string, v: unknown): readonly ScopeNode[];
}

export function indexNodes(nodes: readonly ScopeNode[]): NodeIndex {
  const byArea = new Map<string, ScopeNode[]>();
  for (const n of nodes) if (n.area !== undefined) (byArea.get(n.area) ?? byArea.set(n.area, []).get(n.area)!).push(n);
  const labels = new Map<string, Map<unknown, ScopeNode[]>>();
  const byLabel = (k: string, v: unknown): readonly ScopeNode[] => {
    let values = labels.get(k);
    if (!values) {
      values = new Map();
      for (const n of nodes) {
        const x = n.labels?.[k];
        if (x !== undefined) (values.get(x) ?? values.set(x, []).get(x)!).push(n);
      }
      labels.set(k, values);
    }
    return values.get(v) ?? [];
  };
  return { all: nodes, byId: new Map(nodes.map((n) => [n.id, n])), byArea, byLabel };
}

export function matchesScope(node: ScopeNode, scope: Scope): boolean {
  return scopePredicate(scope)(node);
}

const compiled = new WeakMap<Scope, (node: ScopeNode) => boolean>();

/** The scope as a test of one node, made once per scope object (sets, not list scans). */
export function scopePredicate(scope: Scope): (node: ScopeNode) => boolean {
  let test = compiled.get(scope);
  if (test) return test;
  const set = (xs: readonly string[] | undefined): Set<string> | null => (xs ? new Set(xs) : null);
  const [ids, areas, sites, nats, roles] = [set(scope.nodes), set(scope.areas), set(scope.sites), set(scope.nat_groups), set(scope.roles)];
  const labels = scope.labels ? Object.entries(scope.labels) : [];
  const has = (s: Set<string> | null, v: string | undefined): boolean => s === null || (v !== undefined && s.has(v));
  test = (n) => {
    if (!has(ids, n.id) || !has(areas, n.area) || !has(sites, n.site) || !has(nats, n.nat_group) || !has(roles, n.role)) return false;
    for (const [k, v] of labels) if (n.labels?.[k] !== v) return false;
    return true;
  };
  compiled.set(scope, test);
  return test;
}

/** The ids of the nodes the selector reaches, sorted; explicit node ids that name no node are kept (they count as reached). */
export function resolveTarget(target: Scope, index: NodeIndex): string[] {
  // The smallest set the selector's fields allow: explicit ids, the areas' nodes, or one label's nodes; only that one
  // is gathered (an area holds thousands of nodes: gathering each intent's areas was most of verifying 1,000 intents).
  const options: Array<{ size: number; nodes: () => readonly ScopeNode[] }> = [{ size: index.all.length, nodes: () => index.all }];
  if (target.nodes) options.push({ size: target.nodes.length, nodes: () => gather(target.nodes!, (id) => index.byId.get(id)) });
  if (target.areas) {
    const lists = target.areas.map((a) => index.byArea.get(a) ?? []);
    options.push({ size: lists.reduce((n, l) => n + l.length, 0), nodes: () => (lists.length === 1 ? lists[0]! : gather(lists, (l) => l)) });
  }
  for (const [k, v] of Object.entries(target.labels ?? {})) {
    const list = index.byLabel(k, v);
    options.push({ size: list.length, nodes: () => list });
  }
  const candidates = options.reduce((a, b) => (b.size < a.size ? b : a)).nodes();
  const test = scopePredicate(target);
  const reached = new Set(candidates.filter(test).map((n) => n.id));
  for (const id of target.nodes ?? []) if (!index.byId.has(id)) reached.add(id);
  return [...reached].sort();
}

/** The nodes `pick` gives for each of `from` (one node, a list of them, or none), in order, in one array. */
function gather<T>(from: readonly T[], pick: (x: T) => ScopeNode | readonly ScopeNode[] | undefined): ScopeNode[] {
  const out: ScopeNode[] = [];
  for (const x of from) {
    const got = pick(x);
    if (got === undefined) continue;
    if (Array.isArray(got)) for (const n of got as readonly ScopeNode[]) out.push(n);
    else out.push(got as ScopeNode);
  }
  return out;
}

/**
 * The nodes a target selector reaches, and whether a node lies within a scope.
 * A selector's fields narrow each other (a node must match every field given);
 * a scope's fields do too. Pure.
 */
import type { Scope, ScopeNode } from './trustTypes.js';

export function matchesScope(node: ScopeNode, scope: Scope): boolean {
  if (scope.nodes && !scope.nodes.includes(node.id)) return false;
  if (scope.areas && !(node.area !== undefined && scope.areas.includes(node.area))) return false;
  if (scope.sites && !(node.site !== undefined && scope.sites.includes(node.site))) return false;
  if (scope.nat_groups && !(node.nat_group !== undefined && scope.nat_groups.includes(node.nat_group))) return false;
  if (scope.roles && !(node.role !== undefined && scope.roles.includes(node.role))) return false;
  if (scope.labels) {
    for (const [k, v] of Object.entries(scope.labels)) if (node.labels?.[k] !== v) return false;
  }
  return true;
}

/** The ids of the nodes the selector reaches, sorted; explicit node ids that name no node are kept (they count as reached). */
export function resolveTarget(target: Scope, nodes: readonly ScopeNode[]): string[] {
  const reached = new Set(nodes.filter((n) => matchesScope(n, target)).map((n) => n.id));
  if (target.nodes) {
    const known = new Set(nodes.map((n) => n.id));
    for (const id of target.nodes) if (!known.has(id)) reached.add(id);
  }
  return [...reached].sort();
}

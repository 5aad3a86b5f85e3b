/** A section's data as a list of nodes: an array, or `{list: [...]}` (status --format json); null otherwise. */
import type { PageNode } from './pageTypes.js';

export function nodeList(data: unknown): PageNode[] | null {
  const list = Array.isArray(data) ? data : typeof data === 'object' && data !== null && Array.isArray((data as { list?: unknown }).list) ? (data as { list: unknown[] }).list : null;
  if (!list) return null;
  return list.every((n) => typeof n === 'object' && n !== null && typeof (n as { id?: unknown }).id === 'string') ? (list as PageNode[]) : null;
}

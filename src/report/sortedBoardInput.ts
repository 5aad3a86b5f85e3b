/**
 * A canonical copy of a board input: nodes and workloads by id, findings by severity
 * (errors first), code, record and message, listeners by port, protocol and edge role.
 * A tunnel's `via` keeps its path order. Every order is total (ties broken on the whole
 * row) and compares UTF-16 code units, never the locale, so the artifacts are the same
 * bytes on every machine whatever order the input arrived in.
 */
import type { BoardInput, BoardNode, BoardWorkload } from '../reconcile/boardInput.js';
import type { Finding } from '../records/finding.js';
import { findingRecord } from '../records/findingRecord.js';

type Listener = BoardWorkload['listeners'][number];

/** Sorted copies already made: every board section asks for one, the input is sorted once. */
const sortedCopies = new WeakMap<BoardInput, BoardInput>();

export function sortedBoardInput(input: BoardInput): BoardInput {
  const known = sortedCopies.get(input);
  if (known) return known;
  const sorted = {
    nodes: inOrder(input.nodes, byNode),
    workloads: inOrder(
      input.workloads.map((w) => (isSorted(w.listeners, byListener) ? w : { ...w, listeners: [...w.listeners].sort(byListener) })),
      byWorkload,
    ),
    findings: inOrder(input.findings, byFinding),
  };
  sortedCopies.set(input, sorted);
  sortedCopies.set(sorted, sorted);
  return sorted;
}

function isSorted<T>(list: readonly T[], by: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (by(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

/** The list itself when already in order (the common case: the cache hands rows over sorted), else a sorted copy. */
function inOrder<T>(list: readonly T[], by: (a: T, b: T) => number): T[] {
  return isSorted(list, by) ? (list as T[]) : [...list].sort(by);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const whole = (a: unknown, b: unknown): number => cmp(JSON.stringify(a), JSON.stringify(b));

const byNode = (a: BoardNode, b: BoardNode): number => cmp(a.id, b.id) || whole(a, b);
const byWorkload = (a: BoardWorkload, b: BoardWorkload): number => cmp(a.id, b.id) || whole(a, b);
const byListener = (a: Listener, b: Listener): number =>
  a.port - b.port || cmp(a.protocol, b.protocol) || cmp(a.edge_role ?? '', b.edge_role ?? '') || whole(a, b);
const SEVERITY_ORDER = { error: 0, warning: 1 } as const;
const byFinding = (a: Finding, b: Finding): number =>
  (SEVERITY_ORDER[a.severity] ?? 2) - (SEVERITY_ORDER[b.severity] ?? 2) ||
  cmp(a.code, b.code) ||
  cmp(findingRecord(a), findingRecord(b)) ||
  cmp(a.message, b.message);

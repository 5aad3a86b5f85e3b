/**
 * A problem found in the fleet's files, reported as `path:line:col: severity[code]: message`:
 * the one shape of every finding (validation, policies, checks, workplans, the reconcile loop).
 */
import type { FindingCode } from './hints.js';

export type { FindingCode };

export interface Finding {
  /** Repository-relative path, '/'-separated. */
  file: string;
  /** 1-based line in the file (front matter offset included). */
  line: number;
  /** 1-based column. */
  col: number;
  severity: Severity;
  code: FindingCode;
  message: string;
  /** What to do about it. */
  hint?: string;
  /** Record kind and id where known (`workload`/`openbao`, `check`/`three-nodes`, `task`/`WP/T01`, `policy`/`freeze`); `kind:id` is the finding's record (findingRecord.ts), its file when absent. */
  kind?: string;
  id?: string;
}

export type Severity = 'error' | 'warning';

/** A JSON pointer into a record's front matter (or YAML document) whose position is not known yet. */
export interface Unlocated extends Omit<Finding, 'line' | 'col'> {
  line?: number;
  col?: number;
  pointer?: string;
  /** Point at the key rather than the value. */
  atKey?: boolean;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.col - b.col ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** The record a finding is about, as `kind:id` (`workload:openbao`, `check:three-nodes`, `task:WP/T01`), or its file when it names no record. */
import type { Finding } from './finding.js';

export function findingRecord(f: Pick<Finding, 'file' | 'kind' | 'id'>): string {
  return f.kind && f.id ? `${f.kind}:${f.id}` : f.file;
}

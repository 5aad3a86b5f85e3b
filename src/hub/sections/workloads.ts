/** Section `workloads`: where each workload runs and is headed, and whether its host is usable (ACTIVE). */
import type { HubInput } from '../hubInput.js';

export interface HubWorkload {
  id: string;
  title: string;
  kind: string;
  host: string | null;
  host_mode: string | null;
  usable: boolean;
  target_host: string | null;
  stage: string | null;
  target_stage: string | null;
  owner: string | null;
  critical: boolean;
  via: string[];
  listeners: Array<{ port: number; protocol: string; edge_role: string | null }>;
}

export function workloads(input: HubInput): HubWorkload[] {
  const { run } = input;
  return run.workloads.map((w) => {
    const mode = w.host ? (run.states.get(w.host)?.mode ?? null) : null;
    return { id: w.id, title: w.title, kind: w.kind, host: w.host, host_mode: mode, usable: mode === 'ACTIVE', target_host: w.target_host, stage: w.stage, target_stage: w.target_stage, owner: w.owner, critical: w.critical, via: w.via, listeners: w.listeners };
  });
}

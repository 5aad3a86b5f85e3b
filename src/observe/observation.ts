/**
 * What probing a node yields. Observations are disposable: they live in the
 * cache and in memory; only mode transitions and last-verified times are
 * written to status/.
 */

/** One probe the registry declares for a node (the `probes` view). */
export interface ProbeTarget {
  node: string;
  type: 'tcp' | 'http' | 'status';
  /** `host:port` for tcp, a URL for http and status. */
  target: string;
  /** For http and status probes; default 200. */
  expectStatus?: number;
  /** For http probes: fields the JSON body must contain with these values. */
  expectJson?: Record<string, unknown>;
}

export interface ProbeResult {
  type: ProbeTarget['type'];
  target: string;
  ok: boolean;
  /** Milliseconds until the probe finished or gave up. */
  ms: number;
  /** Why it failed: 'timeout', 'refused', 'status 500', 'deadline', 'not loopback', 'bad json', ... */
  error?: string;
  /** HTTP status, where there was one. */
  status?: number;
}

export interface PeerReport {
  id: string;
  area?: string;
  nat_group?: string;
  direct?: boolean;
  ready?: boolean;
}

/** The node's own status document (`/cluster/status`), as far as it was read. */
export interface NodeStatusDocument {
  agent_version?: string;
  control_endpoint?: string;
  update_state?: string;
  peers?: PeerReport[];
}

export interface NodeObservation {
  node: string;
  /** ISO time the node's probes started. */
  at: string;
  /** Every probe passed. */
  ok: boolean;
  /** The first failure ('tcp 127.0.0.1:47104: refused'), or 'all probes passed'. */
  reason: string;
  results: ProbeResult[];
  status?: NodeStatusDocument;
}

export interface ProbeOptions {
  /** At most this many probes in flight at once. */
  concurrency: number;
  /** Per-probe timeout. */
  timeoutMs: number;
  /** Hard deadline for the whole tick: probes still running then fail with 'deadline'. */
  deadlineMs: number;
  /** Contact addresses other than loopback (127.0.0.0/8, ::1). Off by default. */
  allowRemote: boolean;
  /** The clock, passed in. */
  now: () => Date;
}

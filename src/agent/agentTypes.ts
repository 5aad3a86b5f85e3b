/**
 * The shapes the node agent works on: its configuration, the journal it keeps
 * on the node (agentJournal.ts), the report it publishes as
 * `status/agents/<node>.json`, and what one cycle did. Plain data.
 */
import type { JournalState } from '../rollout/rolloutTypes.js';

export type { JournalState };

/** The version of the agent's report format and of the agent itself, as `agent_version` says. */
export const AGENT_VERSION = '0.1.0';

/** Where `fleethub agent` keeps its clone, journal and outbox when --state-dir is not given: under the working directory. */
export const DEFAULT_STATE_DIR = '.fleethub-agent';

/** The artifact an intent rolls out (its `artifact` front matter). */
export interface Artifact {
  name: string;
  version: string;
  digest: string;
  mirrors: string[];
}

/** The phases of the update in progress, as the journal keeps them. `verifying`: the apply finished, health not yet read. */
export type PendingPhase = 'leased' | 'staged' | 'applying' | 'verifying' | 'rolling_back';

/** The one update the node is working on. */
export interface PendingUpdate {
  intent: string;
  version: number;
  /** `sha256:<hex>` of the intent's signed bytes. */
  intent_digest: string;
  artifact: Artifact;
  lease: string;
  epoch: number;
  phase: PendingPhase;
  /** The artifact's digest once staged (what the apply is given). */
  staged_digest: string | null;
  /** The version installed before the apply (the health command's answer), what a rollback goes back to; null when nothing was installed. */
  previous: string | null;
  /** The running apply (or rollback) command's process id, so a restarted agent waits for it instead of starting another. */
  pid: number | null;
  /** The token its gate marks when the command starts (`<state dir>/run/<token>.started`): whether it ever ran. */
  run_token: string | null;
  /** The apply's exit status once it finished (-1: killed by a signal); null while it runs or when an earlier agent's apply was waited for. */
  apply_exit: number | null;
  /** Why a rollback was started (its reason in the report). */
  rollback_reason: string | null;
  since: string;
}

/** One intent's line in the report (status/agents/<node>.json). */
export interface IntentReport {
  state: JournalState;
  lease: string | null;
  version: number;
  /** A stable code and words: why the node is blocked, rolled back or aborted; null otherwise. */
  reason: string | null;
  reported_at: string;
}

/** status/agents/<node>.json, written only by that node's agent. */
export interface AgentStatusFile {
  node: string;
  agent_version: string;
  installed: Record<string, string>;
  reports: Record<string, IntentReport>;
}

/** Everything the journal keeps (one document, replaced in one durable transaction). */
export interface AgentJournalState {
  pending: PendingUpdate | null;
  /** Per intent: the highest lease epoch ever accepted (a lower one is a replay). */
  epochs: Record<string, number>;
  /** Per intent: the highest version acted on and its digest (the agent's own ratchet). */
  accepted: Record<string, { version: number; digest: string }>;
  /** Per intent: how its last version ended here. */
  done: Record<string, { version: number; state: 'healthy' | 'rolled_back' | 'aborted' }>;
  /** Per artifact: the version installed, as the health command (or the last apply) says. */
  installed: Record<string, string>;
  reports: Record<string, IntentReport>;
  /** The last accepted plan: the intent, version, lease and the fleet commit it was read from. */
  last_plan: { intent: string; version: number; lease: string; commit: string } | null;
  /** The text last recorded as status/agents/<node>.json (a report is recorded only when it changes). */
  last_report: string | null;
}

export interface AgentConfig {
  node: string;
  /** Remote addresses, tried in order: the upstream, a mirror, a neighbour's copy. */
  remotes: string[];
  branch?: string;
  /** Shell commands: the apply gets the artifact in its environment; the health check prints the installed version (exit 0: healthy). */
  apply: string;
  health?: string;
  /** The agent's state directory (its clone, journal.sqlite, outbox). */
  stateDir: string;
}

/** What one cycle found and did. */
export interface CycleOutcome {
  /** The remote the fleet was fetched from (printable), or null when offline. */
  fetchedFrom: string | null;
  commit: string | null;
  /** The report's states per intent after the cycle. */
  reports: Record<string, IntentReport>;
  /** What happened, one line each (for the log). */
  actions: string[];
  /** Reports relayed (true), still buffered (false: offline or refused; `relayError` says why, 'offline' when no remote answered the fetch). */
  relayed: boolean;
  relayError: string | null;
}

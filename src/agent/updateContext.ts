/** What the steps of an update share: the io, the journal, the node, and how often an in-flight node re-reports. */
import type { AgentIo } from './agentIo.js';
import type { AgentJournal } from './openAgentJournal.js';

export interface UpdateContext {
  io: AgentIo;
  journal: AgentJournal;
  node: string;
  /** policies/rollout.yaml's heartbeat_timeout (ms), or null. */
  heartbeatMs: number | null;
  /** One line per thing done, for the log. */
  actions: string[];
  /** Relays the reports recorded so far (before a long apply, so the orchestrator sees `applying`). */
  flush(): Promise<void>;
}

/** The journal of an agent that has done nothing yet. */
import type { AgentJournalState } from './agentTypes.js';

export function emptyJournal(): AgentJournalState {
  return { pending: null, epochs: {}, accepted: {}, done: {}, installed: {}, reports: {}, last_plan: null, last_report: null };
}

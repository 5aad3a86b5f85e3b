/** The version of the agent's report format and of the agent itself, as `agent_version` says. */
export const AGENT_VERSION = '0.1.0';
/** Where `fleethub agent` keeps its clone, journal and outbox when --state-dir is not given: under the working directory. */
export const DEFAULT_STATE_DIR = '.fleethub-agent';
//# sourceMappingURL=agentTypes.js.map
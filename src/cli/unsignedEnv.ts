/** The environment without the orchestrator's key: what runs with it can plan leases but never sign one (rollout status shows the file as it is; pause, abort and resume only stop things). Pure. */
export function unsignedEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  const { FLEETHUB_ORCHESTRATOR_KEY: _key, ...rest } = env;
  return rest;
}

/** The environment every C git process of the test Git server (and its tests) runs with. */
import { devNull } from 'node:os';
/** The fixed identity of commits made through this environment. */
const IDENTITY = { name: 'fleethub test', email: 'test@fleethub.invalid' };
/**
 * A minimal environment for C git that reads no system, global or XDG config and inherits nothing
 * from the caller but PATH (so a GIT_DIR or GIT_INDEX_FILE set by a hook cannot leak in), with a
 * fixed author and committer and terminal prompts disabled. `extra` is added on top.
 */
export function isolatedGitEnv(extra = {}) {
    const env = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: devNull,
        LC_ALL: 'C',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: devNull,
        GIT_TERMINAL_PROMPT: '0',
        GIT_AUTHOR_NAME: IDENTITY.name,
        GIT_AUTHOR_EMAIL: IDENTITY.email,
        GIT_COMMITTER_NAME: IDENTITY.name,
        GIT_COMMITTER_EMAIL: IDENTITY.email,
    };
    for (const [name, value] of Object.entries(extra))
        if (value !== undefined)
            env[name] = value;
    return env;
}
//# sourceMappingURL=isolatedGitEnv.js.map
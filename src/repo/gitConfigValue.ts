/**
 * A git config value as git itself resolves it for the repository at `root`:
 * its own config, the user's (~/.gitconfig, $XDG_CONFIG_HOME/git/config), the
 * system's, and their includes — asked of the system's git (`git config
 * --get`), so a `user.name` set with `git config --global` is the one
 * `git commit` would use. Without git on PATH (or when it cannot answer),
 * the repository's own config file as gitConfigReader parses it. Trimmed;
 * null when not set. I/O.
 */
import { execFile } from 'node:child_process';
import { gitConfigReader } from './gitConfigReader.js';

/** `env`: the environment git runs in (HOME and GIT_CONFIG_GLOBAL say where the user's config is). */
export async function gitConfigValue(root: string, key: string, env: Readonly<Record<string, string | undefined>>): Promise<string | null> {
  const answer = await new Promise<{ value: string | null } | null>((resolve) =>
    execFile('git', ['config', '--get', key], { cwd: root, encoding: 'utf8', env: { ...env } }, (e, stdout) => {
      if (!e) resolve({ value: stdout.trim() || null });
      // Exit 1: the key is set nowhere. Anything else (no git, a config git refuses): the file is read instead.
      else resolve(e.code === 1 ? { value: null } : null);
    }),
  );
  return answer !== null ? answer.value : (await gitConfigReader(root))(key);
}

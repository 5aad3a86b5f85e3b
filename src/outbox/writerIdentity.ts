/**
 * Who is writing: FLEETHUB_WRITER_NAME / FLEETHUB_WRITER_EMAIL, else
 * user.name / user.email as git resolves them for the fleet's repository
 * (its own config, then the user's global one, the system's: gitConfigValue),
 * else the login and host name. It becomes the author of the relayed commits and names the writer's
 * journal file under status/journal/.
 */
import { hostname, userInfo } from 'node:os';
import { gitConfigValue } from '../repo/gitConfigValue.js';
import type { Writer } from '../reconcile/outboxEvent.js';

export async function writerIdentity(root: string, env: Readonly<Record<string, string | undefined>>): Promise<Writer> {
  const login = safeLogin();
  const [name, email] = await Promise.all([
    env.FLEETHUB_WRITER_NAME?.trim() || gitConfigValue(root, 'user.name', env),
    env.FLEETHUB_WRITER_EMAIL?.trim() || gitConfigValue(root, 'user.email', env),
  ]);
  return { name: name || login, email: email || `${login}@${hostname()}` };
}

function safeLogin(): string {
  try {
    return userInfo().username || 'fleethub';
  } catch {
    return 'fleethub';
  }
}

/**
 * Who is writing: FLEETHUB_WRITER_NAME / FLEETHUB_WRITER_EMAIL, else the fleet
 * repository's git config user.name / user.email, else the login and host
 * name. It becomes the author of the relayed commits and names the writer's
 * journal file under status/journal/.
 */
import { hostname, userInfo } from 'node:os';
import { gitConfigReader } from '../repo/gitConfigReader.js';
export async function writerIdentity(root, env) {
    const config = await gitConfigReader(root);
    const login = safeLogin();
    const name = env.FLEETHUB_WRITER_NAME?.trim() || (await config('user.name')) || login;
    const email = env.FLEETHUB_WRITER_EMAIL?.trim() || (await config('user.email')) || `${login}@${hostname()}`;
    return { name, email };
}
function safeLogin() {
    try {
        return userInfo().username || 'fleethub';
    }
    catch {
        return 'fleethub';
    }
}
//# sourceMappingURL=writerIdentity.js.map
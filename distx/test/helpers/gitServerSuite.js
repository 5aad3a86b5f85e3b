/**
 * A loopback Git server (scripts/git-server/) for one test file: started
 * before its tests, stopped after them, with the temporary directories the
 * tests `keep` removed then too.
 */
import { after, before } from 'node:test';
import { startGitServer } from '../../scripts/git-server/gitHttpServer.js';
import { removeDir } from './fleet.js';
export function gitServerSuite() {
    let server = null;
    const dirs = [];
    before(async () => {
        server = await startGitServer();
    });
    after(async () => {
        await server?.close();
        dirs.forEach(removeDir);
    });
    return {
        get server() {
            if (!server)
                throw new Error('the git server starts in before(): use it inside a test');
            return server;
        },
        keep: (dir) => (dirs.push(dir), dir),
    };
}
//# sourceMappingURL=gitServerSuite.js.map
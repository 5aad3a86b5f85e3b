/**
 * A loopback Git server (scripts/git-server/) for one test file: started
 * before its tests, stopped after them, with the temporary directories the
 * tests `keep` removed then too.
 */
import { after, before } from 'node:test';
import { startGitServer, type GitServer } from '../../scripts/git-server/gitHttpServer.js';
import { removeDir } from './fleet.js';

export interface GitServerSuite {
  /** The running server (started by the file's `before`). */
  readonly server: GitServer;
  /** Removes `dir` once the file's tests are done; returns it. */
  keep(dir: string): string;
}

export function gitServerSuite(): GitServerSuite {
  let server: GitServer | null = null;
  const dirs: string[] = [];
  before(async () => {
    server = await startGitServer();
  });
  after(async () => {
    await server?.close();
    dirs.forEach(removeDir);
  });
  return {
    get server() {
      if (!server) throw new Error('the git server starts in before(): use it inside a test');
      return server;
    },
    keep: (dir) => (dirs.push(dir), dir),
  };
}

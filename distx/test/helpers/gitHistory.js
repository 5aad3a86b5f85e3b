/** Histories built with the git CLI in temporary repositories, for the diff and history tests. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFile } from './fleet.js';
const IDENTITY = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
export function gitHistory(fleet) {
    const run = (dir, args, env = {}) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...IDENTITY, ...env } });
    return {
        git: (dir, ...args) => run(dir, args),
        history(files) {
            const dir = fleet(files);
            run(dir, ['init', '-q', '-b', 'main']);
            run(dir, ['add', '-A']);
            run(dir, ['commit', '-q', '-m', 'first']);
            return dir;
        },
        commit(dir, files, message = 'change', env = {}) {
            for (const [path, content] of Object.entries(files)) {
                if (content === null)
                    rmSync(join(dir, path));
                else
                    writeFile(dir, path, content);
            }
            run(dir, ['add', '-A']);
            run(dir, ['commit', '-q', '--allow-empty', '-m', message], env);
            return run(dir, ['rev-parse', 'HEAD']).trim();
        },
    };
}
//# sourceMappingURL=gitHistory.js.map
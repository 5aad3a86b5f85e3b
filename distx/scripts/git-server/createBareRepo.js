/** Creates a bare repository, optionally with an initial commit, with C git. */
import { existsSync } from 'node:fs';
import { runGit } from './runGit.js';
const DEFAULT_DATE = new Date('2024-01-01T00:00:00Z');
/** Creates the bare repository `dir` accepting pushes over HTTP (`http.receivepack=true`). */
export async function createBareRepo(dir, env, options = {}) {
    if (existsSync(dir))
        throw new Error(`repository already exists: ${dir}`);
    const branch = options.branch ?? 'main';
    await runGit(['init', '--bare', '--quiet', `--initial-branch=${branch}`, dir], { env });
    await runGit(['--git-dir', dir, 'config', 'http.receivepack', 'true'], { env });
    if (options.files === undefined)
        return;
    const stream = fastImportCommit(`refs/heads/${branch}`, options.files, options.message ?? 'initial commit', options.date ?? DEFAULT_DATE, env);
    await runGit(['--git-dir', dir, 'fast-import', '--quiet', '--done'], { env, input: stream });
}
/** A `git fast-import` stream holding one root commit of `files` on `ref`. */
function fastImportCommit(ref, files, message, date, env) {
    const when = `${Math.floor(date.getTime() / 1000)} +0000`;
    const parts = [];
    const line = (text) => void parts.push(Buffer.from(`${text}\n`));
    const data = (content) => {
        const bytes = Buffer.from(content);
        line(`data ${bytes.length}`);
        parts.push(bytes);
        line('');
    };
    line(`commit ${ref}`);
    line(`author ${env.GIT_AUTHOR_NAME} <${env.GIT_AUTHOR_EMAIL}> ${when}`);
    line(`committer ${env.GIT_COMMITTER_NAME} <${env.GIT_COMMITTER_EMAIL}> ${when}`);
    data(message);
    for (const [path, content] of Object.entries(files)) {
        if (path.includes('\n') || path.startsWith('"'))
            throw new Error(`unsupported file name: ${JSON.stringify(path)}`);
        line(`M 100644 inline ${path}`);
        data(content);
    }
    line('done');
    return Buffer.concat(parts);
}
//# sourceMappingURL=createBareRepo.js.map
/**
 * The relay's transport for the upstreams isomorphic-git cannot reach — ssh
 * (`ssh://`, `git@host:path`), `git://`, local repositories (`/srv/fleet.git`,
 * `file://`) — through the system's `git`, on the relay's own bare clone
 * (`git --git-dir <clone>`). The user's git configuration applies (ssh
 * command, `insteadOf`, keys through the agent); prompts are off, so a missing
 * key is an error, never a hang. The URL is given on the command line, never
 * written to the clone's configuration.
 */
import { spawn } from 'node:child_process';
import { UpstreamBranchMissingError, UpstreamRejectedError } from '../errors.js';
import { classifySystemGitError } from './classifySystemGitError.js';
import { LOST_RACE } from './gitTransport.js';
export function systemGitTransport(remote) {
    const { url, shown } = remote;
    const git = (gitdir, args) => runGit(['--git-dir', gitdir, '-c', 'gc.auto=0', '-c', 'maintenance.auto=false', ...args], gitdir, remote);
    const must = async (gitdir, args) => {
        const r = await git(gitdir, args);
        if (r.code !== 0)
            throw classifySystemGitError(r, shown, args[0], gitdir);
        return r.stdout;
    };
    /** Upstream's branches and where HEAD points (`git ls-remote --symref`). */
    const listRemote = async (gitdir) => {
        const heads = new Map();
        let defaultBranch = null;
        for (const line of (await must(gitdir, ['ls-remote', '--symref', url])).split('\n')) {
            const sym = /^ref: refs\/heads\/(\S+)\tHEAD$/.exec(line);
            if (sym)
                defaultBranch = sym[1];
            const ref = /^([0-9a-f]{40,64})\trefs\/heads\/(\S+)$/.exec(line);
            if (ref)
                heads.set(ref[2], ref[1]);
        }
        return { heads, defaultBranch };
    };
    return {
        shown,
        async fetch(gitdir, branch) {
            let name = branch;
            if (name === null) {
                const listed = await listRemote(gitdir);
                name = listed.defaultBranch ?? [...listed.heads.keys()][0] ?? 'main';
                if (!listed.heads.has(name))
                    return { branch: name, head: null };
            }
            const r = await git(gitdir, ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--update-head-ok', url, `+refs/heads/${name}:refs/heads/${name}`]);
            if (r.code !== 0) {
                if (!/couldn't find remote ref/i.test(r.stderr))
                    throw classifySystemGitError(r, shown, 'fetch', gitdir);
                const listed = await listRemote(gitdir);
                if (listed.heads.size > 0)
                    throw new UpstreamBranchMissingError(shown, name, [...listed.heads.keys()]);
                return { branch: name, head: null };
            }
            return { branch: name, head: (await must(gitdir, ['rev-parse', '--verify', `refs/heads/${name}^{commit}`])).trim() };
        },
        async push(gitdir, _localRef, commit, branch) {
            const r = await git(gitdir, ['push', '--porcelain', '--quiet', url, `${commit}:refs/heads/${branch}`]);
            if (r.code === 0)
                return 'pushed';
            const refLine = r.stdout.split('\n').find((l) => l.startsWith('!'));
            if (refLine) {
                const reason = /\(([^)]*)\)\s*$/.exec(refLine)?.[1] ?? refLine;
                if (LOST_RACE.test(refLine))
                    return 'moved';
                throw new UpstreamRejectedError(shown, reason);
            }
            if (LOST_RACE.test(r.stderr))
                return 'moved';
            throw classifySystemGitError(r, shown, 'push', gitdir);
        },
    };
}
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_PREFIX'];
function runGit(args, cwd, remote) {
    return new Promise((resolve) => {
        const env = { ...remote.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C' };
        // A hook's repository variables must not redirect git away from the relay's clone.
        for (const name of REPOSITORY_VARIABLES)
            delete env[name];
        const child = spawn('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: remote.timeoutMs, killSignal: 'SIGKILL' });
        const out = [];
        const err = [];
        let error = null;
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.on('error', (e) => (error = e));
        child.on('close', (code, signal) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), error, timedOut: signal === 'SIGKILL' }));
    });
}
//# sourceMappingURL=systemGitTransport.js.map
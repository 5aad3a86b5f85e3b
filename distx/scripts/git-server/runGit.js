/** Runs C git as a child process. */
import { spawn } from 'node:child_process';
import { isolatedGitEnv } from './isolatedGitEnv.js';
/** Runs `git <args>` and resolves with its stdout (trailing newline trimmed); rejects with its stderr on a non-zero exit. */
export function runGit(args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = spawn('git', args, { cwd: options.cwd, env: options.env ?? isolatedGitEnv(), stdio: 'pipe' });
        const stdout = [];
        const stderr = [];
        child.stdout.on('data', (chunk) => stdout.push(chunk));
        child.stderr.on('data', (chunk) => stderr.push(chunk));
        child.on('error', reject);
        child.on('close', (code, signal) => {
            if (code === 0)
                return resolve(Buffer.concat(stdout).toString('utf8').replace(/\n$/, ''));
            const message = Buffer.concat(stderr).toString('utf8').trim();
            reject(new Error(`git ${args.join(' ')} failed (${signal ?? `exit ${code}`}): ${message}`));
        });
        child.stdin.on('error', () => { }); // git may exit before reading all input; the exit code tells
        child.stdin.end(options.input);
    });
}
//# sourceMappingURL=runGit.js.map
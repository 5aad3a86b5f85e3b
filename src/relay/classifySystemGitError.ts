/**
 * Turns a failed run of the system's `git` (fetch, push, ls-remote) into the
 * relay's typed errors, from git's and ssh's messages (run with LC_ALL=C):
 * unreachable (back off, retry; a local upstream path that is not there is
 * one too), auth (stop and say so), rejected (anything else upstream said: a
 * directory that is no repository, a hook). Never an internal error:
 * the events are recorded, and a failure of upstream is not a bug. git not
 * installed is UpstreamUnsupportedError; the clone's own damage is
 * RelayCloneDamagedError (the pass runs again on a fresh clone).
 */
import { RelayCloneDamagedError, UpstreamAuthError, UpstreamRejectedError, UpstreamUnreachableError, UpstreamUnsupportedError } from '../errors.js';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { redactUrl } from './redactUrl.js';

const UNREACHABLE = /could not resolve hostname|connection refused|connection timed out|operation timed out|network is unreachable|no route to host|connection reset|connection closed|broken pipe|kex_exchange_identification|unexpected disconnect|remote end hung up unexpectedly|early eof|temporary failure in name resolution/i;
/** The clone's own objects or refs, not upstream: a fresh clone cures it. */
const DAMAGED = /bad object|is corrupt|corrupt (loose|pack)|unable to read [0-9a-f]{7,}|did not send all necessary objects|packfile .* cannot be accessed|index file .* is too small|cannot lock ref 'refs\/heads\/|unable to (create|write) .*\.lock/i;
const AUTH = /permission denied|host key verification failed|authentication failed|too many authentication failures/i;

export function classifySystemGitError(run: { code: number | null; stderr: string; error: NodeJS.ErrnoException | null; timedOut: boolean }, url: string, command: string, gitdir: string): Error {
  if (run.error?.code === 'ENOENT') return new UpstreamUnsupportedError(url, 'the upstream address', "the system's git is needed for this kind of upstream and is not on PATH: install git");
  if (run.timedOut) return new UpstreamUnreachableError(url, `git ${command} timed out`);
  // A local upstream that is not there is away for now (a disk not mounted, a share gone), as a host that does not answer is.
  const local = localPath(url);
  if (local !== null && !existsSync(local)) return new UpstreamUnreachableError(url, `${local} is not there (moved, or on a disk or share not mounted?)`);
  const detail = summary(run.stderr) || `git ${command} exited with ${run.code ?? 'a signal'}`;
  if (DAMAGED.test(run.stderr) && !AUTH.test(run.stderr) && !UNREACHABLE.test(run.stderr)) return new RelayCloneDamagedError(gitdir, detail);
  if (AUTH.test(run.stderr)) return new UpstreamAuthError(url, null, null, detail);
  if (UNREACHABLE.test(run.stderr)) return new UpstreamUnreachableError(url, detail);
  return new UpstreamRejectedError(url, detail, command === 'fetch' || command === 'ls-remote' ? command : 'push');
}

/** The path of a local upstream (`/srv/fleet.git`, `file:///srv/fleet.git`), else null. */
function localPath(url: string): string | null {
  if (url.startsWith('file://')) return decodeURIComponent(url.slice('file://'.length));
  return isAbsolute(url) ? url : null;
}

/** The most telling line of git's stderr, with any URL in it redacted and the 'fatal: ' prefix dropped. */
function summary(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^(please make sure you have the correct access rights|and the repository exists\.)$/i.test(l));
  const line = lines.find((l) => AUTH.test(l) || UNREACHABLE.test(l)) ?? lines.find((l) => /^(fatal|error|ERROR):/.test(l)) ?? lines[0] ?? '';
  return line.replace(/^(fatal|error|ERROR):\s*/, '').replace(/\S+:\/\/\S+/g, (u) => redactUrl(u.replace(/['"]$/, ''))).slice(0, 300);
}

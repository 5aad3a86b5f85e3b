/**
 * The system's git answering what openGitObjects would otherwise ask
 * isomorphic-git — a revision's commit, two commits' merge base — so that a
 * `fleethub diff` or `history` whose trees and blobs C git reads already
 * never loads isomorphic-git (~0.15 s of CPU before anything else can start,
 * on the critical path of both sides' evaluation).
 *
 * Only a question whose answer is the same either way goes to git: a
 * revision made of a plain name (letters, digits, `.`, `_`, `/`, `-`) and
 * `~N` / `^N` steps — no `@{...}`, `:path` or other syntax that git alone
 * reads — and a merge base that is unique (where commits have several, git
 * and isomorphic-git may pick different ones). Null for anything else, and
 * for every failure (git not on PATH, no such revision, a shallow clone's
 * missing commit): the caller then answers, or explains the failure, as it
 * does without git. I/O (a child process).
 */
import { spawnSync } from 'node:child_process';

const PLAIN_REVISION = /^(?:@|[A-Za-z0-9_][A-Za-z0-9._/-]*)(?:~\d*|\^\d*)*$/;

function git(gitdir: string, args: string[]): string[] | null {
  const r = spawnSync('git', ['--git-dir', gitdir, ...args], { encoding: 'utf8', env: { ...process.env, GIT_NO_REPLACE_OBJECTS: '1' } });
  if (r.error || r.status !== 0) return null;
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  return lines.every((l) => /^[0-9a-f]{40}$/.test(l)) ? lines : null;
}

/** The commit `revision` names (tags peeled), read with the work tree's own git directory (its HEAD); null: not answered here. */
export function revParseWithGit(gitdir: string, revision: string): string | null {
  if (!PLAIN_REVISION.test(revision) || revision.includes('..')) return null;
  const out = git(gitdir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  return out?.length === 1 ? out[0]! : null;
}

/** The one merge base of two commits; null when there is none, several, or no answer. */
export function mergeBaseWithGit(gitdir: string, a: string, b: string): string | null {
  const out = git(gitdir, ['merge-base', '--all', a, b]);
  return out?.length === 1 ? out[0]! : null;
}

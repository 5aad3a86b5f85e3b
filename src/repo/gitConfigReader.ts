/**
 * Reads the git config of the repository a fleet lives in (the nearest
 * `.git` at or above it): the repository's own config file (for a linked
 * worktree, the main repository's), parsed as parseGitConfig says. Returns a
 * reader giving trimmed non-empty string values, or null; outside a Git
 * repository every value is null. A config file that exists but cannot be
 * read is a RepoFileUnreadableError, never "no config". I/O.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RepoFileUnreadableError } from '../errors.js';
import { locateRepository } from './gitRepository.js';
import { gitConfigKey, parseGitConfig } from './parseGitConfig.js';

export type GitConfigReader = ((path: string) => Promise<string | null>) & { gitRoot: string | null };

export async function gitConfigReader(root: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): Promise<GitConfigReader> {
  const repo = locateRepository(root);
  const values = repo === null ? new Map<string, string>() : parseGitConfig(readConfig(join(repo.commondir, 'config'), read));
  const get = async (path: string): Promise<string | null> => values.get(gitConfigKey(path))?.trim() || null;
  return Object.assign(get, { gitRoot: repo?.workdir ?? null });
}

function readConfig(path: string, read: (path: string) => string): string {
  try {
    return read(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return '';
    throw new RepoFileUnreadableError(path, code ?? (e as Error).message);
  }
}

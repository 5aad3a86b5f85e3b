/**
 * Writes the staged version of every file below the fleet root `root` into
 * the empty directory `dir`, laid out as in the repository (`dir` stands for
 * its top level), and returns where the fleet's root is in that copy: the
 * files the next commit will hold, for `validate --staged` to read when the
 * working tree differs from them (worktreeMatchesIndex.ts). The working tree
 * and the index are not touched (`git checkout-index --prefix`). A path with
 * unresolved merge conflicts is a usage error: there is nothing staged to
 * read yet. Through the system's git. I/O.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UsageError } from '../errors.js';
import { gitMessage } from './gitMessage.js';

export function checkoutIndex(root: string, dir: string): string {
  const git = (args: string[], input?: string): string =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], ...(input === undefined ? {} : { input }) });
  try {
    const top = git(['rev-parse', '--show-toplevel']).trim();
    const unmerged = git(['ls-files', '--unmerged', '-z', '--', '.']);
    if (unmerged !== '') {
      const path = unmerged.split('\0')[0]!.split('\t')[1];
      throw new UsageError(`${path} has unresolved merge conflicts: resolve them and stage the result (git add) before validating what is staged`);
    }
    const paths = git(['ls-files', '-z', '--', '.']);
    if (paths !== '') git(['checkout-index', '-z', '--stdin', `--prefix=${dir}/`], paths);
    return join(dir, relative(realpathSync(top), realpathSync(root)));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--staged could not read the staged files: ${gitMessage(e)}`);
  }
}

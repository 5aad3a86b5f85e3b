/**
 * Reads files of one commit in the relay's clone, walking trees by object id
 * from the commit's root tree: each tree read once, each blob once. A path
 * with no entry (or an entry that is not a file, or not UTF-8 text) reads as
 * null — what the planner treats as "not there". A missing *object* is not
 * "not there": it throws, so a damaged clone is never mistaken for a file that
 * was removed upstream (the caller replaces the clone).
 */
import fs from 'node:fs';
import { isomorphicGit } from '../repo/isomorphicGit.js';

const git = isomorphicGit();

type Tree = Map<string, { oid: string; type: string }>;

export async function readFilesAt(gitdir: string, commit: string | null, paths: Iterable<string>, cache: object): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const trees = new Map<string, Promise<Tree | null>>();
  const tree = (dir: string): Promise<Tree | null> => {
    if (!trees.has(dir)) trees.set(dir, readDir(dir));
    return trees.get(dir)!;
  };
  const readDir = async (dir: string): Promise<Tree | null> => {
    let oid: string;
    if (dir === '') oid = (await git.readCommit({ fs, gitdir, oid: commit!, cache })).commit.tree;
    else {
      const slash = dir.lastIndexOf('/');
      const entry = (await tree(slash < 0 ? '' : dir.slice(0, slash)))?.get(dir.slice(slash + 1));
      if (!entry || entry.type !== 'tree') return null;
      oid = entry.oid;
    }
    const t = await git.readTree({ fs, gitdir, oid, cache });
    return new Map(t.tree.map((e) => [e.path, { oid: e.oid, type: e.type }]));
  };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const path of new Set(paths)) {
    if (commit === null) {
      out.set(path, null);
      continue;
    }
    const slash = path.lastIndexOf('/');
    const entry = (await tree(slash < 0 ? '' : path.slice(0, slash)))?.get(path.slice(slash + 1));
    if (!entry || entry.type !== 'blob') {
      out.set(path, null);
      continue;
    }
    const { blob } = await git.readBlob({ fs, gitdir, oid: entry.oid, cache });
    try {
      out.set(path, decoder.decode(blob));
    } catch {
      out.set(path, null);
    }
  }
  return out;
}

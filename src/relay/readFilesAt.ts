/**
 * Reads files of one commit in the relay's clone: each directory's tree once,
 * each blob once. Missing files (and anything that is not UTF-8 text) read as
 * null, which is what the planner treats as "not there".
 */
import fs from 'node:fs';
import git from 'isomorphic-git';

export async function readFilesAt(gitdir: string, commit: string | null, paths: Iterable<string>, cache: object): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const trees = new Map<string, Promise<Map<string, { oid: string; type: string }> | null>>();
  const tree = (dir: string): Promise<Map<string, { oid: string; type: string }> | null> => {
    if (!trees.has(dir)) {
      trees.set(
        dir,
        git
          .readTree({ fs, gitdir, oid: commit!, ...(dir ? { filepath: dir } : {}), cache })
          .then((t) => new Map(t.tree.map((e) => [e.path, { oid: e.oid, type: e.type }])))
          .catch((e: { code?: string }) => {
            if (e.code === 'NotFoundError' || e.code === 'ObjectTypeError') return null;
            throw e;
          }),
      );
    }
    return trees.get(dir)!;
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

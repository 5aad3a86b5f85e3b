import { rebuildCache } from '../cache/rebuildCache.js';
import { cachePath } from '../cache/cacheFile.js';
import { findRoot } from '../repo/findRoot.js';
import type { Command } from './command.js';

export const rebuild: Command = {
  name: 'rebuild',
  summary: 'rebuild the SQLite cache from the files, from scratch',
  usage: `fleethub rebuild

Builds .fleethub/cache.sqlite anew from the files and swaps it in atomically.
Never needed for correctness (every command refreshes the cache itself);
useful after upgrading fleethub or to measure a cold build.`,
  options: {},
  reads: true,
  noArguments: true,
  async run(_args, ctx) {
    const root = findRoot(ctx.cwd, ctx.root);
    const { files } = await rebuildCache(root, { onProgress: ctx.progress('rebuilding') });
    return { text: () => `rebuilt ${cachePath(root)} from ${files} files`, json: () => ({ ok: true, files }), problems: false };
  },
};

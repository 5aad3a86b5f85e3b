import { rebuildCache } from '../cache/rebuildCache.js';
import { cachePath } from '../cache/cacheFile.js';
import { findRoot } from '../repo/findRoot.js';
import type { Command } from './command.js';

export const rebuild: Command = {
  name: 'rebuild',
  summary: 'rebuild the SQLite cache from the files, from scratch',
  usage: `fleethub rebuild

Builds .fleethub/cache.sqlite anew from the files and swaps it in atomically,
keeping the probe observations the old cache held (the one thing the files do
not give back). Never needed for correctness (every command refreshes the
cache itself); useful after upgrading fleethub or to measure a cold build.`,
  options: {},
  reads: true,
  noArguments: true,
  async run(_args, ctx) {
    const root = findRoot(ctx.cwd, ctx.root);
    const { files, observations, observationsLost } = await rebuildCache(root, { onProgress: ctx.progress('rebuilding') });
    const kept = observationsLost !== null ? `; the old cache's probe observations could not be read (${observationsLost}), so nodes show as stale until 'fleethub reconcile --probe'` : observations > 0 ? `, keeping the probe observations of ${observations} node${observations === 1 ? '' : 's'}` : '';
    return { text: () => `rebuilt ${cachePath(root)} from ${files} files${kept}`, json: () => ({ ok: true, files, observations, observationsLost }), problems: false };
  },
};

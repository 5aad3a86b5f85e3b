import { rmSync } from 'node:fs';
import { rebuildCache } from './src/cache/rebuildCache.js';
import { cachePath } from './src/cache/cacheFile.js';
const root = process.argv[2]; const workers = Number(process.argv[3] ?? 1);
rmSync(cachePath(root), { force: true });
const c = process.cpuUsage(); const t = performance.now();
await rebuildCache(root, { workers });
const u = process.cpuUsage(c);
console.log(JSON.stringify({ ms: Math.round(performance.now() - t), cpuMs: Math.round((u.user + u.system) / 1000) }));

/** Reads `--shard <i>/<n>`: whole numbers with 1 ≤ i ≤ n ≤ 1024. Pure. */
import { UsageError } from '../errors.js';
export const MAX_SHARDS = 1024;
export function parseShard(text) {
    const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
    const index = m ? Number(m[1]) : NaN;
    const count = m ? Number(m[2]) : NaN;
    if (!m || index < 1 || count < 1 || index > count || count > MAX_SHARDS) {
        throw new UsageError(`--shard '${text}' must be <i>/<n> with 1 ≤ i ≤ n ≤ ${MAX_SHARDS} (e.g. --shard 2/3: the second of three shards)`, { shard: text });
    }
    return { index, count };
}
//# sourceMappingURL=parseShard.js.map
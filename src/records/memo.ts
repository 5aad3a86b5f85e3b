/**
 * A store of memoised derived results (the cache's `memo` table,
 * src/cache/cacheMemo.ts): one entry per name, valid only for the key it was
 * stored under. The key says everything the value depends on (commit ids,
 * content hashes, versions), so a stale entry is never read: a lookup with
 * another key misses. Only a shape here; the store is passed in.
 */
export interface Memo {
  /** The value stored under `name` for exactly this `key`, or null. */
  get(name: string, key: string): string | null;
  /** Replaces the entry of `name`. */
  set(name: string, key: string, value: string): void;
}

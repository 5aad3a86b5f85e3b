/**
 * Which probe shard a node belongs to: the first four bytes of the SHA-256 of
 * its id (UTF-8), read as a big-endian unsigned 32-bit integer, modulo the
 * shard count, plus one (shards are numbered 1..count). It depends on the id
 * and the count only, so every node is in exactly one shard and in the same
 * shard on every run and every machine (docs/forgejo.md). Pure.
 */
import { createHash } from 'node:crypto';
export function shardOf(id, count) {
    return (createHash('sha256').update(id, 'utf8').digest().readUInt32BE(0) % count) + 1;
}
//# sourceMappingURL=shardOf.js.map
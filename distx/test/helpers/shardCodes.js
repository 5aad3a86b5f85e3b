/** The finding codes sharded probing reports; test/shardedProbe.test.ts holds a case for each, test/hints.test.ts counts them as produced. */
export const SHARD_CODES = ['probe-shard-missing'];
//# sourceMappingURL=shardCodes.js.map
/** The version of the observations file this fleethub writes and reads. */
export const OBSERVATIONS_VERSION = 1;
//# sourceMappingURL=shard.js.map
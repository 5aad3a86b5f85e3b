/** A probe shard: shard `index` of `count` (1 ≤ index ≤ count), as `fleethub probe --shard <index>/<count>` names it. */
export interface Shard {
  index: number;
  count: number;
}

/** The observations one probe job wrote (`fleethub probe --shard i/n --out <file>`): the file's content, parsed. */
export interface ObservationSet {
  /** The file it was read from, for messages. */
  file: string;
  shard: Shard;
  /** The ids of the nodes the shard held when it was probed (probed or not: a node without an observation is in it too). */
  nodes: string[];
  observations: import('./observation.js').NodeObservation[];
}

/** The version of the observations file this fleethub writes and reads. */
export const OBSERVATIONS_VERSION = 1;

/**
 * The shards' observations files, merged: one shard count for all of them,
 * each shard at most once (else ObservationsMismatchError), every observation
 * of every file, and the shards no file names (`missing`, in order). Pure.
 */
import { ObservationsMismatchError } from '../errors.js';
export function mergeObservationSets(sets) {
    const files = sets.map((s) => s.file);
    if (sets.length === 0)
        throw new ObservationsMismatchError('no observations file given', files);
    const count = sets[0].shard.count;
    const other = sets.find((s) => s.shard.count !== count);
    if (other)
        throw new ObservationsMismatchError(`${sets[0].file} is shard ${sets[0].shard.index}/${count} but ${other.file} is shard ${other.shard.index}/${other.shard.count}`, files);
    const byIndex = new Map();
    for (const s of sets) {
        const earlier = byIndex.get(s.shard.index);
        if (earlier)
            throw new ObservationsMismatchError(`${earlier.file} and ${s.file} are both shard ${s.shard.index}/${count}`, files);
        byIndex.set(s.shard.index, s);
    }
    const owner = new Map();
    for (const s of sets) {
        for (const id of s.nodes) {
            const first = owner.get(id);
            if (first)
                throw new ObservationsMismatchError(`node '${id}' is in both ${first} and ${s.file} (were they probed by different fleethub versions?)`, files);
            owner.set(id, s.file);
        }
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
    return { count, observations: sets.flatMap((s) => s.observations), missing };
}
//# sourceMappingURL=mergeObservationSets.js.map
/**
 * One `--fault <node>=<fault>` value of `npm run sim`, checked against the simulated nodes and the
 * fault names; a mistake is an Error whose message lists what is allowed.
 */
import { FAULTS, isFault } from './fleetSimulator.js';
export function parseFaultOption(value, nodeIds) {
    const eq = value.lastIndexOf('=');
    if (eq <= 0 || eq === value.length - 1)
        throw new Error(`--fault ${value}: expected <node>=<fault>, e.g. --fault node3=down (faults: ${FAULTS.join(', ')})`);
    const id = value.slice(0, eq);
    const fault = value.slice(eq + 1);
    if (!isFault(fault))
        throw new Error(`--fault ${value}: unknown fault "${fault}"; faults: ${FAULTS.join(', ')}`);
    if (!nodeIds.includes(id))
        throw new Error(`--fault ${value}: no simulated node "${id}"; nodes: ${nodeIds.join(', ')}`);
    return { id, fault };
}
//# sourceMappingURL=parseFaultOption.js.map
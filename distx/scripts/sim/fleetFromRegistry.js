/**
 * The simulator's node list for a fleet repository: one simulated node per `registry/nodes/*.md`
 * whose first TCP probe points at a loopback address, on that probe's port. Disabled nodes are
 * included (and marked), so a test can assert the reconciler never contacts them. Peers: every
 * other node of the fleet, direct within the same area, relayed otherwise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { yamlCoreSchema } from '../../src/records/jsYamlLibrary.js';
import { isLoopbackAddress } from './fleetSimulator.js';
/** The YAML between the first two `---` lines, or undefined when the file has no front matter. */
function frontMatter(text) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    if (lines[0]?.trim() !== '---')
        return undefined;
    const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    return end < 0 ? undefined : lines.slice(1, end).join('\n');
}
function asRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
const text = (value) => typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
function readNodeFiles(root) {
    const dir = join(root, 'registry', 'nodes');
    const files = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();
    const nodes = [];
    for (const name of files) {
        const yaml = frontMatter(readFileSync(join(dir, name), 'utf8'));
        if (yaml === undefined)
            continue;
        let front;
        try {
            front = jsyaml.load(yaml, { schema: yamlCoreSchema() });
        }
        catch {
            continue; // an unparseable node is the validator's business, not the simulator's
        }
        nodes.push({ id: name.slice(0, -'.md'.length), front: asRecord(front) });
    }
    return nodes;
}
/** The loopback port of a node's first TCP probe, if it has one. */
function loopbackPort(front) {
    const tcp = asRecord(front.probes).tcp;
    const first = asRecord(Array.isArray(tcp) ? tcp[0] : undefined);
    const host = text(first.host);
    const port = Number(first.port);
    if (host === undefined || !isLoopbackAddress(host))
        return undefined;
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}
export function simulatedNodesFromRegistry(root) {
    const files = readNodeFiles(root);
    const fleet = files.map(({ id, front }) => ({
        id,
        area: text(front.area) ?? '',
        nat_group: text(front.nat_group) ?? '',
    }));
    const result = [];
    for (const { id, front } of files) {
        const port = loopbackPort(front);
        if (port === undefined)
            continue;
        const self = fleet.find((n) => n.id === id);
        const version = text(asRecord(front.labels).agent_version);
        result.push({
            id,
            port,
            area: self.area,
            nat_group: self.nat_group,
            enabled: front.enabled !== false,
            ...(version === undefined ? {} : { version }),
            peers: fleet.filter((n) => n.id !== id).map((n) => ({ ...n, direct: n.area === self.area })),
        });
    }
    return result;
}
//# sourceMappingURL=fleetFromRegistry.js.map
/** The JSON Schema files shipped with fleethub: the contract this version validates against. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
export const SCHEMA_DIR = fileURLToPath(new URL('../../../schemas/', import.meta.url));
/** I/O: reads every `*.schema.json` of a directory, keyed by name (node, workload, ...). */
export function readSchemas(dir = SCHEMA_DIR) {
    const out = {};
    for (const f of readdirSync(dir).sort()) {
        if (f.endsWith('.schema.json'))
            out[f.slice(0, -'.schema.json'.length)] = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    }
    return out;
}
//# sourceMappingURL=schemaFiles.js.map
/**
 * Record YAML: js-yaml (gray-matter's own engine) with the core schema, so
 * dates stay strings. Guards against alias bombs and deep nesting. Pure.
 */
import { jsYamlLibrary, yamlCoreSchema } from './jsYamlLibrary.js';
import { locateSyntaxError, strictPosition } from './locateSyntaxError.js';
export const MAX_YAML_NODES = 20_000;
export const MAX_YAML_DEPTH = 32;
/** `line` is the 1-based file line the YAML text starts on. */
export function parseYaml(text, line = 1) {
    let data;
    try {
        const jsyaml = jsYamlLibrary();
        data = jsyaml.load(text, { schema: yamlCoreSchema(), json: false });
    }
    catch (e) {
        if (e instanceof RangeError) {
            return { ok: false, code: 'yaml-too-deep', message: `YAML nests deeper than the parser can follow (limit ${MAX_YAML_DEPTH} levels)`, line, col: 1 };
        }
        const err = e;
        const reason = err.reason ?? String(err.message ?? e);
        const at = locateSyntaxError(text, reason, err.mark);
        return { ok: false, code: 'yaml-syntax', message: `YAML: ${reason}`, line: line + at.line - 1, col: at.col };
    }
    // js-yaml tolerates tabs where YAML forbids them (indentation): with tabs, the strict parser has the last word.
    if (text.includes('\t')) {
        const strict = strictPosition(text);
        if (strict)
            return { ok: false, code: 'yaml-syntax', message: `YAML: ${strict.message}`, line: line + strict.line - 1, col: strict.col };
    }
    return measured(data, line);
}
function measured(data, line) {
    const shape = measure(data);
    if (shape === 'too-deep')
        return { ok: false, code: 'yaml-too-deep', message: `YAML nests deeper than ${MAX_YAML_DEPTH} levels`, line, col: 1 };
    if (shape === 'too-large') {
        return { ok: false, code: 'yaml-too-large', message: `YAML expands to more than ${MAX_YAML_NODES} values (an alias bomb?)`, line, col: 1 };
    }
    return { ok: true, data };
}
/**
 * Counts values as if aliases were expanded, stopping at the limits. Depth
 * first, the last child first (the order decides which limit a text over both
 * reports); recursive, since it stops MAX_YAML_DEPTH levels down.
 */
function measure(root) {
    let count = 0;
    const visit = (v, depth) => {
        if (++count > MAX_YAML_NODES)
            return 'too-large';
        if (v === null || typeof v !== 'object')
            return 'ok';
        if (depth >= MAX_YAML_DEPTH)
            return 'too-deep';
        if (Array.isArray(v)) {
            for (let i = v.length - 1; i >= 0; i--) {
                const r = visit(v[i], depth + 1);
                if (r !== 'ok')
                    return r;
            }
            return 'ok';
        }
        const o = v;
        const keys = Object.keys(o);
        for (let i = keys.length - 1; i >= 0; i--) {
            const r = visit(o[keys[i]], depth + 1);
            if (r !== 'ok')
                return r;
        }
        return 'ok';
    };
    return visit(root, 0);
}
//# sourceMappingURL=parseYaml.js.map
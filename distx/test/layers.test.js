/**
 * Imports go down the layers written in src/README.md: no import from a higher
 * room, none between two rooms of one layer, no folder of src/ the table does
 * not list. Reads the sources (not dist/), so it judges what is committed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'src');
/** room → layer, from the first fenced block of src/README.md (`<layer> <room> <what>` lines). */
export function parseLayers(readme) {
    const block = /```[^\n]*\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const layers = new Map();
    for (const line of block.split('\n')) {
        const m = /^(\d+)\s+(\S+)\s/.exec(line);
        if (m)
            layers.set(m[2], Number(m[1]));
    }
    return layers;
}
/** The relative specifiers a module imports or re-exports (static, dynamic, side-effect), comments removed. */
export function importSpecifiers(text) {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
    const specs = [];
    const re = /(?:^|[;\s])(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|[;\s])import\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
    for (const m of code.matchAll(re)) {
        const s = m[1] ?? m[2] ?? m[3];
        if (s.startsWith('.'))
            specs.push(s);
    }
    return specs;
}
/** The room of a src-relative path: its top folder, or the file itself when it sits in src/. */
const roomOf = (srcRelative) => srcRelative.split('/')[0];
/** Every broken rule, one sentence each, naming the file, the import and the rule. */
export function layerViolations(modules, layers) {
    const problems = [];
    const unlisted = new Set();
    for (const m of modules) {
        const room = roomOf(m.path);
        const layer = layers.get(room);
        if (layer === undefined) {
            if (!unlisted.has(room))
                problems.push(`src/${m.path}: room "${room}" is not listed in src/README.md; add a line "<layer> ${room} <what it is>" to its table`);
            unlisted.add(room);
            continue;
        }
        for (const spec of importSpecifiers(m.text)) {
            const target = normalize(join(dirname(m.path), spec)).split(sep).join('/').replace(/\.js$/, '.ts');
            if (target.startsWith('..'))
                continue; // outside src/ (none today)
            const to = roomOf(target);
            if (to === room)
                continue;
            const toLayer = layers.get(to);
            if (toLayer === undefined)
                problems.push(`src/${m.path} imports '${spec}': room "${to}" is not listed in src/README.md`);
            else if (toLayer > layer)
                problems.push(`src/${m.path} imports '${spec}': ${room} (layer ${layer}) may not import ${to} (layer ${toLayer}); imports go down the layers only`);
            else if (toLayer === layer)
                problems.push(`src/${m.path} imports '${spec}': ${room} and ${to} share layer ${layer}; rooms of one layer may not import each other`);
        }
    }
    return problems;
}
function sources(dir) {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.ts'))
        .map((e) => {
        const full = join(e.parentPath, e.name);
        return { path: relative(SRC, full).split(sep).join('/'), text: readFileSync(full, 'utf8') };
    })
        .sort((a, b) => (a.path < b.path ? -1 : 1));
}
test('every import in src/ goes down the layers of src/README.md', () => {
    const layers = parseLayers(readFileSync(join(SRC, 'README.md'), 'utf8'));
    assert.ok(layers.size >= 10, 'src/README.md lists the layers in its first fenced block');
    const modules = sources(SRC);
    assert.ok(modules.length > 100);
    assert.deepEqual(layerViolations(modules, layers), []);
});
test('every folder of src/ is a room listed in src/README.md', () => {
    const layers = parseLayers(readFileSync(join(SRC, 'README.md'), 'utf8'));
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    assert.deepEqual(folders.filter((f) => !layers.has(f)), []);
});
test('the checker names the file, the import and the rule for each kind of break', () => {
    const layers = parseLayers('```\n0 errors.ts x\n1 records x\n2 policy x\n2 checks x\n3 report x\n```\n');
    assert.deepEqual([...layers], [['errors.ts', 0], ['records', 1], ['policy', 2], ['checks', 2], ['report', 3]]);
    const problems = layerViolations([
        { path: 'records/a.ts', text: "import { b } from '../report/b.js';\nimport '../errors.js';\nimport { E } from '../errors.js';" },
        { path: 'policy/c.ts', text: "export type { D } from '../checks/d.js';\n// import { x } from '../report/x.js';\nconst m = await import('../records/a.js');" },
        { path: 'report/e.ts', text: "import type { F } from '../policy/f.js';\nimport { g } from './g.js';" },
        { path: 'hub/h.ts', text: "import { a } from '../records/a.js';" },
        { path: 'checks/i.ts', text: "const w = import('../hub/w.js');" },
    ], layers);
    assert.deepEqual(problems, [
        "src/records/a.ts imports '../report/b.js': records (layer 1) may not import report (layer 3); imports go down the layers only",
        "src/policy/c.ts imports '../checks/d.js': policy and checks share layer 2; rooms of one layer may not import each other",
        'src/hub/h.ts: room "hub" is not listed in src/README.md; add a line "<layer> hub <what it is>" to its table',
        "src/checks/i.ts imports '../hub/w.js': room \"hub\" is not listed in src/README.md",
    ]);
});
//# sourceMappingURL=layers.test.js.map
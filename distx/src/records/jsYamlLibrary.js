/**
 * js-yaml, loaded on first use (~0.06 s to load): a command whose cache is
 * fresh parses no YAML and does not pay for it. With the YAML 1.2 core schema
 * (`yamlCoreSchema`): js-yaml's own CORE_SCHEMA resolves scalars as YAML 1.1
 * did (`012` octal, `1_000` and `0b101` numbers, `._5` a float, `-.5` a
 * string), where the `yaml` package — which edits and locates — reads YAML
 * 1.2; with one schema both read every file alike (test/trust.test.ts holds
 * them to it).
 */
import { createRequire } from 'node:module';
let loaded;
let schema;
export function jsYamlLibrary() {
    return (loaded ??= createRequire(import.meta.url)('js-yaml'));
}
/** The YAML 1.2.2 core schema's tags (null, bool, int, float; strings otherwise), for js-yaml. */
export function yamlCoreSchema() {
    if (schema)
        return schema;
    const y = jsYamlLibrary();
    // Every plain scalar, keys included, is tried against each tag in turn: `first` (the characters a match can start with) spares most of them the pattern.
    const scalar = (tag, first, pattern, construct, predicate) => new y.Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (s) => s !== null && first.includes(s.charAt(0)) && s !== '' && pattern.test(s), construct, predicate, represent: (o) => String(o) });
    const nullType = new y.Type('tag:yaml.org,2002:null', {
        kind: 'scalar',
        resolve: (s) => s === null || s === '' || ('~nN'.includes(s.charAt(0)) && /^(?:~|null|Null|NULL)$/.test(s)),
        construct: () => null,
        predicate: (o) => o === null,
        represent: () => 'null',
    });
    const bool = scalar('bool', 'tTfF', /^(?:true|True|TRUE|false|False|FALSE)$/, (s) => /^t/i.test(s), (o) => typeof o === 'boolean');
    const int = scalar('int', '-+0123456789', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (s) => (s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10)), (o) => Number.isInteger(o));
    const float = scalar('float', '-+.0123456789', /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, (s) => (/inf$/i.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : /nan$/i.test(s) ? NaN : parseFloat(s)), (o) => typeof o === 'number');
    return (schema = new y.Schema({ include: [y.FAILSAFE_SCHEMA], implicit: [nullType, bool, int, float] }));
}
//# sourceMappingURL=jsYamlLibrary.js.map
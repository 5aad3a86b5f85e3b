/**
 * A record file's text with its `signatures` replaced (or added at the end of
 * the front matter), every other byte kept. Works on the front matter of a
 * Markdown record or on a whole YAML file. Pure.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import { splitFrontMatter } from '../records/splitFrontMatter.js';
export function withSignatures(text, markdown, signatures) {
    let start = 0;
    let yamlText = text;
    if (markdown) {
        const split = splitFrontMatter(text);
        if (!split.ok)
            throw new Error('the file has no front matter to sign');
        start = /^---[ \t]*\r?\n/.exec(text)[0].length;
        yamlText = split.yaml;
    }
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const block = signatures.length === 0 ? '' : ['signatures:', ...signatures.flatMap((s) => [`  - key: ${s.key}`, `    sig: '${s.sig}'`])].join(eol) + eol;
    const doc = parseDocument(yamlText);
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'signatures') : undefined;
    if (pair && isScalar(pair.key) && pair.key.range) {
        const from = lineStart(yamlText, pair.key.range[0]);
        const valueEnd = pair.value?.range?.[2] ?? pair.key.range[2];
        const to = lineEnd(yamlText, valueEnd);
        return text.slice(0, start + from) + block + text.slice(start + to);
    }
    const body = yamlText.endsWith('\n') || yamlText === '' ? yamlText : yamlText + eol;
    return text.slice(0, start) + body + block + text.slice(start + yamlText.length);
}
function lineStart(s, i) {
    return s.lastIndexOf('\n', i - 1) + 1;
}
/** Past the end of the line holding offset i (or i itself when it already starts a line). */
function lineEnd(s, i) {
    if (i > 0 && s[i - 1] === '\n')
        return i;
    const nl = s.indexOf('\n', i);
    return nl === -1 ? s.length : nl + 1;
}
//# sourceMappingURL=withSignatures.js.map
/** Splits a Markdown file into its YAML front matter and body. Pure. */
const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/m;
/**
 * `yamlLine` is the 1-based file line of the first YAML line and `bodyLine`
 * the line the body starts on, so positions inside either can be mapped back.
 */
export function splitFrontMatter(text) {
    const open = OPEN.exec(text);
    if (!open) {
        return { ok: false, code: 'frontmatter-missing', message: "file does not start with a '---' front matter block", line: 1, col: 1 };
    }
    const rest = text.slice(open[0].length);
    CLOSE.lastIndex = 0;
    const close = CLOSE.exec(rest);
    if (!close) {
        return { ok: false, code: 'frontmatter-unterminated', message: "front matter opened on line 1 is never closed by a '---' line", line: 1, col: 1 };
    }
    const yaml = rest.slice(0, close.index);
    const afterClose = close.index + close[0].length;
    const body = rest.slice(afterClose).replace(/^\n/, '');
    const yamlLines = countLines(yaml);
    return { ok: true, yaml, yamlLine: 2, body, bodyLine: 2 + yamlLines + 1 };
}
function countLines(s) {
    let n = 0;
    for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1))
        n++;
    return n;
}
//# sourceMappingURL=splitFrontMatter.js.map
/**
 * Text made safe for one Markdown table cell or list item: line breaks become spaces and
 * the characters GitHub-flavoured Markdown would read as table syntax, emphasis, links,
 * code or HTML are backslash-escaped (`|` above all: an unescaped one splits the cell).
 * Empty or missing text becomes an em dash so no cell is blank.
 */
export function markdownCell(text) {
    if (text === null || text === undefined || text === '')
        return '—';
    if (!SPECIAL.test(text))
        return text;
    return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\\|`*_[\]<>~&]/g, (c) => `\\${c}`);
}
const SPECIAL = /[\r\n\\|`*_[\]<>~&]/;
//# sourceMappingURL=markdownCell.js.map
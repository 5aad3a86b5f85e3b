/** A Markdown table cell: pipes escaped, line breaks as spaces, optionally as code (a backtick in the text widens the fence). Pure. */
export function codeCell(s, code = true) {
    const t = s.replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ');
    if (!code || t === '')
        return t;
    const fence = t.includes('`') ? '``' : '`';
    return `${fence}${fence.length > 1 ? ' ' : ''}${t}${fence.length > 1 ? ' ' : ''}${fence}`;
}
//# sourceMappingURL=codeCell.js.map
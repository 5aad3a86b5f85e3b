/**
 * The extent of a task's list item in a Markdown file: the task line, its
 * sub-bullets, notes, nested tasks, indented paragraphs, fenced code under it
 * and lazy continuation lines, up to the next line indented no deeper than the
 * task. Also the indentation a new sub-bullet should use: that of the
 * existing direct children when there are any, else the task's own plus the
 * marker's width (plus one tab when the task is indented with tabs). Pure.
 */
const FENCE = /^[ \t]*(```|~~~)/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** Lines that start a block of their own, so they cannot be a lazy continuation of the item's paragraph. */
const BLOCK_START = /^[ \t]*(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|>|<|\||(?:[-*_][ \t]*){3,}$)/;
export function taskBlock(lines, taskIndex) {
    const taskText = lines[taskIndex].text;
    const taskWidth = width(leading(taskText));
    let last = taskIndex;
    let fence = null;
    let paragraph = true; // the previous line was paragraph text, so a lazy continuation may follow
    let child = null;
    for (let i = taskIndex + 1; i < lines.length; i++) {
        const text = lines[i].text;
        if (fence !== null) {
            if (FENCE.exec(text)?.[1] === fence)
                fence = null;
            last = i;
            continue;
        }
        if (text.trim() === '') {
            paragraph = false;
            continue;
        }
        const ws = leading(text);
        const f = FENCE.exec(text);
        if (width(ws) <= taskWidth) {
            const lazy = paragraph && !f && !BLOCK_START.test(text);
            if (!lazy)
                break;
        }
        else if (LIST_ITEM.test(text) && (child === null || width(ws) < child.width)) {
            child = { width: width(ws), indent: ws };
        }
        if (f)
            fence = f[1];
        paragraph = !f && !/^[ \t]*#/.test(text);
        last = i;
    }
    return { last, childIndent: child?.indent ?? defaultIndent(taskText) };
}
function defaultIndent(taskText) {
    const ws = leading(taskText);
    if (ws.includes('\t'))
        return `${ws}\t`;
    const marker = LIST_ITEM.exec(taskText)?.[2] ?? '-';
    return ws + ' '.repeat(marker.length + 1);
}
function leading(text) {
    return /^[ \t]*/.exec(text)[0];
}
/** Indentation width with tabs to the next multiple of 4, as parseTasks measures it. */
function width(ws) {
    let w = 0;
    for (const c of ws)
        w += c === '\t' ? 4 - (w % 4) : 1;
    return w;
}
//# sourceMappingURL=taskBlock.js.map
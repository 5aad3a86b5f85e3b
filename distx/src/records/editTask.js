/**
 * Flips a workplan task's box and, optionally, appends a dated progress note
 * under it (`  - 2026-11-22: note`), changing nothing else in the file: line
 * endings (LF, CRLF, a missing final newline), indentation, comments, front
 * matter and code fences stay byte for byte. The task is found with
 * parseTasks, so what counts as a task here is what counts everywhere else.
 * Pure, so the relay can re-apply the same edit to another copy of the file.
 */
import { parseTasks } from './parseTasks.js';
import { splitFrontMatter } from './splitFrontMatter.js';
import { taskBlock } from './taskBlock.js';
/** The box each action sets. Every action is allowed from every state (done → start reopens work). */
export const TASK_ACTIONS = {
    start: { box: '/', state: 'doing' },
    done: { box: 'x', state: 'done' },
    block: { box: '!', state: 'blocked' },
    cancel: { box: '-', state: 'cancelled' },
    reopen: { box: ' ', state: 'todo' },
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export function editTask(text, taskId, action, options) {
    if (!DATE.test(options.date))
        throw new RangeError(`editTask: date must be YYYY-MM-DD, not '${options.date}'`);
    const target = TASK_ACTIONS[action];
    if (!target)
        throw new RangeError(`editTask: unknown action '${String(action)}'`);
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    const content = text.slice(bom.length);
    const split = splitFrontMatter(content);
    if (!split.ok)
        return { error: 'not-a-workplan', message: `not a workplan file: ${split.message}` };
    const { tasks, problems } = parseTasks(split.body, split.bodyLine);
    const lines = toLines(content);
    const task = tasks.find((t) => t.id === taskId);
    const again = problems.filter((p) => p.code === 'task-duplicate-id' && idAt(lines[p.line - 1], p.col) === taskId);
    if (task && again.length > 0) {
        const at = [task.line, ...again.map((p) => p.line)].join(', ');
        return { error: 'ambiguous', message: `task ${taskId} is defined more than once (lines ${at}); give each task its own id first` };
    }
    if (!task) {
        const near = problems.find((p) => mentions(lines[p.line - 1], taskId));
        const why = near ? ` (line ${near.line} mentions it but is not a valid task: ${near.message})` : '';
        return { error: 'task-not-found', message: `no task ${taskId} in this workplan${why}` };
    }
    const out = lines.map((l) => l.text + l.eol);
    const taskLine = lines[task.line - 1];
    const at = task.boxCol - 1;
    if (taskLine.text[at - 1] !== '[')
        throw new Error(`editTask: no box at line ${task.line}, column ${task.boxCol}`);
    const boxChanged = task.state !== target.state;
    if (boxChanged)
        out[task.line - 1] = taskLine.text.slice(0, at) + target.box + taskLine.text.slice(at + 1) + taskLine.eol;
    const note = oneLine(options.note);
    let noteLine = null;
    if (note !== null) {
        const block = taskBlock(lines, task.line - 1);
        const last = lines[block.last];
        const written = `${block.childIndent}- ${options.date}: ${note}`;
        if (last.eol !== '')
            out[block.last] += written + last.eol;
        else
            out[block.last] += fileEol(lines, task.line - 1) + written;
        noteLine = block.last + 2;
    }
    const changed = boxChanged || note !== null;
    return { text: changed ? bom + out.join('') : text, changed, from: task.state, to: target.state, line: task.line, noteLine, note };
}
/** The file as lines, each with its own line ending ('' for a last line without one). */
function toLines(content) {
    const raw = content.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    return raw.map((s) => {
        const eol = s.endsWith('\r\n') ? '\r\n' : s.endsWith('\n') ? '\n' : '';
        return { text: s.slice(0, s.length - eol.length), eol };
    });
}
/** The ending an added last line uses: the task line's own, else the file's first, else LF. */
function fileEol(lines, taskIndex) {
    return lines[taskIndex].eol || lines.find((l) => l.eol !== '')?.eol || '\n';
}
/** Notes are one line: line breaks and other control characters become spaces. */
function oneLine(note) {
    if (note === undefined)
        return null;
    // eslint-disable-next-line no-control-regex
    const flat = note.replace(/\r\n|[\x00-\x08\x0a-\x1f\x7f\u0085\u2028\u2029]/g, ' ').trim();
    return flat === '' ? null : flat;
}
/** The word starting at a 1-based column (where parseTasks reports a duplicate id). */
function idAt(line, col) {
    return line ? /^\S+/.exec(line.text.slice(col - 1))?.[0] : undefined;
}
function mentions(line, id) {
    return line !== undefined && line.text.split(/[\s\]\[()]+/).includes(id);
}
//# sourceMappingURL=editTask.js.map
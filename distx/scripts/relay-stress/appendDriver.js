/**
 * The append phase's child process: appends task events one by one to a
 * fleet's outbox with recordEvents, and prints each event's id once
 * recordEvents has returned (the event is acknowledged: durable from then on).
 * It prints `ready` first, so the parent can time its kill -9 from there.
 *
 *   node appendDriver.js <root> <workplan> <tasks,comma,separated> <note-prefix> <from> <count>
 *
 * Event i (from ≤ i < from + count) sets task i mod tasks to one of the actions in turn, with
 * the note `<note-prefix>-<i>`.
 */
import { recordEvents } from '../../src/outbox/recordEvents.js';
const ACTIONS = ['start', 'done', 'block', 'reopen', 'cancel'];
const [root, workplan, taskList, prefix, fromArg, countArg] = process.argv.slice(2);
if (!root || !workplan || !taskList || !prefix || !fromArg || !countArg)
    throw new Error('usage: appendDriver <root> <workplan> <tasks> <note-prefix> <from> <count>');
const tasks = taskList.split(',');
const from = Number(fromArg);
const count = Number(countArg);
process.stdout.write('ready\n');
for (let i = from; i < from + count; i++) {
    const now = new Date();
    const [event] = await recordEvents(root, [{ type: 'task.set', payload: { workplan, task: tasks[i % tasks.length], action: ACTIONS[i % ACTIONS.length], note: `${prefix}-${i}`, date: now.toISOString().slice(0, 10), file: `workplans/${workplan}.md` } }], { env: process.env, now: () => now });
    process.stdout.write(`${event.id}\n`);
}
//# sourceMappingURL=appendDriver.js.map
/**
 * Workplans: a progress bar, the ready tasks and the critical path of each, and its tasks with
 * buttons to start, finish or block one with a note (a form the script sends as JSON to
 * POST /api/tasks/:workplan/:task). Past MAX_OPEN workplans the list is paged and a workplan's
 * tasks are shown when it is opened (`?workplan=<id>`), so the page never holds every task.
 */
import { escapeHtml } from './escapeHtml.js';
import { pageOf } from './pageOf.js';
import { pendingMark } from './pendingMark.js';
import { viewLink } from './viewLink.js';
const MAX_OPEN = 12;
const ACTIONS = {
    todo: [['start', 'Start'], ['done', 'Done'], ['block', 'Block']],
    doing: [['done', 'Done'], ['block', 'Block']],
    blocked: [['start', 'Start'], ['done', 'Done']],
    done: [['reopen', 'Reopen']],
    cancelled: [['reopen', 'Reopen']],
};
const STATE_MARK = { todo: '☐ todo', doing: '◐ doing', done: '☑ done', blocked: '⊘ blocked', cancelled: '✕ cancelled' };
function bare(workplan, task) {
    return task.startsWith(`${workplan}/`) ? task.slice(workplan.length + 1) : task;
}
function slug(s) {
    return s.replace(/[^A-Za-z0-9_-]/g, '_');
}
function progress(w) {
    return { done: w.progress?.done ?? w.done ?? 0, total: w.progress?.total ?? w.total ?? 0 };
}
function taskRow(w, t, ready, critical) {
    const id = bare(w.id, t.id);
    const state = t.state ?? 'todo';
    const domId = `task-${slug(w.id)}-${slug(id)}`;
    const deps = (t.depends ?? []).map((d) => bare(w.id, d));
    const waits = state === 'todo' && (t.readiness === 'waiting' || t.readiness === 'blocked') && deps.length > 0 ? `<span class="waits">${t.readiness === 'blocked' ? '⊘ blocked by' : '… waits on'} ${escapeHtml(deps.join(', '))}</span>` : '';
    const marks = [ready.has(id) ? '<span class="ready">ready</span>' : '', waits, critical.has(id) ? '<span class="critical-text">critical path</span>' : ''].filter(Boolean).join(' ');
    const buttons = (ACTIONS[state] ?? []).map(([action, label]) => `<button type="submit" name="action" value="${action}">${label}</button>`).join('');
    const form = `<form class="task-action" method="post" action="/api/tasks/${encodeURIComponent(w.id)}/${encodeURIComponent(id)}" data-workplan="${escapeHtml(w.id)}" data-task="${escapeHtml(id)}">${state === 'done' || state === 'cancelled' ? '' : `<label for="${domId}-note" class="visually-hidden">Note for ${escapeHtml(id)}</label>`}${state === 'done' || state === 'cancelled' ? '' : `<input id="${domId}-note" name="note" type="text" placeholder="note (optional)" maxlength="2000">`}${buttons}<output aria-live="polite"></output></form>`;
    return `<li class="task state-${escapeHtml(state)}" id="${domId}" data-task="${escapeHtml(id)}" data-state="${escapeHtml(state)}"><span class="state">${escapeHtml(STATE_MARK[state] ?? state)}</span> <strong>${escapeHtml(id)}</strong> ${escapeHtml(t.title ?? '')} ${marks}${pendingMark(t.pending)}${t.upstream ? ' <span class="pending upstream-mark" title="relayed upstream, not pulled into the files yet">⇡ upstream</span>' : ''}${form}</li>`;
}
function detail(w) {
    const { done, total } = progress(w);
    const ready = (w.ready ?? []).map((t) => bare(w.id, t));
    const path = (w.critical_path ?? w.criticalPath ?? []).map((t) => bare(w.id, t));
    const tasks = w.tasks ?? [];
    const readySet = new Set(ready);
    const critSet = new Set(path);
    const taskList = tasks.length === 0 ? '' : `<details class="tasks" id="tasks-${slug(w.id)}"${tasks.length <= 12 ? ' open' : ''}><summary>Tasks (${tasks.length})</summary><ul>${tasks.map((t) => taskRow(w, t, readySet, critSet)).join('')}</ul></details>`;
    return `<article class="workplan" id="wp-${slug(w.id)}" data-workplan="${escapeHtml(w.id)}"><h3>${escapeHtml(w.id)} <span class="title">${escapeHtml(w.title ?? '')}</span>${pendingMark(w.pending)}</h3><p class="progress"><label for="progress-${slug(w.id)}">${done}/${total} done</label> <progress id="progress-${slug(w.id)}" max="${Math.max(total, 1)}" value="${Math.min(done, Math.max(total, 1))}">${done}/${total}</progress></p><p>Ready: ${ready.length ? escapeHtml(ready.join(', ')) : '<span class="none">none</span>'}</p><p>Critical path: ${path.length ? `<span class="critical-text">${escapeHtml(path.join(' → '))}</span>` : '<span class="none">—</span>'}</p>${taskList}</article>`;
}
export function renderWorkplansSection(data, view) {
    if (!Array.isArray(data) || !data.every((w) => typeof w === 'object' && w !== null && typeof w.id === 'string'))
        return null;
    const plans = data;
    if (plans.length === 0)
        return '<p class="none">No workplans.</p>';
    if (plans.length <= MAX_OPEN)
        return plans.map(detail).join('');
    const open = view.workplan ? plans.find((w) => w.id === view.workplan) : undefined;
    const { items, nav } = pageOf(plans, view, 'workplans', 20);
    const rows = items.map((w) => {
        const { done, total } = progress(w);
        return `<tr><th scope="row">${viewLink(view, { workplan: w.id }, 'workplans', escapeHtml(w.id))}${pendingMark(w.pending)}</th><td>${escapeHtml(w.title ?? '')}</td><td><progress max="${Math.max(total, 1)}" value="${Math.min(done, Math.max(total, 1))}" aria-label="${escapeHtml(w.id)} progress">${done}/${total}</progress> ${done}/${total}</td><td>${(w.ready ?? []).length}</td></tr>`;
    });
    return `${open ? detail(open) : ''}<div class="scroll"><table><caption>${plans.length} workplans</caption><thead><tr><th scope="col">Workplan</th><th scope="col">Title</th><th scope="col">Progress</th><th scope="col">Ready</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>${nav}`;
}
//# sourceMappingURL=renderWorkplansSection.js.map
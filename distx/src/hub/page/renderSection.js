/**
 * One section of the board as a `<section data-section="<name>">` element: its registered renderer,
 * or the generic table when there is none or the data is not the shape the renderer knows. The
 * script replaces exactly this element when the section changes. `{"evaluating": true}` (a save's
 * first phase) says so.
 */
import { escapeHtml } from './escapeHtml.js';
import { renderGenericSection } from './renderGenericSection.js';
import { SECTION_RENDERERS } from './sectionRenderers.js';
function titleOf(name) {
    const words = name.replace(/[_-]+/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
}
export function renderSection(name, data, view) {
    const renderer = SECTION_RENDERERS.get(name);
    // A save's first phase: the findings, checks and intents follow once the evaluation finishes (docs/hub.md).
    const evaluating = typeof data === 'object' && data !== null && data.evaluating === true && Object.keys(data).length === 1;
    const body = evaluating ? '<p class="result" role="status">Evaluating the saved change…</p>' : (renderer?.render(data, view) ?? renderGenericSection(name, data, view));
    const id = name.replace(/[^A-Za-z0-9_-]/g, '_');
    return `<section id="${id}" data-section="${escapeHtml(name)}" aria-labelledby="h-${id}"><h2 id="h-${id}"><a href="#${id}">${escapeHtml(renderer?.title ?? titleOf(name))}</a></h2>${body}</section>`;
}
//# sourceMappingURL=renderSection.js.map
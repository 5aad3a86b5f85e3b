/**
 * One section of the board as a `<section data-section="<name>">` element: its registered renderer,
 * or the generic table when there is none or the data is not the shape the renderer knows. The
 * script replaces exactly this element when the section changes.
 */
import { escapeHtml } from './escapeHtml.js';
import type { HubView } from './pageTypes.js';
import { renderGenericSection } from './renderGenericSection.js';
import { SECTION_RENDERERS } from './sectionRenderers.js';

function titleOf(name: string): string {
  const words = name.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function renderSection(name: string, data: unknown, view: HubView): string {
  const renderer = SECTION_RENDERERS.get(name);
  const body = renderer?.render(data, view) ?? renderGenericSection(name, data, view);
  const id = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return `<section id="${id}" data-section="${escapeHtml(name)}" aria-labelledby="h-${id}"><h2 id="h-${id}"><a href="#${id}">${escapeHtml(renderer?.title ?? titleOf(name))}</a></h2>${body}</section>`;
}

import { viewLink } from './viewLink.js';
export function pageOf(items, view, section, size) {
    if (items.length <= size)
        return { items, nav: '' };
    const pages = Math.ceil(items.length / size);
    const page = Math.min(view.pages[section] ?? 1, pages);
    const start = (page - 1) * size;
    const key = `${section}.page`;
    const prev = page > 1 ? viewLink(view, { [key]: page - 1 === 1 ? null : page - 1 }, section, '← previous', ' rel="prev"') : '';
    const next = page < pages ? viewLink(view, { [key]: page + 1 }, section, 'next →', ' rel="next"') : '';
    const nav = `<nav class="pager" aria-label="${section} pages"><span>${start + 1}–${Math.min(start + size, items.length)} of ${items.length}</span> ${prev} ${next}</nav>`;
    return { items: items.slice(start, start + size), nav };
}
//# sourceMappingURL=pageOf.js.map
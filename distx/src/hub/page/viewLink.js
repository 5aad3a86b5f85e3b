/**
 * A link to the board with some of the view's query parameters changed (null removes one), and the
 * section's anchor, so paging and grouping are ordinary links (the script follows them in place).
 */
import { escapeHtml } from './escapeHtml.js';
export function viewLink(view, changes, anchor, label, extra = '') {
    const params = new URLSearchParams(view.params);
    for (const [k, v] of Object.entries(changes)) {
        if (v === null)
            params.delete(k);
        else
            params.set(k, String(v));
    }
    const query = params.toString();
    return `<a href="${escapeHtml(`/${query ? `?${query}` : ''}#${anchor}`)}" data-nav="${escapeHtml(anchor)}"${extra}>${label}</a>`;
}
//# sourceMappingURL=viewLink.js.map
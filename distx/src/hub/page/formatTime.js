/** An ISO time as a `<time>` element (UTC, to the second), or an em dash when there is none. */
import { escapeHtml } from './escapeHtml.js';
export function formatTime(iso) {
    if (typeof iso !== 'string' || iso === '')
        return '<span class="none">—</span>';
    const shown = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z` : iso;
    return `<time datetime="${escapeHtml(iso)}">${escapeHtml(shown)}</time>`;
}
//# sourceMappingURL=formatTime.js.map
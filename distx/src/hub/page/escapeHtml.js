/** Text or attribute value made safe for HTML: & < > " ' escaped. Anything not a string is stringified first. */
export function escapeHtml(value) {
    const s = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}
//# sourceMappingURL=escapeHtml.js.map
export function parseHubView(query = '') {
    const params = typeof query === 'string' ? new URLSearchParams(query.startsWith('?') ? query.slice(1) : query) : query;
    const pages = {};
    for (const [key, value] of params) {
        const m = /^([a-z][a-z0-9_-]*)\.page$/.exec(key);
        const n = Number(value);
        if (m && Number.isInteger(n) && n >= 1 && n <= 1_000_000)
            pages[m[1]] = n;
    }
    const text = (name) => {
        const v = params.get(name);
        return v === null || v.trim() === '' ? null : v.trim().slice(0, 200);
    };
    return { q: text('q') ?? '', area: text('area'), workplan: text('workplan'), pages, params };
}
//# sourceMappingURL=parseHubView.js.map
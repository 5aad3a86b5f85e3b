/** A FileView over a base reader: reads see earlier writes. */
export function fileView(base) {
    const changes = new Map();
    return {
        read: (path) => (changes.has(path) ? changes.get(path) : base(path)),
        write: (path, text) => void changes.set(path, text),
        changes,
    };
}
//# sourceMappingURL=fileView.js.map
export function planComment(existing, body, marker) {
    const marked = body.trimStart().startsWith(marker) ? body : `${marker}\n${body}`;
    const mine = existing.find((c) => c.body.trimStart().startsWith(marker));
    if (!mine)
        return { action: 'create', body: marked };
    return mine.body === marked ? { action: 'unchanged', id: mine.id, body: marked } : { action: 'edit', id: mine.id, body: marked };
}
//# sourceMappingURL=planComment.js.map
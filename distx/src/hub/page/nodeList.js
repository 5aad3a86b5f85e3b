export function nodeList(data) {
    const list = Array.isArray(data) ? data : typeof data === 'object' && data !== null && Array.isArray(data.list) ? data.list : null;
    if (!list)
        return null;
    return list.every((n) => typeof n === 'object' && n !== null && typeof n.id === 'string') ? list : null;
}
//# sourceMappingURL=nodeList.js.map
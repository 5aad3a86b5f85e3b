export function serializeTree(items) {
    const key = (i) => Buffer.from(i.type === 'tree' ? `${i.name}/` : i.name, 'utf8');
    const sorted = [...items].sort((a, b) => Buffer.compare(key(a), key(b)));
    return Buffer.concat(sorted.flatMap((i) => [Buffer.from(`${i.type === 'tree' ? '40000' : i.mode} ${i.name}\0`, 'utf8'), Buffer.from(i.oid, 'hex')]));
}
//# sourceMappingURL=serializeTree.js.map
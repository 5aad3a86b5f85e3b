/**
 * A Git tree object's bytes: entries in Git's order (names compared byte-wise,
 * a directory's name as if it ended in '/'), each `<mode> <name>\0<20-byte id>`.
 * Pure.
 */
export interface TreeItem {
  mode: string;
  name: string;
  oid: string;
  type: 'blob' | 'tree' | 'commit';
}

export function serializeTree(items: readonly TreeItem[]): Buffer {
  const key = (i: TreeItem): Buffer => Buffer.from(i.type === 'tree' ? `${i.name}/` : i.name, 'utf8');
  const sorted = [...items].sort((a, b) => Buffer.compare(key(a), key(b)));
  return Buffer.concat(sorted.flatMap((i) => [Buffer.from(`${i.type === 'tree' ? '40000' : i.mode} ${i.name}\0`, 'utf8'), Buffer.from(i.oid, 'hex')]));
}

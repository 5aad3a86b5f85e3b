/** The 1-based line and column of a character offset into a text (columns count UTF-16 units, as the offset does). Pure. */
export function lineColumn(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, col: before.length - before.lastIndexOf('\n') };
}

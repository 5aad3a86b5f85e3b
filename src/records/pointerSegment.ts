/** One key as a JSON pointer segment (RFC 6901: `~` as `~0`, `/` as `~1`). Pure. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

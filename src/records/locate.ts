/**
 * Exact positions with the `yaml` package: maps a JSON pointer into a YAML
 * text to the line and column of its key or value. Used only where a position
 * is needed (an error), since this parser is slower than the bulk path; a
 * top-level key of a plain mapping is read off its line instead
 * (topLevelKeyPosition.ts). Pure.
 */
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { topLevelKeyPosition } from './topLevelKeyPosition.js';
import { yamlLibrary } from './yamlLibrary.js';

export interface Position {
  line: number;
  col: number;
}

export type Locator = (pointer: string, atKey?: boolean) => Position;

/** `line` is the 1-based file line the YAML text starts on. */
export function createLocator(text: string, line = 1): Locator {
  let parsed: { doc: Document; lines: LineCounter } | null = null;
  return (pointer, atKey = false) => {
    // No fallback position: a failure here is a bug to report, never a finding silently moved to line 1 column 1.
    try {
      const path = splitPointer(pointer);
      // A top-level key of a plain mapping (or an item of its one-line list): read off its line, without loading the parser (topLevelKeyPosition.ts).
      const plain = parsed ? null : topLevelKeyPosition(text, path, atKey);
      if (plain) return { line: line + plain.lineIndex, col: plain.col };
      if (!parsed) {
        const { LineCounter, parseDocument } = yamlLibrary();
        const lines = new LineCounter();
        parsed = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines };
      }
      const offset = findOffset(parsed.doc.contents as YamlNode | null, path, atKey);
      const pos = parsed.lines.linePos(offset ?? firstContentOffset(text));
      return { line: line + pos.line - 1, col: pos.col };
    } catch (e) {
      throw new Error(`cannot locate ${pointer || '/'} in the YAML starting at line ${line}: ${(e as Error).message}`, { cause: e });
    }
  };
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function findOffset(root: YamlNode | null, path: string[], atKey: boolean): number | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  let node: unknown = root;
  let best: number | undefined = rangeStart(root);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) return best;
      const keyStart = rangeStart(pair.key as YamlNode);
      if (last && atKey) return keyStart ?? best;
      node = pair.value;
      best = rangeStart(node as YamlNode) ?? keyStart ?? best;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) return best;
      node = item;
      best = rangeStart(item as YamlNode) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

function rangeStart(node: YamlNode | null | undefined): number | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? r[0] : undefined;
}

function firstContentOffset(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index : 0;
}

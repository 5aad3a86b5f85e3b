/**
 * Positions of JSON pointers in record files: `(file, '/host') → {line, col}`,
 * front matter offset counted. Each file is read and parsed once, on demand.
 * I/O is passed in (`readText`).
 */
import { createLocator, type Locator, type Position } from './locate.js';
import { splitFrontMatter } from './splitFrontMatter.js';

export type FileLocator = (file: string, pointer: string, atKey?: boolean) => Position;

export function fileLocator(readText: (path: string) => string | null): FileLocator {
  const locators = new Map<string, Locator>();
  return (file, pointer, atKey = false) => {
    let loc = locators.get(file);
    if (!loc) {
      const text = readText(file) ?? '';
      const split = file.endsWith('.md') ? splitFrontMatter(text) : null;
      loc = split && split.ok ? createLocator(split.yaml, split.yamlLine) : createLocator(text, 1);
      locators.set(file, loc);
    }
    return loc(pointer, atKey);
  };
}

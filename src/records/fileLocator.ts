/**
 * Positions of JSON pointers in record files: `(file, '/host') → {line, col}`,
 * front matter offset counted. Each file is read and parsed once, on demand.
 * I/O is passed in (`readText`).
 *
 * With a memo (the cache's memo table), positions found in an earlier run are
 * reused: each is stored under a hash of the text it was found in (the file's
 * bytes as read now, not as the cache last saw them), the pointer, and this
 * code, so an edited file, another pointer or another locator misses and is
 * parsed again. `save()` stores the positions this locator gave, when they
 * differ from the stored ones (a steady fleet writes nothing).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createLocator, type Locator, type Position } from './locate.js';
import type { Memo } from './memo.js';
import { splitFrontMatter } from './splitFrontMatter.js';

export type FileLocator = ((file: string, pointer: string, atKey?: boolean) => Position) & { save(): void };

let codeHash: string | null = null;

/** `memo.name`: the entry this locator's positions are kept under (one per caller, so callers do not evict each other). */
export function fileLocator(readText: (path: string) => string | null, memo?: { store: Memo; name: string }): FileLocator {
  const locators = new Map<string, { text: string; hash: string | null; loc: Locator | null }>();
  codeHash ??= memo ? createHash('sha256').update(readFileSync(new URL('./locate.js', import.meta.url))).update(readFileSync(new URL('./topLevelKeyPosition.js', import.meta.url))).update(readFileSync(new URL(import.meta.url))).digest('hex') : null;
  const key = codeHash ?? '';
  const stored = new Map<string, Position>(memo ? (JSON.parse(memo.store.get(memo.name, key) ?? '[]') as Array<[string, Position]>) : []);
  const used = new Map<string, Position>();
  const locate = (file: string, pointer: string, atKey = false): Position => {
    let entry = locators.get(file);
    if (!entry) {
      entry = { text: readText(file) ?? '', hash: null, loc: null };
      locators.set(file, entry);
    }
    if (!memo) return parsed(file, entry)(pointer, atKey);
    entry.hash ??= createHash('sha256').update(entry.text).digest('hex');
    const id = JSON.stringify([entry.hash, file.endsWith('.md'), pointer, atKey]);
    const pos = stored.get(id) ?? parsed(file, entry)(pointer, atKey);
    used.set(id, pos);
    return pos;
  };
  const save = (): void => {
    if (!memo) return;
    const same = used.size === stored.size && [...used].every(([id, p]) => stored.get(id)?.line === p.line && stored.get(id)?.col === p.col);
    if (!same) memo.store.set(memo.name, key, JSON.stringify([...used]));
  };
  return Object.assign(locate, { save });
}

function parsed(file: string, entry: { text: string; loc: Locator | null }): Locator {
  if (!entry.loc) {
    const split = file.endsWith('.md') ? splitFrontMatter(entry.text) : null;
    entry.loc = split && split.ok ? createLocator(split.yaml, split.yamlLine) : createLocator(entry.text, 1);
  }
  return entry.loc;
}

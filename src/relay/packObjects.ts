/**
 * A Git packfile (version 2) holding `objects` whole (no deltas): the
 * `PACK` header and object count, each object as its type-and-size header
 * and its zlib-compressed content, and the SHA-1 of all of it. What a push
 * sends (pushPack.ts): the relay knows exactly which objects its commits
 * added, so it packs those from memory instead of reading each back from
 * disk and compressing it again. Pure.
 * https://git-scm.com/docs/pack-format
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { GitObject } from './writeLooseObject.js';

const TYPE_CODE = { commit: 1, tree: 2, blob: 3 } as const;

/** The entry header: type in bits 4–6 of the first byte, the size in 4 bits there and 7 bits per byte after, low bits first. */
function entryHeader(type: GitObject['type'], size: number): Buffer {
  const bytes: number[] = [];
  let byte = (TYPE_CODE[type] << 4) | (size & 0x0f);
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    bytes.push(byte | 0x80);
    byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
  }
  bytes.push(byte);
  return Buffer.from(bytes);
}

export function packObjects(objects: readonly GitObject[]): Buffer {
  const head = Buffer.alloc(12);
  head.write('PACK', 0, 'latin1');
  head.writeUInt32BE(2, 4);
  head.writeUInt32BE(objects.length, 8);
  const parts: Buffer[] = [head];
  for (const o of objects) parts.push(entryHeader(o.type, o.content.length), deflateSync(o.content, { level: 1 }));
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

/** Reads, hashes and parses one fleet file into its cache rows. I/O (reads the file). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hintFor } from '../records/hints.js';
import { idFromPath, type RecordKind } from '../records/kinds.js';
import { MAX_FILE_BYTES } from '../records/decodeText.js';
import { parseRecordFile } from '../records/parseRecordFile.js';
import type { Validators } from '../records/validators.js';
import { fileRows, findingRow, type FileRows } from './fileRows.js';

export interface FileToRead {
  path: string;
  kind: RecordKind;
  size: number;
  mtimeMs: number;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

export function readFleetFile(root: string, file: FileToRead, validators: Validators): FileRows {
  let bytes: Uint8Array;
  try {
    bytes = file.size > MAX_FILE_BYTES ? new Uint8Array(file.size) : readFileSync(join(root, file.path));
  } catch (e) {
    const code = 'unreadable-file';
    return {
      path: file.path,
      kind: file.kind,
      id: idFromPath(file.path),
      size: file.size,
      mtimeMs: file.mtimeMs,
      hash: '',
      main: null,
      subs: [],
      edges: [],
      findings: [findingRow({ file: file.path, line: 1, col: 1, severity: 'error', code, message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, hint: hintFor(code) }, 'file')],
    };
  }
  const hash = file.size > MAX_FILE_BYTES ? `size:${file.size}` : hashBytes(bytes);
  const parsed = parseRecordFile(file.path, file.kind, bytes, validators);
  return fileRows(parsed, { size: file.size, mtimeMs: file.mtimeMs, hash });
}

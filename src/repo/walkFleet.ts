/** Lists a fleet repository's record files with their size and mtime. I/O. */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Finding } from '../records/finding.js';
import { hintFor } from '../records/hints.js';
import { KIND_DIRS, type RecordKind } from '../records/kinds.js';

export interface FleetFile {
  /** Repository-relative, '/'-separated. */
  path: string;
  kind: RecordKind;
  size: number;
  mtimeMs: number;
}

export interface Walk {
  files: FleetFile[];
  findings: Finding[];
}

/** `stat: false` skips the per-file stat (a cold build reads every file anyway and takes size and mtime from it). */
export function walkFleet(root: string, options: { stat?: boolean } = {}): Walk {
  const wantStat = options.stat !== false;
  const files: FleetFile[] = [];
  const findings: Finding[] = [];
  const realRoot = realpathSync(root);
  const base = join(root, '/');
  const problem = (path: string, severity: Finding['severity'], code: Finding['code'], message: string): void => {
    findings.push({ file: path, line: 1, col: 1, severity, code, message, hint: hintFor(code) });
  };
  for (const k of KIND_DIRS) {
    const stack = [k.dir];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      let entries: Dirent[];
      try {
        entries = readdirSync(join(root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        const path = `${dir}/${e.name}`;
        const abs = base + path;
        if (e.isDirectory()) {
          stack.push(path);
          continue;
        }
        let st;
        if (e.isSymbolicLink()) {
          let target: string;
          try {
            target = realpathSync(abs);
          } catch {
            problem(path, 'error', 'symlink-escape', 'symlink points at nothing (broken link)');
            continue;
          }
          const rel = relative(realRoot, target);
          if (rel.startsWith('..') || rel.startsWith(sep) || rel === '') {
            problem(path, 'error', 'symlink-escape', `symlink leads outside the repository (to ${target})`);
            continue;
          }
          st = statSync(abs);
          if (st.isDirectory()) {
            problem(path, 'warning', 'symlink-dir', 'symlinked directory not followed');
            continue;
          }
          if (!st.isFile()) {
            problem(path, 'warning', 'unexpected-file', 'symlink to something that is not a regular file (a pipe, socket or device); ignored');
            continue;
          }
        } else if (!e.isFile()) {
          problem(path, 'warning', 'unexpected-file', 'not a regular file (a pipe, socket or device); ignored');
          continue;
        }
        if (!k.extensions.some((x) => e.name.endsWith(x))) {
          if (e.name.toLowerCase() !== 'readme.md') {
            problem(path, 'warning', 'unexpected-file', `not a ${k.kind} file (expected ${k.extensions.join(' or ')}); ignored`);
          }
          continue;
        }
        if (e.name.toLowerCase() === 'readme.md') continue;
        if (!wantStat) files.push({ path, kind: k.kind, size: 0, mtimeMs: 0 });
        else {
          st ??= statSync(abs);
          files.push({ path, kind: k.kind, size: st.size, mtimeMs: st.mtimeMs });
        }
      }
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, findings };
}

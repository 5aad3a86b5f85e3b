/** Findings stored in the cache, in the stable order they are reported in. */
import type Database from 'better-sqlite3';
import { compareFindings, type Finding } from '../records/finding.js';
import { idFromPath, kindOfPath } from '../records/kinds.js';

interface Row {
  file: string;
  line: number;
  col: number;
  severity: Finding['severity'];
  /** Written from a Finding, so one of the codes fleethub reports. */
  code: Finding['code'];
  message: string;
  hint: string | null;
  kind: string | null;
  record_id: string | null;
}

export interface FindingFilter {
  /** Only findings in these files, or about references to records declared in them. */
  paths?: string[];
}

export function readFindings(db: Database.Database, filter: FindingFilter = {}): Finding[] {
  let rows: Row[];
  if (filter.paths) {
    const byFile = db.prepare('SELECT * FROM findings WHERE file = ?');
    const byTarget = db.prepare('SELECT * FROM findings WHERE related = ?');
    // A clash of ids is the business of both files: the one kept out has the finding, the one given may be the other.
    const clashes = db.prepare(`SELECT * FROM findings WHERE code = 'duplicate-id' AND kind = ? AND record_id = ?`);
    const keysIn = db.prepare('SELECT kind, id FROM records WHERE file = ?');
    const fileRow = db.prepare('SELECT kind, record_id FROM files WHERE path = ?');
    const seen = new Set<string>();
    rows = [];
    const take = (list: Row[]): void => {
      for (const r of list) {
        const k = JSON.stringify(r);
        if (!seen.has(k)) {
          seen.add(k);
          rows.push(r);
        }
      }
    };
    for (const p of filter.paths) {
      take(byFile.all(p) as Row[]);
      const keys = keysIn.all(p) as Array<{ kind: string; id: string }>;
      const declared = fileRow.get(p) as { kind: string; record_id: string } | undefined;
      if (declared) keys.push({ kind: declared.kind, id: declared.record_id });
      else keys.push(...declaredByPath(p));
      for (const k of keys) {
        take(byTarget.all(`${k.kind}:${k.id}`) as Row[]);
        take(clashes.all(k.kind, k.id) as Row[]);
      }
    }
  } else {
    rows = db.prepare('SELECT * FROM findings').all() as Row[];
  }
  return rows.map(toFinding).sort(compareFindings);
}

/** A deleted file no longer has rows; its path still says which record it held. */
function declaredByPath(path: string): Array<{ kind: string; id: string }> {
  const k = kindOfPath(path);
  return k ? [{ kind: k.kind, id: idFromPath(path) }] : [];
}

function toFinding(r: Row): Finding {
  const f: Finding = { file: r.file, line: r.line, col: r.col, severity: r.severity, code: r.code, message: r.message };
  if (r.hint) f.hint = r.hint;
  if (r.kind) f.kind = r.kind;
  if (r.record_id) f.id = r.record_id;
  return f;
}

/** Where the cache lives, and opening it: a cache that is missing, corrupt or of another schema version is reported as unusable, never trusted. I/O. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from './cacheSchema.js';
import { SCHEMA_DIR } from '../records/schemaFiles.js';

let generator: string | null = null;

/**
 * Identifies the code and schemas that built a cache: fleethub's version plus
 * a hash of the record schemas, of the validators compiled from them and of
 * the records layer (the parser and its rules). A cache built by anything
 * else is rebuilt.
 */
export function generatorId(): string {
  if (generator === null) {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    const h = createHash('sha1');
    for (const f of readdirSync(SCHEMA_DIR).sort()) h.update(f).update(readFileSync(join(SCHEMA_DIR, f)));
    // The validators that actually ran: a build whose compiled schemas lag the schema files builds a different cache.
    h.update(readFileSync(new URL('../records/compiledSchemas.cjs', import.meta.url)));
    // The parser that actually ran (the records layer's code): a fleethub updated in place, at the same version, with a rule more, reads every file again.
    const records = fileURLToPath(new URL('../records/', import.meta.url));
    for (const f of readdirSync(records).filter((f) => f.endsWith('.js')).sort()) h.update(f).update(readFileSync(join(records, f)));
    generator = `fleethub ${pkg.version} schemas ${h.digest('hex').slice(0, 12)}`;
  }
  return generator;
}

export { STATE_DIR } from '../repo/ensureStateDir.js';
import { STATE_DIR } from '../repo/ensureStateDir.js';
import { processAlive } from '../repo/processAlive.js';

export function cachePath(root: string): string {
  return join(root, STATE_DIR, 'cache.sqlite');
}

/** `.fleethub/`, mode 0700, with a .gitignore: one function for every writer (src/repo/ensureStateDir.ts). */
export { ensureStateDir } from '../repo/ensureStateDir.js';

export function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
}

/** The open cache, or null when it must be rebuilt (missing, corrupt, older or newer schema). */
export function openCacheFile(path: string, options: { readonly?: boolean } = {}): Database.Database | null {
  if (!existsSync(path)) return null;
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: options.readonly === true, fileMustExist: true });
    if (!options.readonly) configure(db);
    else db.pragma('busy_timeout = 5000');
    const version = db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).pluck().get();
    const complete = db.prepare(`SELECT value FROM meta WHERE key = 'complete'`).pluck().get();
    const builtBy = db.prepare(`SELECT value FROM meta WHERE key = 'generator'`).pluck().get();
    if (version !== String(SCHEMA_VERSION) || complete !== '1' || builtBy !== generatorId()) {
      db.close();
      return null;
    }
    return db;
  } catch {
    try {
      db?.close();
    } catch {
      /* already unusable */
    }
    return null;
  }
}

/** SQLite errors that mean the file itself is damaged, so a rebuild is the cure. */
export function isCorruption(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR');
}

/** Temporary builds left by a process that was killed (its pid is gone). */
export function removeAbandonedBuilds(dir: string): void {
  for (const f of readdirSync(dir)) {
    const m = /^cache\.sqlite\.(\d+)\.\d+\.tmp(?:\.shard\d+)?(?:-journal|-wal|-shm)?$/.exec(f);
    if (m && !processAlive(Number(m[1]))) rmSync(join(dir, f), { force: true });
  }
}

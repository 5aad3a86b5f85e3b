import Database from 'better-sqlite3';
import { writeFileSync, rmSync } from 'node:fs';
const src = '/tmp/fleethub-bench-diff-7DwkYQ/.fleethub/cache.sqlite';
for (let i = 0; i < 2; i++) {
let t = performance.now();
let db = new Database(src, { readonly: true });
rmSync('/tmp/c1.sqlite', { force: true });
db.prepare('VACUUM INTO ?').run('/tmp/c1.sqlite'); db.close();
console.log('vacuum', (performance.now() - t).toFixed(0));
t = performance.now();
db = new Database(src, { readonly: true });
const buf = db.serialize(); db.close(); writeFileSync('/tmp/c2.sqlite', buf);
console.log('serialize', (performance.now() - t).toFixed(0), buf.length);
t = performance.now();
db = new Database(src, { readonly: true });
await db.backup('/tmp/c3.sqlite'); db.close();
console.log('backup', (performance.now() - t).toFixed(0));
}
const c = new Database('/tmp/c2.sqlite'); console.log(c.pragma('journal_mode', {simple:true}), c.prepare('select count(*) from files').pluck().get(), c.pragma('integrity_check', {simple:true})); 
let t = performance.now(); c.exec('DELETE FROM memo'); console.log('delete memo', (performance.now() - t).toFixed(0)); c.close();

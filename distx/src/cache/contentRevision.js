import { FleethubError } from '../errors.js';
export function contentRevision(db) {
    const row = db.prepare(`SELECT (SELECT value FROM meta WHERE key = 'build') AS build, (SELECT value FROM meta WHERE key = 'revision') AS revision`).get();
    if (row.build === null || row.revision === null)
        throw new FleethubError('cache-corrupt', "the cache has no content revision (meta's build and revision); run 'fleethub rebuild' to rebuild the cache from the files", { table: 'meta' });
    return `${row.build}:${row.revision}`;
}
//# sourceMappingURL=contentRevision.js.map
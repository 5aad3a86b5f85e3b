import { CacheDataError } from '../errors.js';
export function readWorkloadRecords(db) {
    const rows = db.prepare(`SELECT id, title, file, data FROM records WHERE kind = 'workload' ORDER BY id`).all();
    return rows.map((r) => {
        let data;
        try {
            data = JSON.parse(r.data);
        }
        catch (e) {
            throw new CacheDataError('workloads', r.id, e.message);
        }
        if (data === null || typeof data !== 'object' || Array.isArray(data))
            throw new CacheDataError('workloads', r.id, 'not a JSON object');
        return { id: r.id, title: r.title, file: r.file, data: data };
    });
}
//# sourceMappingURL=readWorkloadRecords.js.map
export function taskFields(entries, task) {
    const at = `/tasks/${task.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const out = [];
    for (const e of entries) {
        const fields = e.fields.flatMap((f) => {
            if (f.path === at || f.path.startsWith(`${at}/`))
                return [f];
            if (f.path !== '/tasks')
                return [];
            const pick = (v) => (v !== null && typeof v === 'object' ? v[task] : undefined);
            const [old, nu] = [pick(f.old), pick(f.new)];
            return old === undefined && nu === undefined ? [] : [{ path: at, ...(old === undefined ? {} : { old }), ...(nu === undefined ? {} : { new: nu }) }];
        });
        if (fields.length > 0 || e.change === 'renamed')
            out.push({ ...e, fields });
    }
    return out;
}
//# sourceMappingURL=taskFields.js.map
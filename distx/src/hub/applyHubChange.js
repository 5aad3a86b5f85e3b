/**
 * A client's side of a hub change (src/hub/hubState.ts): the sections it
 * holds, at the change's previous revision, made into the sections at the
 * change's revision — whole sections replaced (null: removed), list sections
 * patched by item id (the changed items replaced or added; `order`, when
 * given, the ids in their new order, those not in it gone). Pure; the
 * sections given are not modified.
 */
import { HubChangeMismatchError } from '../errors.js';
export function applyHubChange(sections, change) {
    const out = { ...sections };
    for (const [name, value] of Object.entries(change.sections)) {
        if (value === null)
            delete out[name];
        else
            out[name] = value;
    }
    for (const [name, patch] of Object.entries(change.items ?? {})) {
        const before = out[name];
        if (!Array.isArray(before))
            throw new HubChangeMismatchError(name, 'it patches items of a section the client does not hold as a list');
        const byId = new Map(before.map((item) => [item.id, item]));
        for (const item of patch.changed)
            byId.set(item.id, item);
        const ids = patch.order ?? before.map((item) => item.id);
        out[name] = ids.map((id) => {
            if (!byId.has(id))
                throw new HubChangeMismatchError(name, `it orders item ${id}, which neither the client nor the change holds`);
            return byId.get(id);
        });
    }
    return out;
}
//# sourceMappingURL=applyHubChange.js.map
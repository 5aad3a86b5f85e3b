import { readRepoText } from '../repo/readRepoText.js';
import { applyEvent } from './applyEvent.js';
import { fileView } from './fileView.js';
export function pendingView(root, events) {
    const view = fileView(readRepoText(root));
    for (const e of events)
        applyEvent(view, e);
    return view;
}
//# sourceMappingURL=pendingView.js.map
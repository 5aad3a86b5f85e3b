/**
 * The board's page: full HTML rendered on the server from a hub snapshot, readable without
 * JavaScript (CSP `default-src 'self'`: no inline script or style; the script and style sheet are
 * /assets/hub.js and /assets/hub.css). The query of the page's address (`?q=`, `?area=`,
 * `?<section>.page=`) picks the view, so filtering and paging are plain links and forms; the
 * script makes them, and the live updates from /api/events, replace sections in place.
 */
import { escapeHtml } from './escapeHtml.js';
import { formatTime } from './formatTime.js';
import { parseHubView } from './parseHubView.js';
import { renderSection } from './renderSection.js';
import { renderUpstreamStatus } from './renderUpstreamStatus.js';
import { SECTION_RENDERERS } from './sectionRenderers.js';
export function renderHubPage(snapshot, query = '') {
    const view = parseHubView(query);
    const names = Object.keys(snapshot.sections);
    const known = [...SECTION_RENDERERS.keys()].filter((n) => names.includes(n));
    const others = names.filter((n) => !SECTION_RENDERERS.has(n)).sort();
    const ordered = [...known, ...others];
    const nav = ordered.map((n) => `<li><a href="#${escapeHtml(n.replace(/[^A-Za-z0-9_-]/g, '_'))}">${escapeHtml(SECTION_RENDERERS.get(n)?.title ?? n)}</a></li>`).join('');
    const sections = ordered.map((n) => renderSection(n, snapshot.sections[n], view)).join('\n');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>fleethub board</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/hub.css">
<script src="/assets/hub.js" defer></script>
</head>
<body data-revision="${snapshot.revision}">
<a class="skip" href="#main">Skip to the board</a>
<header class="top">
<h1>fleethub</h1>
<p class="status-line"><span data-section="outbox" data-part="status">${renderUpstreamStatus(snapshot.sections.outbox)}</span> <span class="revision" id="evaluated" title="revision ${snapshot.revision}">evaluated ${formatTime(snapshot.generatedAt)}</span> <span id="live" role="status">static page: reload to update</span> <span id="updated" class="revision"></span></p>
<nav aria-label="sections"><ul>${nav}</ul></nav>
</header>
<main id="main">
${sections}
</main>
</body>
</html>
`;
}
//# sourceMappingURL=renderHubPage.js.map
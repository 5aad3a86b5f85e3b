/**
 * Debian's Chromium driven by playwright-core, for the board's browser tests. No browser at
 * /usr/bin/chromium (or $FLEETHUB_CHROMIUM): the tests skip and say why — except under CI=true,
 * where a missing browser fails them (.ci/run installs the `chromium` package). Each launch gets a
 * fresh user-data directory, removed on close, and nothing that talks to the network.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
/** The browser: $FLEETHUB_CHROMIUM, else Debian's. */
export function chromiumPath(env = process.env) {
    return env.FLEETHUB_CHROMIUM ?? '/usr/bin/chromium';
}
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
/** Why the browser tests cannot run here (null: they can). Throws under CI=true: CI must not skip them. */
export function browserSkipReason(env = process.env) {
    const path = chromiumPath(env);
    if (existsSync(path))
        return null;
    const why = `no Chromium at ${path}: install Debian's package (apt-get install -y --no-install-recommends chromium) or set FLEETHUB_CHROMIUM to a Chromium binary`;
    if (env.CI === 'true')
        throw new Error(`CI=true and the browser tests cannot run: ${why}`);
    return why;
}
/**
 * One Chromium for a test file; contexts are cheap, launches are not. playwright's launch() runs
 * it on a fresh temporary user-data directory of its own and removes it on close.
 */
export async function launchHubBrowser() {
    const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ARGS });
    return {
        context: (options = {}) => browser.newContext({
            javaScriptEnabled: options.javaScript ?? true,
            colorScheme: options.colorScheme ?? 'light',
            viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
        }),
        close: () => browser.close(),
    };
}
//# sourceMappingURL=hubBrowser.js.map
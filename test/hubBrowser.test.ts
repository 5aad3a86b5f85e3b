/**
 * The board in a real browser: Debian's Chromium driven by playwright-core (test/helpers/
 * hubBrowser.ts; skipped with the reason when there is no browser, failed under CI=true).
 * A 10,000-node snapshot renders counts first in fewer than 2,000 DOM elements, the filter finds
 * a node in place, the page is readable without JavaScript, and nothing breaks the CSP.
 * Screenshots go to $FLEETHUB_SHOTS when it is set.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkipReason, launchHubBrowser, type HubBrowser } from './helpers/hubBrowser.js';
import { startPageServer, type PageServer } from './helpers/pageServer.js';
import { syntheticHubSnapshot } from './helpers/syntheticHubSnapshot.js';

const skip = browserSkipReason();
const SHOTS = process.env.FLEETHUB_SHOTS ?? null;

/** Fails the test on any console error (a CSP refusal is one) or page error. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/api\/events/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

describe('the board with 10,000 nodes', { skip: skip ?? false }, () => {
  const snapshot = syntheticHubSnapshot(10_000);
  let server: PageServer;
  let browser: HubBrowser;
  before(async () => {
    server = await startPageServer(() => snapshot);
    browser = await launchHubBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('loads counts first, grouped by area, in fewer than 2,000 DOM elements, without a CSP refusal', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.classList.contains('js'));
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    assert.ok(elements < 2000, `${elements} DOM elements on load`);
    const degraded = snapshot.sections.nodes as Array<{ mode: string }>;
    const counts = await page.locator('#nodes ul.modes').first().innerText();
    assert.match(counts, new RegExp(`DEGRADED\\s+${degraded.filter((n) => n.mode === 'DEGRADED').length}`));
    assert.equal(await page.locator('#nodes table.areas tbody tr').count(), 7);
    await shot(page, 'large-fleet');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the filter box finds one node of 10,000 in place (no reload), and the area link pages its rows', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.classList.contains('js'));
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.fill('#node-filter', 'n04242');
    await page.waitForSelector('#nodes tr[data-node="n04242"]');
    assert.equal(await page.locator('#nodes tbody tr[data-node]').count(), 1);
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 42, 'the page was not reloaded');
    assert.match(page.url(), /q=n04242/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'node-filter', 'focus stays in the filter box');
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Show home' }).click();
    await page.waitForSelector('#nodes nav.pager');
    assert.equal(await page.locator('#nodes tbody tr[data-node]').count(), 100);
    assert.match(page.url(), /area=home/);
    await page.close();
  });

  test('is readable without JavaScript: the nodes by area, a workplan list, the findings', async () => {
    const noJs = await launchHubBrowser({ javaScript: false });
    try {
      const page = await noJs.context.newPage();
      await page.goto(`${server.url}?q=n00007`);
      assert.equal(await page.locator('#nodes tbody tr[data-node="n00007"]').count(), 1);
      assert.match(await page.locator('#workplans caption').innerText(), /500 workplans/);
      assert.match(await page.locator('#findings').innerText(), /registry\/workloads\/svc-0\.md:3:1/);
    } finally {
      await noJs.close();
    }
  });
});

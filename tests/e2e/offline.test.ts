// Offline: after one visit the whole game works with the network off — the
// service worker serves every file — and a scenario plays to the debrief.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { launchPersistent, previewUrl, recordContext, waitForStage } from './harness.ts';
import { realContent } from '../support/content.ts';

it('loads, goes offline, reloads, and plays a scenario to the debrief', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-city-offline-'));
  const context = await launchPersistent(dir);
  try {
    const log = await recordContext(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(previewUrl(), { waitUntil: 'load' });
    await page.waitForSelector('#app[data-screen="title"]', { timeout: 60_000 });
    // The service worker has installed its precache and controls the page.
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.state === 'activated';
    }, undefined, { timeout: 60_000 });
    await waitForStage(page);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await waitForStage(page);

    await context.setOffline(true);
    const mark = log.mark();
    const id = realContent().scenarios[realContent().scenarios.length - 1]!.id;
    await page.goto(previewUrl(`?scenario=${id}&seed=8`));
    await page.waitForSelector('#app[data-screen="briefing"]', { timeout: 60_000 });
    // The stage (Phaser chunk and the map) came from the cache too.
    await page.click('[data-action="menu-title"]');
    await page.click('[data-action="play"]');
    await page.waitForSelector('#app[data-screen="map"]');
    expect(await page.locator('#stage canvas').count()).toBe(1);
    expect(await page.locator('.notice').count()).toBe(0);
    await page.click(`[data-scenario="${id}"]`);
    await page.waitForSelector('#app[data-screen="briefing"]');
    for (let step = 0; step < 80; step++) {
      const name = await page.getAttribute('#app', 'data-screen');
      if (name === 'debrief') break;
      await page.click('#app button.primary:not([disabled])');
    }
    expect(await page.getAttribute('#app', 'data-screen')).toBe('debrief');
    expect(log.requestsSince(mark).length).toBeGreaterThan(0);
    log.assertClean();
    // The network really was off all along: a file the service worker does not
    // hold cannot be fetched. (Since Chromium 150, navigator.onLine reads true
    // on a page the service worker served, even with the network emulated off.)
    const probe = `/not-in-the-precache-${Date.now()}.txt`;
    expect(await page.evaluate((url) => fetch(url, { cache: 'no-store' }).then((r) => `HTTP ${r.status}`, (e: Error) => e.name), probe)).toBe('TypeError');
    expect(log.failedRequests).toEqual([expect.stringContaining(probe)]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

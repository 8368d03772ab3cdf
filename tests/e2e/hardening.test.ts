// Hardening: the built game runs under a strict Content-Security-Policy with
// no violation; hostile text in scenario files or in storage renders as inert
// text; unusable storage never stops the game.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame, waitForStage, previewUrl } from './harness.ts';
import { realContent, ROOT } from '../support/content.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const HOSTILE = '<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>';

async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

async function playToDebrief(page: Page) {
  for (let step = 0; step < 80; step++) {
    if ((await page.getAttribute('#app', 'data-screen')) === 'debrief') return;
    await page.click('#app button.primary:not([disabled])');
  }
  throw new Error('did not reach the debrief');
}

describe('Content-Security-Policy', () => {
  it('is in the built page, forbids eval and inline script, and the game plays under it with no violation', async () => {
    const html = readFileSync(`${ROOT}dist/index.html`, 'utf8');
    const csp = (/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '').replaceAll('&#39;', "'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script

    const session = await openGame(browser, '', { viewport: { width: 1366, height: 768 } });
    const { page } = session;
    // Let the first load finish (a reload mid-download would abort requests), then record from the start.
    await page.waitForFunction(() => performance.getEntriesByName('stage-ready').length > 0, undefined, { timeout: 60_000 });
    await recordViolations(page);
    await page.goto(previewUrl());
    await page.waitForSelector('#app[data-screen="title"]');
    await page.click('[data-action="play"]');
    await page.waitForSelector('#app[data-screen="map"]');
    await page.click(`[data-scenario="${realContent().scenarios[1]!.id}"]`);
    await playToDebrief(page);
    await page.click('[data-action="menu-settings"]');
    expect(await page.locator('#stage canvas').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    session.log.assertClean();
    await session.close();
  });
});

describe('hostile text renders as inert text', () => {
  it('in a scenario file: markup in a title is shown, never parsed or run', async () => {
    const s = realContent().scenarios[0]!;
    const session = await openGame(browser, '', { viewport: { width: 1366, height: 768 } });
    const { page, context } = session;
    // Rewrite the scenario's bundled text on its way to the page.
    await context.route(/\/assets\/.*\.js$/, async (route) => {
      try {
        const response = await route.fetch();
        let body = await response.text();
        if (body.includes(s.title.en)) body = body.split(s.title.en).join(HOSTILE);
        await route.fulfill({ response, body });
      } catch {
        // The context closed while a chunk was still on its way: nothing to rewrite.
      }
    });
    await page.goto(previewUrl(`?scenario=${s.id}&seed=1`));
    await page.waitForSelector('#app[data-screen="briefing"]');
    expect(await page.locator('#app h1').innerText()).toBe(HOSTILE);
    expect(await page.locator('#app img, #app script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await waitForStage(page);
    await context.unrouteAll({ behavior: 'wait' });
    await session.close();
  });

  it('in storage: a save naming a hostile scenario is set aside with the name shown as text', async () => {
    const session = await openGame(browser, '');
    const { page, log } = session;
    await page.waitForSelector('#app[data-screen="title"]');
    await waitForStage(page);
    await page.evaluate((hostile) => {
      localStorage.setItem(
        'safe-city.save',
        JSON.stringify({ version: 1, savedAt: '', scenarioId: hostile, seed: 1, fingerprint: '', events: [], shown: 0, snapshot: null }),
      );
    }, HOSTILE);
    await page.reload();
    await page.waitForSelector('#app[data-screen="title"]');
    expect((await page.locator('[role="alert"]').allInnerTexts()).join('\n')).toContain(HOSTILE);
    expect(await page.locator('#app img, #app script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    log.assertClean();
    await session.close();
  });
});

describe('storage that cannot be used', () => {
  it('the game starts, says that progress will not be kept, and plays', async () => {
    const session = await openGame(browser, '');
    const { page } = session;
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.reload();
    await page.waitForSelector('#app[data-screen="title"]');
    expect((await page.locator('[role="alert"]').allInnerTexts()).join('\n')).toMatch(/will not be kept/);
    await page.click('[data-action="play"]');
    await page.click('[data-scenario]');
    await playToDebrief(page);
    await session.close();
  });
});

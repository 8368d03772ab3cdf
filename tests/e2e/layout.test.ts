// The layout a class and a phone need: from 360 px wide no screen scrolls
// sideways, and on a 1920×1080 projector in classroom mode every option of
// every decision is on screen at once, with its votes (and the safeguards'
// confirm button).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { playToDebrief } from '../../tools/browser-play.ts';
import { settingsScript } from '../../tools/screens.ts';
import { launchBrowser, openGame } from './harness.ts';
import { realContent } from '../support/content.ts';

const content = realContent();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What of the decision on screen lies outside the viewport (with the page scrolled to the top). */
async function offScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    window.scrollTo(0, 0);
    const h = window.innerHeight;
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('#app ul.options > li, #app [data-action="confirm"]')) {
      const r = el.getBoundingClientRect();
      if (r.bottom > h + 1 || r.right > window.innerWidth + 1) out.push(`${el.dataset['card'] ?? el.dataset['action']} (bottom ${Math.round(r.bottom)} of ${h})`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('#app ul.options > li .vote')) {
      if (el.getBoundingClientRect().bottom > h + 1) out.push('a vote counter');
    }
    return out;
  });
}

describe.each(content.scenarios.map((s) => s.id))('%s', (id) => {
  it('scrolls no screen sideways at 360×740, by touch', async () => {
    const session = await openGame(browser, `?scenario=${id}&seed=11`, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const measures = await playToDebrief(session.page);
    expect(measures.filter((m) => m.overflowX).map((m) => `${m.step}:${m.screen} ${m.widest}`)).toEqual([]);
    session.log.assertClean();
    await session.close();
  });

  it('shows every option of every decision at once on a 1920×1080 classroom display', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(settingsScript(true));
    const page = await context.newPage();
    const { previewUrl } = await import('./harness.ts');
    await page.goto(previewUrl(`?scenario=${id}&seed=11`));
    const problems: string[] = [];
    await playToDebrief(page, {
      onScreen: async (m) => {
        if (m.screen !== 'decision') return;
        await page.waitForTimeout(100);
        for (const p of await offScreen(page)) problems.push(`decision ${m.step}: ${p}`);
      },
    });
    expect(problems).toEqual([]);
    await context.close();
  });
});

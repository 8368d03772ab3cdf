// The page served by `npm start` runs every scenario from title to debrief
// with the keyboard alone, makes no request to another origin, logs no error,
// and answers bad URL parameters with a visible message.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame } from './harness.ts';
import { realContent, ROOT } from '../support/content.ts';

const ARTEFACTS = `${ROOT}test-results/screens`;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const screen = (page: Page) => page.getAttribute('#app', 'data-screen');

/** Tab to the next enabled button that is not a toggle, and press Enter on it. */
async function pressNextAction(page: Page) {
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const ok = await page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLButtonElement && !el.disabled && !el.hasAttribute('aria-pressed');
    });
    if (ok) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`no enabled action reachable by Tab on screen ${await screen(page)}`);
}

describe.each(realContent().scenarios.map((s) => ({ id: s.id, turns: s.turns, decisions: s.decisions.length })))(
  'scenario $id',
  ({ id, turns, decisions }) => {
    it('is playable by keyboard alone from title to debrief', async () => {
      const session = await openGame(browser, '');
      const { page, log } = session;
      await page.waitForSelector('[data-screen="title"]');
      await page.screenshot({ path: `${ARTEFACTS}/${id}-title.png` });
      // Choose the scenario from the title screen by keyboard.
      const title = await page.locator('#app ul.scenarios button').filter({ hasText: realContent().scenarios.find((s) => s.id === id)!.title.en }).first();
      await title.focus();
      await page.keyboard.press('Enter');
      const seen: string[] = [];
      for (let step = 0; step < 60; step++) {
        const name = (await screen(page))!;
        if (!seen.includes(name)) {
          seen.push(name);
          await page.screenshot({ path: `${ARTEFACTS}/${id}-${name}.png`, fullPage: true });
        }
        if (name === 'ending') break;
        // Focus has moved to the new screen's heading, not to the body.
        expect(await page.evaluate(() => document.activeElement?.tagName)).toMatch(/^H[12]$/);
        await pressNextAction(page);
      }
      expect(seen).toEqual(['briefing', 'decision', 'turn', 'ending']);
      const text = await page.locator('#app').innerText();
      expect(text).toContain('Why the measures moved');
      expect(text).toContain('What the government really chose');
      expect(decisions).toBeGreaterThan(0);
      expect(turns).toBeGreaterThan(0);
      log.assertClean();
      expect(log.foreignRequests).toEqual([]);
      await session.close();
    });
  },
);

describe('URL parameters', () => {
  it('start a scenario with a given seed, reproducibly', async () => {
    const id = realContent().scenarios[0]!.id;
    const texts: string[] = [];
    for (let i = 0; i < 2; i++) {
      const session = await openGame(browser, `?scenario=${id}&seed=42`);
      await session.page.waitForSelector('[data-screen="briefing"]');
      await pressNextAction(session.page); // begin
      while ((await screen(session.page)) === 'decision') await pressNextAction(session.page);
      texts.push(await session.page.locator('#app h2.headline, #app p').first().innerText());
      session.log.assertClean();
      await session.close();
    }
    expect(texts[0]).toBe(texts[1]);
  });

  it('answer unknown values with a visible message, not a crash', async () => {
    const session = await openGame(browser, '?scenario=no-such-place&seed=abc&lang=xx&colour=red');
    await session.page.waitForSelector('[data-screen="title"]');
    const alerts = await session.page.locator('[role="alert"]').allInnerTexts();
    expect(alerts.join('\n')).toMatch(/no-such-place/);
    expect(alerts.join('\n')).toMatch(/abc/);
    expect(alerts.join('\n')).toMatch(/xx/);
    expect(alerts.join('\n')).toMatch(/colour/);
    expect(await session.page.locator('#app ul.scenarios button').count()).toBe(realContent().scenarios.length);
    session.log.assertClean();
    await session.close();
  });

  it('switch the interface to Russian', async () => {
    const session = await openGame(browser, '?lang=ru');
    await session.page.waitForSelector('[data-screen="title"]');
    expect(await session.page.getAttribute('html', 'lang')).toBe('ru');
    expect(await session.page.locator('#app').innerText()).toContain('Выберите сценарий');
    await session.page.screenshot({ path: `${ARTEFACTS}/title-ru.png` });
    session.log.assertClean();
    await session.close();
  });
});

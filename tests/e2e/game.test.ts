// The browser game end to end: every scenario from the title to the debrief
// by keyboard alone; screenshots of each screen at 1366×768 and 1920×1080
// kept as artefacts; no console error; no request to another origin; URL
// parameters; save and resume, including a corrupted save.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { savedRecords } from './save-helpers.ts';
import { launchBrowser, openGame, waitForStage } from './harness.ts';
import { realContent, ROOT } from '../support/content.ts';

const ARTEFACTS = `${ROOT}test-results/screens`;
const content = realContent();
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const screen = (page: Page) => page.getAttribute('#app', 'data-screen');

async function waitForScreen(page: Page, name: string) {
  await page.waitForSelector(`#app[data-screen="${name}"]`, { timeout: 30_000 });
}

/**
 * Press Tab until an enabled primary action of the game text has focus, then
 * press Enter (or Space, alternately, to exercise both). Returns its label.
 */
async function pressNextAction(page: Page, key: 'Enter' | 'Space' = 'Enter'): Promise<string> {
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      if (!(el instanceof HTMLButtonElement) || el.disabled || !el.classList.contains('primary')) return null;
      if (!el.closest('#app')) return null;
      return el.textContent;
    });
    if (label !== null) {
      await page.keyboard.press(key);
      return label;
    }
  }
  throw new Error(`no enabled action reachable by Tab on screen ${await screen(page)}`);
}

/** Focus is on the new screen's heading, inside the game text, not lost behind the canvas. */
async function expectFocusOnHeading(page: Page) {
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, { timeout: 5000 });
  expect(await page.evaluate(() => !!document.activeElement?.closest('#app'))).toBe(true);
}

describe.each(content.scenarios.map((s) => ({ id: s.id, title: s.title.en, decisions: s.decisions.length })))('scenario $id', ({ id, title, decisions }) => {
  it('is playable by keyboard alone from the title through the map to the debrief', async () => {
    const session = await openGame(browser, '', { viewport: { width: 1366, height: 768 } });
    const { page, log } = session;
    await waitForScreen(page, 'title');
    await expectFocusOnHeading(page);
    const shots = new Set<string>();
    const shoot = async (name: string) => {
      if (shots.has(name)) return;
      shots.add(name);
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${ARTEFACTS}/${id}-${name}-1366.png` });
    };
    await shoot('title');
    expect(await pressNextAction(page)).toBe('Play');
    await waitForScreen(page, 'map');
    await expectFocusOnHeading(page);
    // Tab to this scenario's button on the map screen.
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('data-scenario'))) === id) break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(title);
    await shoot('map');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'briefing'); // the scenario's file loads first

    const order: string[] = [];
    let decisionsMade = 0;
    for (let step = 0; step < 80; step++) {
      const name = (await screen(page))!;
      if (order[order.length - 1] !== name) order.push(name);
      await expectFocusOnHeading(page);
      await shoot(name);
      if (name === 'debrief') break;
      if (name === 'decision') decisionsMade++;
      await pressNextAction(page, step % 2 ? 'Space' : 'Enter');
      await page.waitForFunction((prev) => document.querySelector('#app')?.getAttribute('data-screen') !== prev || prev === 'decision' || prev === 'turn', name);
    }
    expect(order.slice(0, 3)).toEqual(['briefing', 'decision', 'turn']);
    expect(order.slice(-2)).toEqual(['ending', 'debrief']);
    expect(decisionsMade).toBe(decisions);
    // The debrief leads with the outcome; its sections are tabs, one shown at a time.
    const text = await page.locator('#app').innerText();
    expect(text).toContain('What moved each measure most');
    expect(text).toContain('What really happened');
    expect(text).toContain('Your path and theirs');
    expect(text).not.toContain('They chose');
    await page.click('[data-action="tab-path"]');
    await page.waitForSelector('#tabpanel-path:not([hidden])');
    const path = await page.locator('#app').innerText();
    expect(path).toContain('They chose');
    expect(path).toContain('Where each path leads in this model');
    // The model made visible: every ending with its conditions, in the order checked, the one reached marked.
    const endings = content.scenarios.find((s) => s.id === id)!.endings;
    expect(await page.locator('#app .ending-rule').count()).toBe(endings.length);
    expect(await page.locator('#app .ending-rule.is-reached > strong').textContent()).toBe(await page.locator('#app h1').innerText());
    // … and the rules behind a measure name this scenario's own choices and events.
    await page.click('[data-action="rules-backlash"]');
    await page.waitForSelector('dialog[open] .panel-rules');
    expect(await page.locator('dialog[open]').innerText()).toMatch(/(Choices|Events and responses) in this scenario that move it/);
    await page.keyboard.press('Escape');
    log.assertClean();
    expect(log.foreignRequests).toEqual([]);
    await session.close();
  });
});

describe('screens at 1920×1080 (projector) and 1024×768 (tablet)', () => {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1024, height: 768 },
  ]) {
    it(`every screen fits ${viewport.width}×${viewport.height} without horizontal overflow`, async () => {
      const id = content.scenarios[0]!.id;
      const session = await openGame(browser, `?scenario=${id}&seed=5`, { viewport });
      const { page, log } = session;
      const seen = new Set<string>();
      await waitForScreen(page, 'briefing');
      for (let step = 0; step < 80; step++) {
        const name = (await screen(page))!;
        if (!seen.has(name)) {
          seen.add(name);
          await page.waitForTimeout(250);
          await page.screenshot({ path: `${ARTEFACTS}/${name}-${viewport.width}.png` });
          // Nothing wider than the window: no clipping and no sideways scrolling.
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
        }
        if (name === 'debrief') {
          // The debrief prints as a handout: no picture, no buttons, every source list open.
          expect(await page.locator('[data-action="print-debrief"]').isVisible()).toBe(true);
          await page.emulateMedia({ media: 'print' });
          expect(await page.locator('#stage').isVisible()).toBe(false);
          expect(await page.locator('#app button').first().isVisible()).toBe(false);
          expect(await page.locator('#app h2', { hasText: 'What really happened' }).isVisible()).toBe(true);
          expect(await page.locator('#app details.sources:not(.reference-list) ul').first().isVisible()).toBe(false);
          expect(await page.locator('#app details.reference-list ul').first().isVisible()).toBe(true);
          await page.screenshot({ path: `${ARTEFACTS}/debrief-print-${viewport.width}.png`, fullPage: true });
          await page.emulateMedia({ media: 'screen' });
          break;
        }
        await pressNextAction(page);
        await page.waitForTimeout(50);
      }
      expect([...seen]).toEqual(expect.arrayContaining(['briefing', 'decision', 'turn', 'ending', 'debrief']));
      await page.click('[data-action="menu-title"]');
      await waitForScreen(page, 'title');
      await page.screenshot({ path: `${ARTEFACTS}/title-${viewport.width}.png` });
      await page.click('[data-action="play"]');
      await waitForScreen(page, 'map');
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${ARTEFACTS}/map-${viewport.width}.png` });
      log.assertClean();
      await session.close();
    });
  }
});

describe('URL parameters', () => {
  it('start a scenario with a given seed, reproducibly', async () => {
    const id = content.scenarios[0]!.id;
    const texts: string[] = [];
    for (let i = 0; i < 2; i++) {
      const session = await openGame(browser, `?scenario=${id}&seed=42`);
      await waitForScreen(session.page, 'briefing');
      expect(await session.page.locator('#app').innerText()).toContain('seed 42');
      await pressNextAction(session.page);
      while ((await screen(session.page)) === 'decision') await pressNextAction(session.page);
      texts.push(await session.page.locator('#app').innerText());
      session.log.assertClean();
      await session.close();
    }
    expect(texts[0]).toBe(texts[1]);
  });

  it('answer unknown values with a visible message, not a crash', async () => {
    const session = await openGame(browser, '?scenario=no-such-place&seed=abc&lang=xx&colour=red');
    await waitForScreen(session.page, 'title');
    const alerts = (await session.page.locator('[role="alert"]').allInnerTexts()).join('\n');
    for (const bad of ['no-such-place', 'abc', 'xx', 'colour']) expect(alerts).toContain(bad);
    await session.page.click('[data-action="play"]');
    await waitForScreen(session.page, 'map');
    expect(await session.page.locator('[data-scenario]').count()).toBe(content.scenarios.length);
    session.log.assertClean();
    await session.close();
  });

  it('switch the interface and the content to Russian', async () => {
    const session = await openGame(browser, `?lang=ru&scenario=${content.scenarios[0]!.id}&seed=3`);
    await waitForScreen(session.page, 'briefing');
    expect(await session.page.getAttribute('html', 'lang')).toBe('ru');
    const text = await session.page.locator('#app').innerText();
    expect(text).toContain('Ваши советники');
    expect(text).toContain(content.scenarios[0]!.title.ru!);
    await session.page.screenshot({ path: `${ARTEFACTS}/briefing-ru.png` });
    session.log.assertClean();
    await session.close();
  });
});

describe('save and resume', () => {
  it('continues a game after a reload, from the same screen', async () => {
    const id = content.scenarios[0]!.id;
    const session = await openGame(browser, `?scenario=${id}&seed=11`);
    const { page, log } = session;
    await waitForScreen(page, 'briefing');
    await pressNextAction(page);
    await pressNextAction(page);
    await waitForScreen(page, 'decision');
    const heading = await page.locator('#app h1').innerText();
    await waitForStage(page);
    await page.goto(page.url().split('?')[0]!);
    await waitForScreen(page, 'title');
    await page.click('[data-action="continue"]');
    await waitForScreen(page, 'decision');
    expect(await page.locator('#app h1').innerText()).toBe(heading);
    log.assertClean();
    await session.close();
  });

  it('sets a corrupted save aside with a message, and loses nothing else', async () => {
    const session = await openGame(browser, '');
    const { page, log } = session;
    await waitForScreen(page, 'title');
    await waitForStage(page);
    await page.evaluate(() => {
      localStorage.setItem('safe-city.save', '{"version": 1, "truncated');
      localStorage.setItem('safe-city.settings', JSON.stringify({ version: 1, lang: 'ru', music: 0.2, effects: 0.3, muted: true, captions: false, reducedMotion: 'on', textScale: 1.5, classroom: false }));
    });
    await page.reload();
    await waitForScreen(page, 'title');
    const alerts = (await page.locator('[role="alert"]').allInnerTexts()).join('\n');
    expect(alerts).toMatch(/JSON/);
    // The settings survived and apply: Russian, larger text.
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--text-scale').trim())).toBe('1.5');
    // The copy is kept (in IndexedDB, where saves now live), with the reason.
    const kept = Object.entries(await savedRecords(page)).filter(([key]) => key.startsWith('kept:'));
    expect(kept.map(([, value]) => JSON.parse(value).text)).toEqual([expect.stringContaining('truncated')]);
    expect(await page.locator('[data-action="continue"]').count()).toBe(0);
    log.assertClean();
    await session.close();
  });
});

// Saves in Chromium: IndexedDB, storage that fills up during play (told at
// once, play goes on, the game offered as a file), a scenario link over a
// saved game (asked first, by keyboard; the old game kept as a copy), and an
// earlier version's localStorage save moved into IndexedDB and continued.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openGame, previewUrl, waitForStage } from './harness.ts';
import { installFullStorage, nextStep, savedRecords, setStorageFull, waitForScreen } from './save-helpers.ts';
import { realContent } from '../support/content.ts';

const content = realContent();
const FIRST = content.scenarios[0]!.id;
const SECOND = content.scenarios[1]!.id;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const movesIn = (text: string | undefined) => (text ? (JSON.parse(text) as { events: unknown[] }).events.length : -1);

describe('storage that fills up during play', () => {
  it('tells the player at once, play goes on, the game can be downloaded, and Continue in the page keeps every move', async () => {
    const session = await openGame(browser, '');
    const { page, log } = session;
    await waitForStage(page);
    await installFullStorage(page);
    await page.goto(previewUrl(`?scenario=${FIRST}&seed=11`));
    await waitForScreen(page, 'briefing');
    for (let i = 0; i < 4; i++) await nextStep(page);
    const stored = movesIn((await savedRecords(page))['current']);
    expect(stored).toBe(4);
    await setStorageFull(page, true);
    await nextStep(page);
    // At once, on the screen the player is on, not at the next boot.
    await page.waitForSelector('.save-problem[role="alert"]', { timeout: 10_000 });
    expect(await page.locator('.save-problem').innerText()).toMatch(/could not be saved in this browser \(QuotaExceededError/);
    expect((await page.locator('#live-assertive').innerText())).toMatch(/could not be saved/);
    for (let i = 0; i < 3; i++) await nextStep(page);
    // A response's outcome is a view of the last move, not a place to continue from.
    if ((await page.locator('#app').getAttribute('data-screen')) === 'outcome') await nextStep(page);
    const heading = await page.locator('#app h1').innerText();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="save-download"]')]);
    const file = readFileSync((await download.path())!, 'utf8');
    // Every move made, though none after the fourth could be stored (a click on
    // an outcome screen is not a move, so count from the file, not the clicks).
    const made = movesIn(file);
    expect(made).toBeGreaterThan(5);
    expect(movesIn((await savedRecords(page))['current'])).toBe(4);
    await page.click('[data-action="menu-title"]');
    await waitForScreen(page, 'title');
    await page.click('[data-action="continue"]');
    await page.waitForFunction((h) => document.querySelector('#app h1')?.textContent === h, heading, { timeout: 10_000 });
    // Space again: the next step is stored, and the message goes.
    await setStorageFull(page, false);
    await nextStep(page);
    await page.waitForSelector('.save-problem', { state: 'detached', timeout: 10_000 });
    expect(movesIn((await savedRecords(page))['current'])).toBeGreaterThanOrEqual(made);
    await waitForStage(page);
    log.assertClean();
    await session.close();
  });
});

describe('a scenario link while a game is saved', () => {
  it('asks first, by keyboard; starting keeps the saved game as a copy, listed in Settings with a download', async () => {
    const session = await openGame(browser, `?scenario=${FIRST}&seed=5`);
    const { page, log } = session;
    await waitForScreen(page, 'briefing');
    for (let i = 0; i < 3; i++) await nextStep(page);
    const saved = (await savedRecords(page))['current']!;
    expect(movesIn(saved)).toBe(3);
    await waitForStage(page);
    await page.goto(previewUrl(`?scenario=${SECOND}&seed=6`));
    await waitForScreen(page, 'replace');
    expect(await page.locator('#app h1').innerText()).toBe('Start a new game?');
    // Nothing was replaced by opening the link.
    expect((await savedRecords(page))['current']).toBe(saved);
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['action'] === 'replace-confirm')) break;
    }
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'briefing');
    expect(await page.locator('#app').innerText()).toMatch(/earlier saved game was kept as a copy/);
    const records = await savedRecords(page);
    const kept = Object.entries(records).filter(([k]) => k.startsWith('kept:'));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0]![1]).text).toBe(saved);
    await page.click('[data-action="menu-settings"]');
    await page.waitForSelector('dialog[open] .kept-saves');
    await page.click('dialog[open] .kept-saves summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-kept"]')]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(saved);
    await waitForStage(page);
    log.assertClean();
    await session.close();
  });
});

describe('an earlier version\'s save in localStorage', () => {
  it('moves into IndexedDB, continues at the same point, and leaves localStorage only once IndexedDB holds it', async () => {
    const session = await openGame(browser, `?scenario=${FIRST}&seed=8`);
    const { page, log } = session;
    await waitForScreen(page, 'briefing');
    for (let i = 0; i < 3; i++) await nextStep(page);
    // A response's outcome is a view of the last move, not a place to continue from.
    if ((await page.locator('#app').getAttribute('data-screen')) === 'outcome') await nextStep(page);
    const heading = await page.locator('#app h1').innerText();
    const saved = (await savedRecords(page))['current']!;
    await waitForStage(page);
    // As an earlier version kept it: in localStorage, without a game id, and nothing in IndexedDB.
    const legacy = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(saved)).filter(([k]) => k !== 'game')));
    await page.evaluate((text) => {
      localStorage.setItem('safe-city.save', text);
      return new Promise<void>((resolve) => {
        const r = indexedDB.deleteDatabase('safe-city');
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      });
    }, legacy);
    await page.goto(previewUrl());
    await waitForScreen(page, 'title');
    await page.click('[data-action="continue"]');
    await page.waitForFunction((h) => document.querySelector('#app h1')?.textContent === h, heading, { timeout: 20_000 });
    expect(await page.evaluate(() => localStorage.getItem('safe-city.save'))).toBeNull();
    await nextStep(page);
    expect(movesIn((await savedRecords(page))['current'])).toBe(4);
    await waitForStage(page);
    log.assertClean();
    await session.close();
  });
});

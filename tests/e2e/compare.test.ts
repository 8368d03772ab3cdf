// The facilitator's compare screen in Chromium with four teams (played in
// Node, handed in as result codes): on a projector (1920×1080, normal and
// classroom type, and at 150% zoom) every team's bars keep their size; the
// session clock counts down in the page; the print view carries the date,
// the session code and the panels; a team's handout prints on one page and
// passes axe-core.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, openGame, waitForStage } from './harness.ts';
import { fourTeams } from '../support/workshop-teams.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const codes = fourTeams()
  .results.map((r) => `${r.team}: ${r.code}`)
  .join('\n');

async function compareFour(options: BrowserContextOptions, classroom = false) {
  const session = await openGame(browser, '', options);
  const { page } = session;
  await page.waitForSelector('#app[data-screen="title"]');
  await waitForStage(page);
  if (classroom) {
    await page.click('[data-action="menu-settings"]');
    await page.check('dialog input[type="checkbox"] >> nth=2');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.documentElement.classList.contains('classroom'))).toBe(true);
  }
  await page.click('[data-action="workshop"]');
  await page.click('[data-action="compare"]');
  await page.fill('#app textarea', codes);
  await page.click('[data-action="import"]');
  await page.waitForSelector('#app [data-team="Real path"]');
  return session;
}

const barWidths = (page: Page) => page.$$eval('#app .team-card .chart-track', (els) => els.map((e) => e.getBoundingClientRect().width));

async function expectAccessible(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

describe('the compare screen on a projector', () => {
  for (const [label, options, classroom] of [
    ['1920×1080', { viewport: { width: 1920, height: 1080 } }, false],
    ['1920×1080, classroom type', { viewport: { width: 1920, height: 1080 } }, true],
    ['1920×1080 at 150% zoom', { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5 }, false],
  ] as const) {
    it(`shows every team's bars at full size at ${label}`, async () => {
      const { page, log, close } = await compareFour(options, classroom);
      const widths = await barWidths(page);
      // Five cards (four teams and the real path), three bars each, every one a usable length (they were 2 px).
      expect(widths).toHaveLength(15);
      for (const w of widths) expect(w).toBeGreaterThan(250);
      log.assertClean();
      await close();
    });
  }
});

describe('the facilitator', () => {
  it('runs the session clock, prints the comparison with date and code, and prints a one-page handout per team', async () => {
    const { page, log, close } = await compareFour({ viewport: { width: 1366, height: 768 } });
    expect(await page.locator('#app .handed-in h2').innerText()).toBe('Handed in (4)');
    await page.selectOption('#w-minutes', '5');
    await page.click('[data-action="clock-start"]');
    const clock = page.locator('#app .clock-time');
    await expect.poll(() => clock.innerText(), { timeout: 5000 }).toMatch(/^4:5\d left$/);
    await page.click('[data-action="clock-pause"]');
    expect(await page.locator('#app .clock-phase').innerText()).toBe('Teams play · Paused');
    await expectAccessible(page, 'compare with four teams');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#app .print-header').innerText()).toMatch(/^Printed .+ · session [0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await page.locator('#app .facilitator-bar').isVisible()).toBe(false);
    expect(await page.locator('#app section.difference').isVisible()).toBe(true);
    expect(await page.locator('#app ol.discussion').isVisible()).toBe(true);
    // Folded on screen (the supporting measures, each team's path and causes), printed in full.
    expect(await page.locator('#app details[data-key="compare.supporting"]').getAttribute('open')).toBeNull();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('#app section.difference [data-metric="sovereignty"]').isVisible()).toBe(true);
    expect(await page.locator('#app .team-card table').first().isVisible()).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    // Back to no emulation: page.pdf() then prints with print media, as a browser does (an emulated 'screen' would stay).
    await page.emulateMedia({ media: null });

    await page.click('[data-action="handout-1"]');
    await page.waitForSelector('#app .handout');
    expect(await page.locator('#app h1').innerText()).toBe('Handout: Cheapest loan');
    await expectAccessible(page, 'handout');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.click('[data-action="handout-back"]');
    await page.waitForSelector('#app .difference');
    log.assertClean();
    await close();
  });
});

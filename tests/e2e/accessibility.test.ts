// Accessibility: axe-core finds no WCAG 2.0/2.1/2.2 A and AA violation on any
// screen or panel, in English and Russian, at 100% and 200% text; and the live
// regions announce each turn's headline and changes, and the ending.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame } from './harness.ts';
import { realContent, ROOT } from '../support/content.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const content = realContent();
let browser: Browser;
const results: Record<string, number> = {};

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  console.log(`[axe] violations per screen: ${JSON.stringify(results)}`);
});

async function audit(page: Page, label: string) {
  await page.waitForTimeout(300); // let meter transitions settle
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  results[label] = violations.length;
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, label).toEqual([]);
}

const screen = (page: Page) => page.getAttribute('#app', 'data-screen');

async function playAuditing(page: Page, prefix: string) {
  const seen = new Set<string>();
  for (let step = 0; step < 80; step++) {
    const name = (await screen(page))!;
    const kind = name === 'decision' ? `decision-${await page.locator('#app ul.options').getAttribute('class')}` : name;
    if (!seen.has(kind)) {
      seen.add(kind);
      await audit(page, `${prefix}${kind.replace('options options-', '')}`);
    }
    if (name === 'debrief') return seen;
    await page.click('#app button.primary:not([disabled])');
  }
  throw new Error('did not reach the debrief');
}

describe('axe-core', () => {
  it('finds no violation on the title, the map, the panels, and every screen of a game', async () => {
    const session = await openGame(browser, '', { viewport: { width: 1366, height: 768 } });
    const { page } = session;
    await page.waitForSelector('#app[data-screen="title"]');
    await audit(page, 'title');
    for (const panel of ['settings', 'glossary', 'casebook', 'endings']) {
      await page.click(`[data-action="menu-${panel}"]`);
      await page.waitForSelector(`dialog[open][data-panel="${panel}"]`);
      await audit(page, `panel-${panel}`);
      await page.keyboard.press('Escape');
    }
    await page.click('[data-action="guide"]');
    await page.waitForSelector('#app[data-screen="guide"] article.guide table');
    expect(await page.locator('#app article.guide h3').count()).toBeGreaterThanOrEqual(8); // the guide's ten sections
    expect(await page.locator('#app nav.toc a').count()).toBeGreaterThanOrEqual(10);
    await audit(page, 'guide');
    await page.click('[data-action="back"]');
    await page.waitForSelector('#app[data-screen="title"]');
    await page.click('[data-action="sources"]');
    await page.waitForSelector('#app[data-screen="sources"] ol.documents');
    await audit(page, 'sources');
    await page.click('[data-action="back"]');
    await page.waitForSelector('#app[data-screen="title"]');
    await page.click('[data-action="workshop"]');
    await page.waitForSelector('#app[data-screen="workshop"]');
    await audit(page, 'workshop');
    await page.click('[data-action="setup"]');
    await page.click('[data-action="make-code"]');
    await audit(page, 'workshop-setup');
    await page.click('[data-action="menu-title"]');
    await page.click('[data-action="play"]');
    await page.waitForSelector('#app[data-screen="map"]');
    await audit(page, 'map');
    await page.click(`[data-scenario="${content.scenarios[0]!.id}"]`);
    await page.waitForSelector('#app[data-screen="briefing"]');
    const seen = await playAuditing(page, '');
    expect([...seen]).toEqual(expect.arrayContaining(['briefing', 'turn', 'outcome', 'ending', 'debrief']));
    // Every section of the debrief, one tab at a time.
    for (const tab of ['path', 'record', 'sources']) {
      await page.click(`[data-action="tab-${tab}"]`);
      await audit(page, `debrief-${tab}`);
    }
    // Everything folded on the debrief (sources, the rules that decided the ending), unfolded.
    await page.evaluate(() => document.querySelectorAll('#app details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await audit(page, 'debrief-unfolded');
    await page.locator('#app [data-action^="rules-"]').first().click();
    await page.waitForSelector('dialog[open][data-panel="rules"]');
    await audit(page, 'panel-rules');
    session.log.assertClean();
    await session.close();
  });

  it('finds no violation in Russian, at 200% text, in classroom mode', async () => {
    const session = await openGame(browser, `?lang=ru&scenario=${content.scenarios[3]!.id}&seed=2`, { viewport: { width: 1366, height: 768 } });
    const { page } = session;
    await page.waitForSelector('#app[data-screen="briefing"]');
    await page.click('[data-action="menu-settings"]');
    await page.selectOption('dialog select >> nth=2', '2');
    await page.check('dialog input[type="checkbox"] >> nth=2'); // classroom display
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.documentElement.classList.contains('classroom'))).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--text-scale').trim())).toBe('2');
    await page.screenshot({ path: `${ROOT}test-results/screens/briefing-ru-200.png` });
    await playAuditing(page, 'ru-200-');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.screenshot({ path: `${ROOT}test-results/screens/debrief-ru-200.png` });
    // The teacher's guide comes in Russian too, marked as Russian, with no fallback note.
    await page.click('[data-action="menu-title"]');
    await page.click('[data-action="guide"]');
    await page.waitForSelector('#app[data-screen="guide"] article.guide table');
    expect(await page.locator('#app article.guide .markdown').getAttribute('lang')).toBe('ru');
    expect(await page.locator('#app article.guide h2').first().innerText()).toMatch(/[а-яё]/i);
    expect(await page.locator('#app[data-screen="guide"] > p.meta').count()).toBe(0);
    await audit(page, 'ru-200-guide');
    session.log.assertClean();
    await session.close();
  });
});

describe('axe-core on a phone', () => {
  it('finds no violation on any screen of a game at 390×844, by touch', async () => {
    const session = await openGame(browser, `?scenario=${content.scenarios[1]!.id}&seed=3`, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const { page } = session;
    await page.waitForSelector('#app[data-screen="briefing"]');
    const seen = await playAuditing(page, 'phone-');
    expect([...seen]).toEqual(expect.arrayContaining(['briefing', 'turn', 'outcome', 'ending', 'debrief']));
    session.log.assertClean();
    await session.close();
  });
});

describe('live regions', () => {
  it('announce each headline and change as it happens, and the ending assertively', async () => {
    const s = content.scenarios[0]!;
    const session = await openGame(browser, `?scenario=${s.id}&seed=4`);
    const { page } = session;
    await page.waitForSelector('#app[data-screen="briefing"]');
    const polite = () => page.locator('#live-polite').innerText();
    let turns = 0;
    for (let step = 0; step < 80; step++) {
      const name = await screen(page);
      if (name === 'ending') break;
      const before = await polite();
      await page.click('#app button.primary:not([disabled])');
      if ((await screen(page)) === 'turn') {
        turns++;
        const said = (await polite()).slice(before.length > 0 ? 0 : 0);
        const headline = await page.locator('#app .headline').count() ? await page.locator('#app .headline').innerText() : null;
        if (headline) expect(said).toContain(headline);
        // Every change listed on the screen was announced with its measure and direction.
        const changes = await page.locator('#app .turn-changes .changes:not(.summary) > li > strong').allTextContents();
        expect(changes.length).toBeGreaterThan(0);
        for (const c of changes.slice(0, 8)) {
          const metric = c.split(/ [▲▼] /)[0]!;
          expect(said).toContain(metric);
        }
      }
    }
    expect(turns).toBeGreaterThan(0);
    const ending = await page.locator('#app h1').innerText();
    expect(await page.locator('#live-assertive').innerText()).toContain(ending);
    session.log.assertClean();
    await session.close();
  });
});

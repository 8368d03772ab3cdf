// Workshop and classroom, end to end: the facilitator makes a session code;
// two teams join with it, answer the knowledge check before and after, play
// and hand back result codes (one as a file); the facilitator's comparison
// screen replays them; the CSV export holds both teams; the class-vote tally,
// pause and the endings gallery work.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame, previewUrl, waitForStage } from './harness.ts';
import { realContent, ROOT } from '../support/content.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const screen = (page: Page) => page.getAttribute('#app', 'data-screen');

/** axe-core on the workshop screens too (the other screens: accessibility.test.ts). */
async function expectAccessible(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

async function answerCheck(page: Page, pick: 'first' | 'last') {
  const groups = await page.locator('#app fieldset').count();
  expect(groups).toBeGreaterThanOrEqual(5);
  for (let i = 0; i < groups; i++) await page.locator('#app fieldset').nth(i).locator('input[type="radio"]').nth(pick === 'first' ? 0 : -1).check();
  await page.click('[data-action="check-submit"]');
}

async function playTeam(page: Page, code: string, team: string, responseIndex: number): Promise<string> {
  await waitForStage(page);
  await page.goto(previewUrl(`?join=${code}`));
  await page.waitForSelector('#app[data-screen="join"]');
  if (team === 'Team Blue') await expectAccessible(page, 'join');
  expect(await page.inputValue('#app input[type="text"] >> nth=0')).toBe(code);
  await page.fill('#app input[type="text"] >> nth=1', team);
  await page.click('[data-action="join-start"]');
  await page.waitForSelector('#app[data-screen="check"]');
  if (team === 'Team Blue') await expectAccessible(page, 'check');
  await answerCheck(page, 'first');
  await page.waitForSelector('#app[data-screen="briefing"]');
  for (let step = 0; step < 80; step++) {
    const name = await screen(page);
    if (name === 'ending') break;
    const buttons = page.locator('#app button.primary:not([disabled])');
    const n = await buttons.count();
    await buttons.nth(name === 'turn' ? Math.min(responseIndex, n - 1) : 0).click();
  }
  await page.click('[data-action="debrief"]');
  await page.waitForSelector('#app[data-screen="check"]');
  await answerCheck(page, 'last');
  await page.waitForSelector('#app[data-screen="debrief"]');
  const result = (await page.getAttribute('[data-result-code]', 'data-result-code'))!;
  expect(result).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
  expect(await page.locator('#app .team-result').innerText()).toContain(`Team: ${team} · session ${code}`);
  return result;
}

describe('a workshop session', () => {
  it('goes from a session code to two teams compared side by side, with knowledge gains and a CSV', async () => {
    const session = await openGame(browser, '', { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const { page, log, context } = session;
    await page.waitForSelector('#app[data-screen="title"]');
    await page.click('[data-action="workshop"]');
    await page.click('[data-action="setup"]');
    await page.waitForSelector('#app[data-screen="setup"]');
    await page.fill('#app input[type="number"]', '777');
    await page.click('[data-action="make-code"]');
    const code = (await page.getAttribute('[data-session-code]', 'data-session-code'))!;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await page.locator('#app .join-link a').getAttribute('href')).toContain(`?join=${code}`);
    await waitForStage(page);

    // A mistyped code is caught by its check character.
    await page.goto(previewUrl(`?join=${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`));
    await page.waitForSelector('#app[data-screen="join"]');
    await page.fill('#app input[type="text"] >> nth=1', 'Typo team');
    await page.click('[data-action="join-start"]');
    expect(await page.locator('#app [role="alert"]').innerText()).toMatch(/check character/);
    await waitForStage(page);

    const codeA = await playTeam(page, code, 'Team Blue', 0);
    // Team Blue also saves its result file, with its answers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-result"]')]);
    const file = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(file)).toMatchObject({ format: 'safe-city-result', version: 1, team: 'Team Blue', code: codeA });
    expect(JSON.parse(file).knowledge.before).toBeTruthy();
    const codeB = await playTeam(page, code, 'Team Red', 1);

    // The facilitator compares: one team by file, the other by a pasted code, plus a broken code.
    await waitForStage(page);
    await page.goto(previewUrl());
    await page.waitForSelector('#app[data-screen="title"]');
    await page.click('[data-action="workshop"]');
    await page.click('[data-action="compare"]');
    await page.waitForSelector('#app[data-screen="compare"]');
    await page.fill('#app textarea', `Team Red: ${codeB}\nBroken: ${codeB.slice(0, -2)}ZZ`);
    await page.setInputFiles('#app input[type="file"]', { name: 'blue.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.click('[data-action="import"]');
    await page.waitForSelector('#app [data-team="Team Red"]');
    expect(await page.locator('#app [data-team]').count()).toBe(2);
    expect(await page.locator('#app [role="alert"]').innerText()).toMatch(/Broken/);
    expect(await page.locator('#app .knowledge-gain tbody tr').count()).toBeGreaterThanOrEqual(5);
    // One row per team in the side-by-side table, in the order they were added (codes first, then files).
    expect(await page.locator('#app table.side-by-side tbody th').allInnerTexts()).toEqual(['Team Red', 'Team Blue']);
    // The group's line: only Team Blue shared answers (first choice before, last choice after).
    const [scenario] = [...realContent().scenarios].sort((a, b) => a.id.localeCompare(b.id));
    const questions = scenario!.knowledgeCheck;
    const shareRight = (pick: 0 | -1) => questions.filter((q) => q.choices.at(pick)!.id === q.answer).length / questions.length;
    const percent = (x: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(x);
    const before = shareRight(0);
    const after = shareRight(-1);
    expect(await page.locator('#app .knowledge-gain tfoot td').allInnerTexts()).toEqual([
      percent(before),
      percent(after),
      `${after - before >= 0 ? '+' : '−'}${percent(Math.abs(after - before))}`,
    ]);
    await page.screenshot({ path: `${ROOT}test-results/screens/compare-1366.png`, fullPage: true });
    await expectAccessible(page, 'compare');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="csv"]')]);
    const rows = readFileSync((await csv.path())!, 'utf8').trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows.join('\n')).toContain('"Team Red"');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${ROOT}test-results/screens/compare-print.png`, fullPage: true });
    expect(await page.locator('#app textarea').isVisible()).toBe(false);
    log.assertClean();
    expect(log.foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('classroom helpers', () => {
  it('tally a show of hands, pause the class, and remember the endings seen', async () => {
    const session = await openGame(browser, '?scenario=bishkek-command-centre&seed=12', { viewport: { width: 1920, height: 1080 } });
    const { page, log } = session;
    await page.waitForSelector('#app[data-screen="briefing"]');
    await page.click('[data-action="menu-settings"]');
    await page.check('dialog input[type="checkbox"] >> nth=2');
    await page.keyboard.press('Escape');
    await page.click('[data-action="begin"]');
    await page.waitForSelector('#app[data-screen="decision"]');
    const tally = page.locator('#app .vote').first();
    await tally.locator('button').first().click();
    await tally.locator('button').first().click();
    expect(await tally.locator('.vote-count').innerText()).toMatch(/2/);
    await page.screenshot({ path: `${ROOT}test-results/screens/classroom-decision-1920.png` });
    await page.click('[data-action="menu-pause"]');
    await page.waitForSelector('dialog[open][data-panel="pause"]');
    await page.click('[data-action="resume"]');
    for (let step = 0; step < 80 && (await screen(page)) !== 'ending'; step++) await page.click('#app button.primary:not([disabled])');
    const ending = await page.locator('#app h1').innerText();
    await page.click('[data-action="menu-endings"]');
    await page.waitForSelector('dialog[open][data-panel="endings"]');
    expect(await page.locator('dialog').innerText()).toContain(ending);
    log.assertClean();
    await session.close();
  });
});

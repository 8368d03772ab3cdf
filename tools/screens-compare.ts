// npm run --silent screens:compare -- [--sizes laptop,phone,projector] [--out DIR] [--no-build]
// The facilitator's compare screen with the report's four teams (cameras on
// credit, seed 3, with knowledge-check answers), screenshotted one screen
// height at a time at each size, with the words visible and the height to
// scroll as JSON Lines. For looking at what a facilitator projects.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openAtSize, serveAndLaunch, SIZES, type SizeName } from './screens.ts';
import { fourTeams, team } from '../tests/support/workshop-teams.ts';

const ROOT = new URL('..', import.meta.url).pathname;

/** The four teams with answers: the first three learnt something, the real path's team nothing. */
function codes(): string {
  const { c, results } = fourTeams();
  const questions = c.scenario.knowledgeCheck;
  const answers = (right: number) => ({
    before: Object.fromEntries(questions.map((q) => [q.id, q.choices[0]!.id])),
    after: Object.fromEntries(questions.map((q, i) => [q.id, i < right ? q.answer : q.choices[0]!.id])),
  });
  const picks: [Record<string, string[]>, number][] = [
    [{ safeguards: ['publish-contract', 'data-localisation', 'local-key-custody'], 'patrol-buses': ['buses-fr-off'] }, 1],
    [{ financing: ['gas-backed-loan'], safeguards: [] }, 0],
    [{ vendor: ['domestic-integrator'], financing: ['partner-loan'], safeguards: ['enforce-data-law'] }, 2],
  ];
  const withAnswers = picks.map(([choices, pick], i) => team(c, results[i]!.team, 3, choices, pick, { players: i + 2, knowledge: answers(questions.length - i) }));
  const real = team(c, results[3]!.team, 3, {}, 'historical', { players: 1, knowledge: answers(0) });
  return [...withAnswers, real].map((r) => `${r.team}: ${r.code}`).join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: 'laptop,phone,projector' },
      out: { type: 'string', default: join(ROOT, 'test-results/screens') },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const { url, server, browser } = await serveAndLaunch(!values['no-build']);
  mkdirSync(values.out, { recursive: true });
  const pasted = codes();
  try {
    for (const name of values.sizes.split(',') as SizeName[]) {
      const size = SIZES[name];
      const { context, page } = await openAtSize(browser, name);
      await page.goto(url);
      await page.click('[data-action="workshop"]');
      await page.click('[data-action="compare"]');
      await page.fill('#app textarea', pasted);
      await page.click('[data-action="import"]');
      await page.waitForSelector('#app [data-team="Real path"]');
      await page.waitForTimeout(300);
      const { words, height, overflow } = await page.evaluate(() => ({
        words: (document.querySelector('#app') as HTMLElement).innerText.split(/\s+/).filter(Boolean).length,
        height: document.documentElement.scrollHeight,
        overflow: document.documentElement.scrollWidth > window.innerWidth,
      }));
      const screens = Math.ceil(height / size.viewport.height);
      for (let i = 0; i < screens; i++) {
        await page.evaluate((y) => window.scrollTo(0, y), i * size.viewport.height);
        await page.waitForTimeout(100);
        await page.screenshot({ path: join(values.out, `compare-${name}-${String(i + 1).padStart(2, '0')}.png`) });
      }
      console.log(JSON.stringify({ size: name, words, screenHeights: Math.round((height / size.viewport.height) * 10) / 10, overflow }));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

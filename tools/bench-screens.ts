// npm run bench (third part): what a player reads and scrolls, measured in
// Chromium, for every scenario at both lengths, with what is shown by default.
// Prints JSON Lines; reports and never fails on noise (the layout tests fail
// on overflow and on a decision that does not fit a projector).
//
//  - words visible by default per screen and per playthrough (text in folded
//    sections and hidden tabs is not rendered, so not counted), at 1366×768;
//  - scrolling per playthrough: the height beyond the first screenful of every
//    screen, in screen heights, at 1366×768 and at 390×844;
//  - whether any screen overflows sideways at 360 px;
//  - Lighthouse 12.2.3 (mobile): performance and accessibility of the title
//    (a page load), and accessibility of a decision screen (a snapshot).
// BENCH_SCENARIOS and BENCH_NO_LIGHTHOUSE narrow a run for a quick look.
// Each screen is measured at the three widths in one playthrough (the
// viewport is resized, then restored), so the sizes see the same game.
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { countWords, playToDebrief } from './browser-play.ts';
import { CHROMIUM_ARGS, settingsScript } from './screens.ts';
import { CONTENT_DIR, loadBundleOrExit } from './content-files.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'node_modules/.cache/safe-city-bench-screens');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SEED = 7;
const SIZES = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 }, small: { width: 360, height: 740 } } as const;

const emit = (line: Record<string, unknown>) => console.log(JSON.stringify(line));

interface Measured {
  screen: string;
  words: number;
  scroll: Record<keyof typeof SIZES, number>;
  overflow360: boolean;
}

async function measureScreen(page: Page): Promise<Measured> {
  const scroll = { laptop: 0, phone: 0, small: 0 };
  let words = 0;
  let overflow360 = false;
  let screen = '';
  for (const [name, size] of Object.entries(SIZES) as [keyof typeof SIZES, { width: number; height: number }][]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(60);
    const m = await page.evaluate(() => {
      const root = document.documentElement;
      const app = document.getElementById('app')!;
      return { screen: app.dataset['screen'] ?? '', text: app.innerText, scroll: Math.max(0, root.scrollHeight - root.clientHeight) / root.clientHeight, overflow: root.scrollWidth > root.clientWidth + 1 };
    });
    scroll[name] = Math.round(m.scroll * 100) / 100;
    if (name === 'laptop') {
      words = countWords(m.text);
      screen = m.screen;
    }
    if (name === 'small') overflow360 = m.overflow;
  }
  await page.setViewportSize(SIZES.laptop);
  return { screen, words, scroll, overflow360 };
}

/** Play with the first offered choice everywhere, measuring each screen at the three widths. */
async function playthrough(page: Page, length: 'full' | 'lesson'): Promise<Measured[]> {
  const out: Measured[] = [];
  await page.waitForSelector('#app[data-screen="briefing"]', { timeout: 60_000 });
  if (length === 'lesson') {
    await page.click('[data-action="length-lesson"]');
    await page.waitForSelector('[data-action="length-lesson"][aria-pressed="true"]');
  }
  await playToDebrief(page, { onScreen: async () => void out.push(await measureScreen(page)) });
  return out;
}

async function lighthouseScores(url: string, decisionUrl: string): Promise<Record<string, number | null>> {
  const { default: lighthouse, snapshot } = await import('lighthouse');
  const puppeteer = await import('puppeteer-core');
  const port = 9300 + Math.floor(Math.random() * 500);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`] });
  try {
    const nav = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const pBrowser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
    const page = await pBrowser.newPage();
    await page.goto(decisionUrl);
    await page.waitForSelector('#app[data-screen="briefing"]');
    await page.click('[data-action="begin"]');
    await page.waitForSelector('#app[data-screen="decision"]');
    const snap = await snapshot(page, { config: { extends: 'lighthouse:default', settings: { onlyCategories: ['accessibility'] } } });
    await pBrowser.disconnect();
    const score = (r: { lhr: { categories: Record<string, { score: number | null }> } } | undefined, c: string) => {
      const s = r?.lhr.categories[c]?.score;
      return s == null ? null : Math.round(s * 100);
    };
    return {
      title_performance: score(nav as never, 'performance'),
      title_accessibility: score(nav as never, 'accessibility'),
      decision_accessibility: score(snap as never, 'accessibility'),
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  const bundle = loadBundleOrExit(CONTENT_DIR);
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
  const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir: OUT }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
  const address = server.httpServer.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    // BENCH_SCENARIOS=a,b measures only those (for a quick look); the benchmark measures all.
    const only = process.env['BENCH_SCENARIOS']?.split(',');
    for (const s of bundle.scenarios.filter((x) => !only || only.includes(x.id))) {
      for (const length of s.lesson ? (['full', 'lesson'] as const) : (['full'] as const)) {
        const context = await browser.newContext({ viewport: SIZES.laptop });
        await context.addInitScript(settingsScript(false));
        const page = await context.newPage();
        await page.goto(`${url}?scenario=${s.id}&seed=${SEED}`);
        const screens = await playthrough(page, length);
        await context.close();
        const sum = (f: (m: Measured) => number) => Math.round(screens.reduce((a, m) => a + f(m), 0) * 10) / 10;
        emit({
          name: 'playthrough',
          scenario: s.id,
          length,
          seed: SEED,
          screens: screens.length,
          words: sum((m) => m.words),
          max_words_per_screen: Math.max(...screens.map((m) => m.words)),
          words_per_screen: screens.map((m) => `${m.screen}:${m.words}`),
          scroll_screens_1366: sum((m) => m.scroll.laptop),
          scroll_screens_390: sum((m) => m.scroll.phone),
          overflow_360: screens.filter((m) => m.overflow360).map((m) => m.screen),
          unit: 'words; scroll in screen heights beyond the first screenful',
        });
      }
    }
    if (!process.env['BENCH_NO_LIGHTHOUSE']) {
      const first = bundle.scenarios[0]!.id;
      emit({ name: 'lighthouse_mobile', version: '12.2.3', ...(await lighthouseScores(url, `${url}?scenario=${first}&seed=${SEED}`)) });
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();

// npm run --silent screens -- [--scenario ID] [--seed N] [--sizes laptop,phone,projector] [--pick K] [--out DIR]
// Builds the game, plays a scenario in Chromium at each size, saves a
// screenshot of every screen (DIR, default test-results/screens) and prints
// each screen's measure as JSON Lines: the words visible by default, the
// height to scroll, sideways overflow. For looking at what a player sees.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { build, preview } from 'vite';
import { playToDebrief, totals } from './browser-play.ts';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** The three sizes every screen is looked at in: a laptop, a phone by touch, a classroom projector. */
export const SIZES = {
  laptop: { viewport: { width: 1366, height: 768 }, classroom: false, touch: false },
  phone: { viewport: { width: 390, height: 844 }, classroom: false, touch: true },
  small: { viewport: { width: 360, height: 740 }, classroom: false, touch: true },
  projector: { viewport: { width: 1920, height: 1080 }, classroom: true, touch: false },
} as const;
export type SizeName = keyof typeof SIZES;

/** Settings as the game stores them, for a size that needs classroom mode (or a lesson length) from the start. */
export function settingsScript(classroom: boolean, extra: Record<string, unknown> = {}): string {
  const settings = { version: 1, lang: 'en', music: 0, effects: 0, muted: true, captions: false, reducedMotion: 'on', textScale: 1, classroom, tips: false, ...extra };
  return `localStorage.setItem('safe-city.settings', ${JSON.stringify(JSON.stringify(settings))});`;
}

const ROOT = new URL('..', import.meta.url).pathname;

/** A fresh page at one of the sizes, by touch where the size is a phone's, with classroom mode set where it is a projector's. */
export async function openAtSize(browser: Browser, name: SizeName) {
  const size = SIZES[name];
  const context = await browser.newContext({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });
  await context.addInitScript(settingsScript(size.classroom));
  return { context, page: await context.newPage() };
}

/** The built game served on a free local port (built first unless asked not to), and Debian's Chromium to look at it. */
export async function serveAndLaunch(buildFirst: boolean) {
  const outDir = join(ROOT, 'node_modules/.cache/safe-city-screens');
  if (buildFirst) await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
  const address = server.httpServer.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { url, server, browser };
}

async function main() {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'cameras-on-credit' },
      seed: { type: 'string', default: '7' },
      sizes: { type: 'string', default: 'laptop,phone,projector' },
      pick: { type: 'string', default: '0' },
      out: { type: 'string', default: join(ROOT, 'test-results/screens') },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const { url, server, browser } = await serveAndLaunch(!values['no-build']);
  mkdirSync(values.out, { recursive: true });
  try {
    for (const name of values.sizes.split(',') as SizeName[]) {
      const { context, page } = await openAtSize(browser, name);
      await page.goto(`${url}?scenario=${values.scenario}&seed=${values.seed}`);
      const measures = await playToDebrief(page, {
        pick: Number(values.pick),
        onScreen: async (m) => {
          await page.waitForTimeout(150);
          await page.screenshot({ path: join(values.out, `${values.scenario}-${String(m.step).padStart(2, '0')}-${m.screen}-${name}.png`), fullPage: false });
          console.log(JSON.stringify({ size: name, ...m }));
        },
      });
      console.log(JSON.stringify({ size: name, total: totals(measures) }));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

// Plays one scenario in a real browser page, by clicking the game's own
// buttons, and measures every screen as a player meets it: the words visible
// by default (text in closed <details>, hidden tabs and the like is not
// counted, since the browser does not render it), the page height to scroll,
// and whether anything overflows sideways. Used by the benchmark, the layout
// tests and the screenshot tool.
import type { Page } from 'playwright-core';

export interface ScreenMeasure {
  /** The screen's name (data-screen) and its place in the playthrough. */
  screen: string;
  step: number;
  words: number;
  /** Height of the page to scroll through, in CSS pixels (the viewport's height when nothing scrolls). */
  scrollHeight: number;
  viewportHeight: number;
  /** Wider than the viewport: a player would scroll sideways. */
  overflowX: boolean;
  widest: string | null;
}

export interface PlayOptions {
  /** Called on every new screen, after it is measured (for screenshots). */
  onScreen?: (measure: ScreenMeasure) => Promise<void>;
  /** Which of the offered choices to take: the same index every time makes a playthrough reproducible. */
  pick?: number;
  /** Stop after this many screens (a guard against a game that never ends). */
  maxScreens?: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,%$-]*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Measure the screen now on view. */
export async function measureScreen(page: Page, step: number): Promise<ScreenMeasure> {
  const m = await page.evaluate(() => {
    const app = document.getElementById('app')!;
    const root = document.documentElement;
    let widest: string | null = null;
    if (root.scrollWidth > root.clientWidth + 1) {
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        const r = el.getBoundingClientRect();
        if (r.right > root.clientWidth + 1 && r.width > 0) {
          widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} (${Math.round(r.right)}px)`;
          break;
        }
      }
    }
    return {
      screen: app.dataset['screen'] ?? '',
      text: app.innerText,
      scrollHeight: root.scrollHeight,
      viewportHeight: root.clientHeight,
      overflowX: root.scrollWidth > root.clientWidth + 1,
      widest,
    };
  });
  return { screen: m.screen, step, words: countWords(m.text), scrollHeight: m.scrollHeight, viewportHeight: m.viewportHeight, overflowX: m.overflowX, widest: m.widest };
}

async function screenName(page: Page): Promise<string> {
  return (await page.getAttribute('#app', 'data-screen')) ?? '';
}

/** Wait until the page shows something other than `previous` (by screen name and heading). */
async function waitForChange(page: Page, previous: string): Promise<void> {
  await page.waitForFunction(
    (prev) => {
      const app = document.getElementById('app');
      const now = `${app?.dataset['screen']}|${app?.querySelector('h1')?.textContent}|${app?.querySelector('.step')?.textContent}`;
      return now !== prev && app?.dataset['screen'] !== 'boot';
    },
    previous,
    { timeout: 30_000 },
  );
}

async function identity(page: Page): Promise<string> {
  return page.evaluate(() => {
    const app = document.getElementById('app');
    return `${app?.dataset['screen']}|${app?.querySelector('h1')?.textContent}|${app?.querySelector('.step')?.textContent}`;
  });
}

/** Click the nth enabled element matching the selector in the game text (wrapping round). */
async function clickNth(page: Page, selector: string, n: number): Promise<boolean> {
  // A locator, not an element handle: a late redraw (a save answered, a notice
  // shown) replaces the buttons, and a locator finds the new one again.
  const buttons = page.locator(`#app ${selector}:not([disabled])`);
  const count = await buttons.count();
  if (count === 0) return false;
  await buttons.nth(n % count).click();
  return true;
}

/**
 * From the briefing to the debrief (open the page on `?scenario=ID&seed=N`
 * first). Returns every screen's measure in order.
 */
export async function playToDebrief(page: Page, options: PlayOptions = {}): Promise<ScreenMeasure[]> {
  const pick = options.pick ?? 0;
  const out: ScreenMeasure[] = [];
  await page.waitForSelector('#app[data-screen="briefing"], #app[data-screen="check"]', { timeout: 60_000 });
  for (let step = 0; step < (options.maxScreens ?? 80); step++) {
    const name = await screenName(page);
    const measure = await measureScreen(page, step);
    out.push(measure);
    await options.onScreen?.(measure);
    if (name === 'debrief') return out;
    const before = await identity(page);
    if (name === 'check') await clickNth(page, '[data-action="check-skip"]', 0);
    else if (name === 'briefing') await clickNth(page, '[data-action="begin"]', 0);
    else if (name === 'decision') {
      const multi = (await page.$$('#app [data-action="confirm"]')).length > 0;
      if (multi) {
        // Take affordable options in order until one more would not fit, then confirm.
        // Each click redraws the screen, so options are found again by their id every time.
        const ids = await page.$$eval('#app button.toggle:not([disabled])', (bs) => bs.map((b) => b.getAttribute('data-option')!));
        const toggle = (id: string) => page.click(`#app button.toggle[data-option="${id}"]`);
        for (const id of ids.slice(pick % 2, (pick % 2) + 3)) {
          await toggle(id);
          if (await page.$('#app [data-action="confirm"]:not([disabled])')) continue;
          await toggle(id);
        }
        if (!(await clickNth(page, '[data-action="confirm"]', 0))) {
          // An invalid set: clear it and confirm none, as a player could.
          const on = await page.$$eval('#app button.toggle[aria-pressed="true"]', (bs) => bs.map((b) => b.getAttribute('data-option')!));
          for (const id of on) await toggle(id);
          await clickNth(page, '[data-action="confirm"]', 0);
        }
      } else await clickNth(page, '[data-option]', pick);
    } else if (name === 'outcome') await clickNth(page, '[data-action="continue"]', 0);
    else if (name === 'turn') {
      if (!(await clickNth(page, '[data-response]', pick))) await clickNth(page, '[data-action="continue"]', 0);
    } else if (name === 'ending') await clickNth(page, '[data-action="debrief"]', 0);
    else throw new Error(`playToDebrief: no way on from screen "${name}"`);
    await waitForChange(page, before);
  }
  throw new Error('playToDebrief: no debrief after the screen limit');
}

/** Sum of a playthrough: words read and the height scrolled, in screens. */
export function totals(measures: readonly ScreenMeasure[]): { screens: number; words: number; maxWords: number; scrollPx: number; scrollScreens: number; overflow: string[] } {
  return {
    screens: measures.length,
    words: measures.reduce((s, m) => s + m.words, 0),
    maxWords: Math.max(0, ...measures.map((m) => m.words)),
    scrollPx: measures.reduce((s, m) => s + m.scrollHeight, 0),
    scrollScreens: Math.round(measures.reduce((s, m) => s + m.scrollHeight / m.viewportHeight, 0) * 10) / 10,
    overflow: measures.filter((m) => m.overflowX).map((m) => `${m.step}:${m.screen} ${m.widest ?? ''}`),
  };
}

// A new release reaching players: two builds of the game (the second with a
// changed build label and changed scenario titles, as a real release with new
// content), served from one address. A game is played on the first; the
// second is deployed; opening the game again finds it; the running game is
// offered the update at its next screen (not mid-choice), reloads onto the new
// build and continues by replay, with a message. A tab still running the old
// build, whose files the new worker removed, reloads cleanly instead of
// failing to load them.
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchPersistent, recordContext } from './harness.ts';
import { nextStep, waitForScreen } from './save-helpers.ts';
import { realContent } from '../support/content.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
const MARK = ' [2]';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ogg': 'audio/ogg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

let work: string;
let served: string;
let server: Server;
let base: string;

async function buildInto(outDir: string, label: string, mark: string) {
  const env = { SAFE_CITY_BUILD: process.env['SAFE_CITY_BUILD'], SAFE_CITY_CONTENT_MARK: process.env['SAFE_CITY_CONTENT_MARK'] };
  process.env['SAFE_CITY_BUILD'] = label;
  process.env['SAFE_CITY_CONTENT_MARK'] = mark;
  try {
    await build({ root, configFile, logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

/** The build's own entry script, as its index.html names it. */
const entryOf = (dir: string) => /<script type="module"[^>]*src="\.\/(assets\/index-[^"]+\.js)"/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))![1]!;
const entryOnPage = (page: Page) => page.evaluate(() => new URL((document.querySelector('script[type="module"]') as HTMLScriptElement).src).pathname.replace(/^\//, ''));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'safe-city-update-'));
  await buildInto(join(work, 'a'), 'a', '');
  await buildInto(join(work, 'b'), 'b', MARK);
  served = join(work, 'a');
  // A static host whose files can be swapped, as a deployment does: missing files answer 404.
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '') || 'index.html';
    const file = join(served, path);
    if (!file.startsWith(served) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
}, 480_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (work) rmSync(work, { recursive: true, force: true });
});

it('a running game picks up a new build with a message, and its save continues by replay', async () => {
  const profile = join(work, 'profile');
  const context = await launchPersistent(profile);
  try {
    const log = await recordContext(context, new URL(base).origin);
    const id = realContent().scenarios[0]!.id;
    const a = context.pages()[0] ?? (await context.newPage());
    await a.goto(`${base}?scenario=${id}&seed=21`);
    await waitForScreen(a, 'briefing');
    await a.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await a.waitForFunction(() => performance.getEntriesByName('stage-ready').length > 0, undefined, { timeout: 60_000 });
    for (let i = 0; i < 3; i++) await nextStep(a);
    expect(await entryOnPage(a)).toBe(entryOf(join(work, 'a')));

    // Deploy the second build; a visit finds it (the browser checks the worker on navigation).
    served = join(work, 'b');
    const b = await context.newPage();
    await b.goto(base);
    await waitForScreen(b, 'title');
    // That tab is on the title: it is told as soon as the new worker has installed (Chromium may take a minute to check).
    await b.waitForSelector('[data-action="update-reload"]', { timeout: 180_000 });
    await b.waitForFunction(() => performance.getEntriesByName('stage-ready').length > 0, undefined, { timeout: 60_000 });

    // The running game is told at its next screen, not in the middle of a choice.
    await a.waitForTimeout(500);
    expect(await a.locator('[data-action="update-reload"]').count()).toBe(0);
    await nextStep(a);
    await a.waitForSelector('[data-action="update-reload"]', { timeout: 20_000 });
    expect(await a.locator('.update-prompt').innerText()).toMatch(/Your game is saved and continues after the reload/);
    const heading = await a.locator('#app h1').innerText();
    const screen = await a.getAttribute('#app', 'data-screen');

    await a.click('[data-action="update-reload"]');
    await a.waitForFunction((entry) => new URL((document.querySelector('script[type="module"]') as HTMLScriptElement).src).pathname.endsWith(entry), entryOf(join(work, 'b')), { timeout: 60_000 });
    await waitForScreen(a, screen!);
    expect(await a.locator('#app h1').innerText()).toBe(heading);
    const told = (await a.locator('#app [role="alert"]').allInnerTexts()).join('\n');
    expect(told).toContain('updated to version 0.1.0+b');
    expect(told).toMatch(/came from an older version and was updated/);
    await nextStep(a);

    // The other tab still runs the first build; the files it would load next are gone: it reloads onto the new build.
    expect(await entryOnPage(b)).toBe(entryOf(join(work, 'a')));
    await b.click('[data-action="menu-endings"]');
    await b.waitForFunction((entry) => new URL((document.querySelector('script[type="module"]') as HTMLScriptElement).src).pathname.endsWith(entry), entryOf(join(work, 'b')), { timeout: 60_000 });
    await waitForScreen(b, 'title');
    expect(await b.locator('[data-action="continue"]').innerText()).toContain(MARK);

    expect(log.foreignRequests).toEqual([]);
    // The only failures: the old build's files that tab asked for after the new build replaced them (404), and
    // requests cut short by the reloads.
    const gone = readdirSync(join(work, 'a', 'assets')).filter((f) => !existsSync(join(work, 'b', 'assets', f)));
    expect(gone.length).toBeGreaterThan(0);
    const expected = (f: string) => / net::ERR_ABORTED$/.test(f) || gone.some((g) => f.includes(`/assets/${g}: HTTP 404`));
    expect(log.failedRequests.filter((f) => !expected(f))).toEqual([]);
    expect(log.pageErrors.filter((e) => !/dynamically imported module|Importing a module script failed/.test(e))).toEqual([]);
  } finally {
    await context.close();
  }
}, 480_000);

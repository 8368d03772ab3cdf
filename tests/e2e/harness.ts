// Helpers for the browser tests in tests/e2e. The game is built and served once
// per run by global-setup.ts; tests get its URL with previewUrl(), launch
// Debian's Chromium with launchBrowser(), and watch every request and console
// error with recordContext() (or openGame(), which does both).
//
// Browser tests never skip: if Chromium is missing they fail and say why.
import { existsSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { inject } from 'vitest';

/** Debian's chromium; override with CHROMIUM_PATH for local runs elsewhere. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** URL of the served game (ends in "/"), optionally joined with a relative path. */
export function previewUrl(path = ''): string {
  const base = inject('previewUrl');
  if (!base) {
    throw new Error(
      'previewUrl is not set: run e2e tests through the "e2e" Vitest project so that tests/e2e/global-setup.ts builds and serves the game',
    );
  }
  return new URL(path, base).href;
}

/** Launch headless Chromium. Throws (never skips) when the browser is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser tests use Debian's chromium package: ` +
        'install it with `apt-get install -y chromium` (as root), or point CHROMIUM_PATH at a Chromium binary. ' +
        'This project never downloads a browser.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    timeout: 60_000,
  });
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
}

export interface ContextLog {
  /** Every request made by any page (or worker) of the context, in order. */
  readonly requests: RecordedRequest[];
  /** Requests whose origin differs from the game's (data: and blob: URLs excepted). */
  readonly foreignRequests: RecordedRequest[];
  /** Text of every console message of type "error". */
  readonly consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections in pages. */
  readonly pageErrors: string[];
  /** Same-origin responses with status >= 400, and requests that failed outright. */
  readonly failedRequests: string[];
  /** Position in `requests` now; pass to requestsSince() to check later traffic. */
  mark(): number;
  requestsSince(mark: number): RecordedRequest[];
  /** Throw a readable error if anything above (except plain requests) was recorded. */
  assertClean(): void;
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/**
 * Record everything a browser context does. Requests to any other origin than
 * `origin` are recorded and then aborted, so a stray call can neither leak nor
 * hang a test; assertClean() reports them.
 */
export async function recordContext(
  context: BrowserContext,
  origin: string = new URL(previewUrl()).origin,
): Promise<ContextLog> {
  const requests: RecordedRequest[] = [];
  const foreignRequests: RecordedRequest[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const failedRequests: string[] = [];

  const isForeign = (url: string): boolean => {
    const parsed = new URL(url);
    return !LOCAL_SCHEMES.has(parsed.protocol) && parsed.origin !== origin;
  };

  await context.route(
    (url) => isForeign(url.href),
    (route) => route.abort('blockedbyclient'),
  );

  context.on('request', (request) => {
    const entry = {
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
    };
    requests.push(entry);
    if (isForeign(entry.url)) foreignRequests.push(entry);
  });
  context.on('requestfailed', (request) => {
    if (isForeign(request.url())) return; // already reported as foreign
    // A reload or navigation aborts the sound still loading; a missing file would answer 404, reported below.
    if (request.failure()?.errorText === 'net::ERR_ABORTED' && /\.ogg$/.test(new URL(request.url()).pathname)) return;
    failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400 && !isForeign(response.url())) {
      failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location();
    const at = where.url ? ` (${where.url}:${where.lineNumber})` : '';
    consoleErrors.push(`${message.text()}${at}`);
  });
  context.on('weberror', (webError) => {
    const error = webError.error();
    pageErrors.push(error.stack ?? `${error.name}: ${error.message}`);
  });
  const watchWebSockets = (page: Page): void => {
    page.on('websocket', (socket) => {
      const entry = { url: socket.url(), method: 'GET', resourceType: 'websocket' };
      requests.push(entry);
      if (isForeign(entry.url)) foreignRequests.push(entry);
    });
  };
  context.pages().forEach(watchWebSockets);
  context.on('page', watchWebSockets);

  return {
    requests,
    foreignRequests,
    consoleErrors,
    pageErrors,
    failedRequests,
    mark: () => requests.length,
    requestsSince: (mark) => requests.slice(mark),
    assertClean() {
      const problems: string[] = [];
      const section = (title: string, lines: string[]): void => {
        if (lines.length > 0) problems.push(`${title}:\n  ${lines.join('\n  ')}`);
      };
      section(
        `requests to another origin than ${origin}`,
        foreignRequests.map((r) => `${r.method} ${r.url} [${r.resourceType}]`),
      );
      section('console errors', consoleErrors);
      section('uncaught page errors', pageErrors);
      section('failed requests', failedRequests);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  };
}

export interface GameSession {
  context: BrowserContext;
  page: Page;
  log: ContextLog;
  close(): Promise<void>;
}

/**
 * Open the game in a fresh context (clean storage) and wait for it to load.
 * `path` is relative to the game's base URL, e.g. "?lang=ru".
 */
export async function openGame(
  browser: Browser,
  path = '',
  options: BrowserContextOptions = {},
): Promise<GameSession> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  const log = await recordContext(context);
  const page = await context.newPage();
  await page.goto(previewUrl(path), { waitUntil: 'load' });
  return { context, page, log, close: () => context.close() };
}

/**
 * A persistent context (its own profile in `userDataDir`): needed where a test
 * relies on storage surviving or on a service worker.
 */
export async function launchPersistent(userDataDir: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install Debian's chromium package.`);
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1366, height: 768 },
    timeout: 60_000,
    ...options,
  });
}

/**
 * Wait until the stage (Phaser and the map) has loaded. The title is usable
 * earlier; a test that reloads must wait, or the reload aborts those requests.
 */
export async function waitForStage(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('stage-ready').length > 0, undefined, { timeout: 60_000 });
}

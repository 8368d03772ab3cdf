// npm run bench (second half): the game in Debian's Chromium, headless.
// Prints JSON Lines {name, value, unit, ...}; reports and never fails on noise.
//
//  - title_interactive_ms: navigation → performance mark "title-interactive",
//    against a bare Phaser page (tools/bench-bare) served by the same server,
//    fresh browser context each load, alternating, 7 each → medians and ratio
//    (goal <= 1.3).
//  - bytes before the title is interactive (transfer sizes of the navigation
//    and every resource finished by then, gzip as served), Phaser's own gzip
//    size, and the difference (goal <= 150 KB over Phaser).
//  - offline bundle bytes: every file in the service worker's precache (goal <= 5 MB).
//  - frame time median/p95 from rAF timestamps, and main-thread script time per
//    frame (DevTools Performance.getMetrics), over 3 s of a turn with meters
//    animating: regression signals (headless frame timing is synthetic).
//  - heap after 1 and after 10 full replays, garbage collected through the
//    DevTools protocol → ratio (goal <= 1.15).
// The server gzips text files as a real host would.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = new URL('..', import.meta.url).pathname;
// Built apart from dist/ so that a running test server is never disturbed.
const DIST = join(ROOT, 'node_modules/.cache/safe-city-bench-game');
const BARE = join(ROOT, 'node_modules/.cache/safe-city-bench-bare');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const LOADS = 7;
const REPLAYS = 10;

const emit = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const note = (text: string) => console.error(`[bench-browser] ${text}`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ogg': 'audio/ogg',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg']);

function serve(): Promise<{ server: Server; url: string }> {
  const gz = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [base, rest] = path.startsWith('/bare/') ? [BARE, path.slice('/bare'.length)] : [DIST, path];
    let file = normalize(join(base, rest));
    if (!file.startsWith(base)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const ext = extname(file);
    let body: Buffer<ArrayBufferLike> = readFileSync(file);
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (COMPRESSIBLE.has(ext) && /gzip/.test(String(req.headers['accept-encoding']))) {
      if (!gz.has(file)) gz.set(file, gzipSync(body));
      body = gz.get(file)! as Buffer<ArrayBufferLike>;
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, { ...headers, "content-length": String(body.length) }).end(new Uint8Array(body));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** Navigate in a fresh context; time to the mark and bytes transferred by then. */
async function load(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('title-interactive').length > 0, undefined, { timeout: 60_000 });
  const result = await page.evaluate(() => {
    const at = performance.getEntriesByName('title-interactive')[0]!.startTime;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const bytes = nav.transferSize + resources.filter((r) => r.responseEnd <= at).reduce((sum, r) => sum + r.transferSize, 0);
    return { ms: at, bytes };
  });
  await context.close();
  return result;
}

async function playToDebrief(page: Page) {
  for (let step = 0; step < 100; step++) {
    if ((await page.getAttribute('#app', 'data-screen')) === 'debrief') return;
    await page.click('#app button.primary:not([disabled])');
  }
  throw new Error('did not reach the debrief');
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    note(`Chromium not found at ${CHROMIUM}; skipping the browser benchmark (install Debian's chromium).`);
    return;
  }
  note('building the game and the bare Phaser page…');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } });
  await build({ root: join(ROOT, 'tools/bench-bare'), base: './', logLevel: 'warn', configFile: false, build: { outDir: BARE, emptyOutDir: true, target: 'es2022' } });
  const { server, url } = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    // 1. Time to an interactive title, alternating with the bare page.
    const game: { ms: number; bytes: number }[] = [];
    const bare: { ms: number; bytes: number }[] = [];
    await load(browser, `${url}/`); // warm the server's gzip cache and the OS file cache
    await load(browser, `${url}/bare/`);
    for (let i = 0; i < LOADS; i++) {
      game.push(await load(browser, `${url}/`));
      bare.push(await load(browser, `${url}/bare/`));
    }
    const gameMs = median(game.map((g) => g.ms));
    const bareMs = median(bare.map((b) => b.ms));
    emit({ name: 'browser.title_interactive_ms', value: round(gameMs), unit: 'ms', baseline: round(bareMs), ratio: round(gameMs / bareMs, 3), goal: '<= 1.3', meets_goal: gameMs / bareMs <= 1.3, samples: game.map((g) => round(g.ms)), baseline_samples: bare.map((b) => round(b.ms)) });

    // 2. Bytes before the title is interactive, against Phaser's own gzip size.
    const phaserFile = readdirSync(join(DIST, 'assets')).find((f) => /^phaser-.*\.js$/.test(f))!;
    const phaserGzip = gzipSync(readFileSync(join(DIST, 'assets', phaserFile))).length;
    const bytes = median(game.map((g) => g.bytes));
    emit({ name: 'browser.bytes_before_title', value: bytes, unit: 'bytes', baseline: median(bare.map((b) => b.bytes)) });
    emit({ name: 'browser.phaser_gzip_bytes', value: phaserGzip, unit: 'bytes', file: phaserFile });
    emit({ name: 'browser.bytes_over_phaser', value: bytes - phaserGzip, unit: 'bytes', goal: '<= 153600', meets_goal: bytes - phaserGzip <= 150 * 1024, note: 'the title is interactive before Phaser arrives; Phaser loads alongside for the stage' });

    // 3. The offline bundle: every precached file.
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const precached = [...sw.matchAll(/"?url"?\s*:\s*"([^"]+)"/g)].map((m) => m[1]!);
    const offline = precached.reduce((sum, f) => sum + statSync(join(DIST, f)).size, 0);
    emit({ name: 'browser.offline_bundle_bytes', value: offline, unit: 'bytes', files: precached.length, goal: '<= 5242880', meets_goal: offline <= 5 * 1024 * 1024 });

    // 4. Frames during a turn with the meters animating.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${url}/?scenario=bishkek-command-centre&seed=3`);
    await page.waitForSelector('#app[data-screen="briefing"]');
    await page.waitForFunction(() => performance.getEntriesByName('stage-ready').length > 0, undefined, { timeout: 60_000 });
    while ((await page.getAttribute('#app', 'data-screen')) !== 'turn') await page.click('#app button.primary:not([disabled])');
    const script = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
    const scriptBefore = await script();
    // A string, not a function: tsx would wrap a named function with a helper the page lacks.
    const framesPromise = page.evaluate<number[]>(`new Promise((resolve) => {
      const stamps = [];
      const tick = (t) => {
        stamps.push(t);
        if (t - stamps[0] < 3000) requestAnimationFrame(tick);
        else resolve(stamps);
      };
      requestAnimationFrame(tick);
    })`);
    await page.click('#app button.primary:not([disabled])'); // a response: the next turn's meters animate
    const stamps = await framesPromise;
    const scriptMs = (await script()) - scriptBefore;
    const frames = stamps.slice(1).map((t, i) => t - stamps[i]!);
    emit({ name: 'browser.frame_ms_median', value: round(median(frames), 2), unit: 'ms', frames: frames.length, note: 'headless frame timing is synthetic: a regression signal only' });
    emit({ name: 'browser.frame_ms_p95', value: round(quantile(frames, 0.95), 2), unit: 'ms' });
    emit({ name: 'browser.script_ms_per_frame', value: round(scriptMs / Math.max(1, frames.length), 3), unit: 'ms' });

    // 5. Memory across replays (scene restarts, new sessions).
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await playToDebrief(page);
    await page.click('[data-action="replay-same"]');
    await playToDebrief(page);
    const afterOne = await heap();
    for (let i = 1; i < REPLAYS; i++) {
      await page.click('[data-action="replay-same"]');
      await playToDebrief(page);
    }
    const afterTen = await heap();
    emit({ name: 'browser.heap_after_1_replay', value: afterOne, unit: 'bytes' });
    emit({ name: 'browser.heap_after_10_replays', value: afterTen, unit: 'bytes' });
    emit({ name: 'browser.heap_ratio', value: round(afterTen / afterOne, 3), unit: 'ratio', goal: '<= 1.15', meets_goal: afterTen / afterOne <= 1.15 });
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  note(`failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
});

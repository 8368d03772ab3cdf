// Sizes are deterministic, so budgets live in a test: the initial bundle (what
// the title needs: the page, its entry script and everything it imports
// statically, and the stylesheet) and the offline bundle (every precached
// file). The build is the one the e2e global setup made.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { ROOT } from '../support/content.ts';

const DIST = join(ROOT, 'dist');
/** Gzip budget of the initial bundle: measured about 106 KB when set. */
const INITIAL_BUDGET = 130 * 1024;
/** The offline bundle: every file of the game, fonts, map and sound included. */
const OFFLINE_BUDGET = 5 * 1024 * 1024;

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;

it(`keeps the initial bundle within ${INITIAL_BUDGET / 1024} KB gzip, with Phaser out of it`, () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = new Set<string>();
  for (const m of html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)) initial.add(m[1]!);
  // Static imports of the entry (modulepreload links list them too).
  const queue = [...initial].filter((f) => f.endsWith('.js'));
  while (queue.length) {
    const file = queue.pop()!;
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      const dep = `assets/${m[1]}`;
      if (!initial.has(dep)) {
        initial.add(dep);
        queue.push(dep);
      }
    }
  }
  const files = [...initial];
  expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  expect(files.some((f) => /phaser/.test(f))).toBe(false);
  const total = gz('index.html') + files.reduce((sum, f) => sum + gz(f), 0);
  console.log(`[size] initial bundle ${total} bytes gzip: ${files.join(', ')}`);
  expect(total).toBeLessThanOrEqual(INITIAL_BUDGET);
});

it(`keeps the offline bundle within ${OFFLINE_BUDGET / 1024 / 1024} MB`, () => {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const files = [...sw.matchAll(/"?url"?\s*:\s*"([^"]+)"/g)].map((m) => m[1]!);
  expect(files).toEqual(expect.arrayContaining(['index.html']));
  expect(files.some((f) => /phaser-.*\.js$/.test(f))).toBe(true);
  expect(files.some((f) => /\.ogg$/.test(f))).toBe(true);
  const total = files.reduce((sum, f) => sum + statSync(join(DIST, f)).size, 0);
  console.log(`[size] offline bundle ${total} bytes in ${files.length} files`);
  expect(total).toBeLessThanOrEqual(OFFLINE_BUDGET);
});

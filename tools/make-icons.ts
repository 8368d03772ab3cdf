// npx tsx tools/make-icons.ts — renders public/favicon.svg to the PNG icons
// the web app manifest needs (192 and 512 px, plus a maskable 512 with a safe
// margin), using Debian's Chromium. The PNGs are committed; CI never runs this.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
for (const [size, file, pad] of [
  [192, 'public/icon-192.png', 0],
  [512, 'public/icon-512.png', 0],
  [512, 'public/icon-maskable-512.png', 0.1],
] as const) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = Math.round(size * (1 - 2 * pad));
  await page.setContent(
    `<body style="margin:0;background:#1d1d1b;display:grid;place-items:center;width:${size}px;height:${size}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</body>`,
  );
  await page.screenshot({ path: file, omitBackground: false });
  await page.close();
  console.log(`wrote ${file}`);
}
await browser.close();

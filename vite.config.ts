import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The game is a static site: relative asset paths so it can be served from any
// folder (or opened from a USB stick behind a static server), no network calls.
/**
 * The built game's Content-Security-Policy: only its own files, no eval, no
 * inline script or style; data: and blob: only for images and audio, which
 * Phaser and the browser's audio decoding use. Added at build time (Vite's dev
 * server injects inline styles for hot reload).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' data: blob:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'safe-city-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

const CONTENT_DIR = fileURLToPath(new URL('./scenarios/', import.meta.url));
const SHARED_FILES = new Set(['sources.json', 'shared-events.json', 'glossary.json']);

/** package.json's version, with SAFE_CITY_BUILD appended when set (the update test builds twice and tells them apart). */
const VERSION = [JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version, process.env['SAFE_CITY_BUILD']].filter(Boolean).join('+');
/** For the update test only: a mark appended to every scenario's English title, so that a second build has changed content as a real release would. */
const CONTENT_MARK = process.env['SAFE_CITY_CONTENT_MARK'] ?? '';

function marked(text: string): string {
  if (!CONTENT_MARK) return text;
  const s = JSON.parse(text);
  if (s.title?.en) s.title.en += CONTENT_MARK;
  return JSON.stringify(s, null, 2);
}

/** Applies CONTENT_MARK to the scenario files as the game bundles them (`?raw`). */
function contentMark(): Plugin {
  return {
    name: 'safe-city-content-mark',
    enforce: 'pre',
    load(id) {
      const match = /[\\/]scenarios[\\/]([^\\/]+\.json)\?raw$/.exec(id);
      if (!CONTENT_MARK || !match || SHARED_FILES.has(match[1]!)) return undefined;
      return `export default ${JSON.stringify(marked(readFileSync(id.replace(/\?raw$/, ''), 'utf8')))};`;
    },
  };
}

/**
 * `virtual:scenario-catalog`: what the title and the map need about each
 * scenario (id, title, place, years, turns, the opening of the briefing),
 * built from the scenario files, so the full files load only when a scenario
 * is played. The catalog is checked against the full content in the tests.
 */
function scenarioCatalog(): Plugin {
  const id = 'virtual:scenario-catalog';
  return {
    name: 'safe-city-scenario-catalog',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const entries = readdirSync(CONTENT_DIR)
        .filter((name) => name.endsWith('.json') && !SHARED_FILES.has(name))
        .sort()
        .map((name) => {
          this.addWatchFile(CONTENT_DIR + name);
          try {
            const s = JSON.parse(marked(readFileSync(CONTENT_DIR + name, 'utf8')));
            return { file: name, id: s.id, title: s.title, place: s.place, years: s.years, turns: s.turns, teaser: s.briefing?.text };
          } catch {
            return { file: name, id: name.replace(/\.json$/, ''), broken: true };
          }
        });
      return `export default ${JSON.stringify(entries)};`;
    },
  };
}

export default defineConfig({
  base: './',
  define: { __APP_VERSION__: JSON.stringify(VERSION) },
  plugins: [
    contentSecurityPolicy(),
    contentMark(),
    scenarioCatalog(),
    // Offline: after the first visit every file of the game (scenarios, map,
    // fonts, sound) is served from the service worker's precache.
    // Updates: a new build's worker installs and waits; the game (shell/updates.ts,
    // through virtual:pwa-register, bundled: no inline script for the CSP) tells
    // the player and, when they agree, sends SKIP_WAITING and reloads.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Safe City',
        short_name: 'Safe City',
        description: 'An educational simulation of surveillance-technology procurement in Central Asia.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f4efe4',
        theme_color: '#1d1d1b',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ogg,json,woff2,webmanifest}'],
        // Subsets no text of the game uses (the browser fetches them only on demand).
        globIgnores: ['**/*-greek-*', '**/*-vietnamese-*'],
        // Phaser's chunk is about 1.4 MB, over Workbox's 2 MiB default only
        // with headroom to spare; the limit is raised so a larger build still
        // precaches instead of silently going online-only.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // Never take over by itself (a choice is never interrupted); once the
        // player agrees, it takes over every tab of the game, and a first
        // visit is controlled at once, so it works offline without a reload.
        skipWaiting: false,
        clientsClaim: true,
      },
    }),
  ],
  server: {
    port: 5173,
    strictPort: true,
    host: '127.0.0.1',
  },
  preview: {
    port: 4173,
    strictPort: true,
    host: '127.0.0.1',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Phaser alone is ~1.5 MB minified; it lives in its own chunk.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // The engine is pure (no top-level effects; a test keeps it so), but its
      // zod schemas are built by calls a bundler must assume have effects:
      // saying so lets the validator and the content schema leave the initial
      // bundle and load with the first scenario.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]engine[\\/]/.test(id) },
      output: {
        // Vite 8 bundles with Rolldown; `codeSplitting.groups` replaces
        // Rollup's `manualChunks` (and Rolldown's older `advancedChunks`).
        codeSplitting: {
          groups: [
            {
              name: 'phaser',
              test: /[\\/]node_modules[\\/]phaser[\\/]/,
              priority: 10,
            },
            // The modules the first page shares with lazy chunks (the content's
            // loader, the compare screen) in one chunk: left to itself, the
            // bundler splits them by who imports them, and every extra chunk of
            // the first page costs its imports and a gzip stream of its own.
            {
              name: 'shared',
              test: /[\\/]node_modules[\\/](zod[\\/]v4[\\/]mini|i18next)[\\/]|[\\/]src[\\/]text[\\/]i18n\.ts$|[\\/]src[\\/]engine[\\/](moves|history)\.ts$/,
              priority: 5,
            },
          ],
        },
      },
    },
  },
});

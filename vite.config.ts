import { defineConfig } from 'vite';

// The game is a static site: relative asset paths so it can be served from any
// folder (or opened from a USB stick behind a static server), no network calls.
export default defineConfig({
  base: './',
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
          ],
        },
      },
    },
  },
});

import { defineConfig, mergeConfig } from 'vitest/config';
import './tests/node-compat.ts'; // Vitest 5 on Node 20: see that file
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'node',
            // Files share a worker's module cache: the engine, the content and
            // the locales are imported once per worker, not once per file
            // (about a quarter of the run). Tests keep no state in modules
            // between files; the language is set by each test that needs it.
            isolate: false,
            setupFiles: ['tests/unit-setup.ts'],
            include: [
              'src/**/*.test.ts',
              'tests/unit/**/*.test.ts',
              'tests/model/**/*.test.ts',
            ],
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['tests/e2e/**/*.test.ts'],
            // Builds the game once and serves dist/ with `vite preview`.
            globalSetup: ['tests/e2e/global-setup.ts'],
            // One browser at a time: the machine has two cores and Chromium
            // with software GL is heavy.
            fileParallelism: false,
            testTimeout: 120_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  }),
);

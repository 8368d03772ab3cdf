// Vitest global setup for the e2e project: build the game once per run and
// serve dist/ with Vite's preview server on a free port on 127.0.0.1. The URL
// reaches the tests through Vitest's provide/inject (see harness.ts).
//
// Set E2E_BASE_URL to test an already running server instead (no build).
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the served game, ending in "/". */
    previewUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env['E2E_BASE_URL'];
  if (external) {
    project.provide('previewUrl', external.endsWith('/') ? external : `${external}/`);
    return async () => {};
  }

  const started = Date.now();
  await build({ root, configFile, logLevel: 'warn', mode: 'production' });

  const server: PreviewServer = await preview({
    root,
    configFile,
    logLevel: 'warn',
    // Port 0: the OS picks a free port, so a running `npm start` does not clash.
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error(`vite preview did not report a TCP address (got ${String(address)})`);
  }
  const url = `http://127.0.0.1:${address.port}/`;
  project.provide('previewUrl', url);
  console.log(`[e2e] built and serving dist/ at ${url} (${Date.now() - started} ms)`);

  return async () => {
    await server.close();
  };
}

/// <reference types="vite-plugin-pwa/vanillajs" />
declare module 'virtual:scenario-catalog' {
  const entries: unknown[];
  export default entries;
}

/** The game's version (package.json, and a build label when one was given), set by vite.config.ts. */
declare const __APP_VERSION__: string;

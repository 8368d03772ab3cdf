// Node tools read the locale files from disk (the browser build and Vitest
// register them through Vite's glob in src/text/locales.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addLanguages } from '../src/text/i18n.ts';

const dir = fileURLToPath(new URL('../src/text/locales/', import.meta.url));

addLanguages(
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.slice(0, -'.json'.length), JSON.parse(readFileSync(`${dir}${f}`, 'utf8')) as Record<string, unknown>]),
  ),
);

// Registers every locale file in src/text/locales/ (Vite's glob, so this
// module is for the browser build and Vitest; Node tools read the files from
// disk with registerLocalesFromDisk in tools/). Import it once, first.
import { addLanguages } from './i18n.ts';

const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json', { eager: true });

addLanguages(Object.fromEntries(Object.entries(files).map(([path, mod]) => [path.slice(path.lastIndexOf('/') + 1, -'.json'.length), mod.default])));

// The compare screen's strings, the locale files' `compare` section: they
// arrive with that screen's chunk (vite.config.ts keeps them out of the
// first bundle) and join the languages already registered.
import { addLanguages } from './i18n.ts';

const files = import.meta.glob<Record<string, unknown>>('./locales/*.json', { eager: true, query: '?compare', import: 'default' });

addLanguages(Object.fromEntries(Object.entries(files).map(([path, strings]) => [/([^/]+)\.json/.exec(path)![1]!, strings])));

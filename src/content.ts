// Loads content in the browser, lazily: the shared files (sources, the shared
// deck, the glossary) and only the scenario being played. Files are bundled as
// text and checked by the same validator as `npm run scenarios:check`.
import { loadContent, type ContentReport } from './engine/index.ts';

const files = import.meta.glob<string>('../scenarios/*.json', { query: '?raw', import: 'default' });
const SHARED = ['sources.json', 'shared-events.json', 'glossary.json'];

const cache = new Map<string, Promise<ContentReport>>();

/**
 * The shared files plus the named scenario files (none for the glossary and
 * the casebook). Every load is validated as a whole.
 */
export function loadContentFor(scenarioFiles: readonly string[]): Promise<ContentReport> {
  const key = scenarioFiles.join(',');
  let pending = cache.get(key);
  if (!pending) {
    pending = (async () => {
      const wanted = Object.entries(files).filter(([path]) => {
        const name = path.slice(path.lastIndexOf('/') + 1);
        return SHARED.includes(name) || scenarioFiles.includes(name);
      });
      const entries = await Promise.all(wanted.map(async ([path, load]) => ({ path: path.replace(/^\.\.\//, ''), text: await load() })));
      return loadContent(entries, { requireScenario: scenarioFiles.length > 0 });
    })();
    cache.set(key, pending);
  }
  return pending;
}

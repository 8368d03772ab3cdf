// The content store of the browser build, with one cache: the shared files
// (sources, the shared deck, the glossary) and only the scenarios asked for.
// Files are bundled as text and checked by the same validator as
// `npm run scenarios:check`.
import type { ContentFile, ContentReport } from '../engine/index.ts';
import type { ContentStore } from './app-types.ts';
import type { ScenarioSummary } from './catalog.ts';

const files = import.meta.glob<string>('../../scenarios/*.json', { query: '?raw', import: 'default' });
const SHARED = ['sources.json', 'shared-events.json', 'glossary.json'];

/** A store over files read on demand; `read` gives a file's text by name. */
export function contentStore(catalog: readonly ScenarioSummary[], read: (names: readonly string[]) => Promise<ContentFile[]>): ContentStore {
  const cache = new Map<string, Promise<ContentReport>>();
  const load = (scenarioFiles: readonly string[]) => {
    const key = scenarioFiles.join(',');
    let pending = cache.get(key);
    if (!pending) {
      // The validator (and the content schema) load with the first content, not with the title.
      pending = Promise.all([read([...SHARED, ...scenarioFiles]), import('../engine/validate.ts')]).then(([entries, { loadContent }]) =>
        loadContent(entries, { requireScenario: scenarioFiles.length > 0 }),
      );
      cache.set(key, pending);
    }
    return pending;
  };
  return {
    load(scenarioId) {
      const entry = scenarioId === null ? null : catalog.find((s) => s.id === scenarioId);
      if (scenarioId !== null && !entry) {
        return Promise.resolve({ bundle: null, problems: [{ file: 'scenarios/', path: '$.id', expected: `a scenario of the catalog (got "${scenarioId}")` }] });
      }
      return load(entry ? [entry.file] : []);
    },
    loadAll: () => load(catalog.map((c) => c.file)),
  };
}

/** The bundled files of the build. */
export function bundledContent(catalog: readonly ScenarioSummary[]): ContentStore {
  return contentStore(catalog, (names) =>
    Promise.all(
      Object.entries(files)
        .filter(([path]) => names.includes(path.slice(path.lastIndexOf('/') + 1)))
        .map(async ([path, load]) => ({ path: path.replace(/^(\.\.\/)+/, ''), text: await load() })),
    ),
  );
}

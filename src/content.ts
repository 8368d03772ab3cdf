// Loads the content bundle in the browser. Files are bundled as text and
// checked by the same validator as `npm run scenarios:check`.
import { loadContent, type ContentReport } from './engine/index.ts';

const files = import.meta.glob('../scenarios/*.json', { query: '?raw', import: 'default' });

export async function loadBundle(): Promise<ContentReport> {
  const entries = await Promise.all(
    Object.entries(files).map(async ([path, load]) => ({
      path: path.replace(/^\.\.\//, ''),
      text: (await load()) as string,
    })),
  );
  return loadContent(entries);
}

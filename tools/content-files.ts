// Reads the content folder for the Node tools.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, type ContentBundle, type ContentFile, formatProblem } from '../src/engine/validate.ts';

export const CONTENT_DIR = 'scenarios';

export function readContentFiles(dir = CONTENT_DIR): ContentFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}

/** The checked bundle, or exit 1 listing every problem. */
export function loadBundleOrExit(dir = CONTENT_DIR): ContentBundle {
  const report = loadContent(readContentFiles(dir), { allScenarios: true });
  if (!report.bundle) {
    for (const p of report.problems) console.error(formatProblem(p));
    console.error(`content has ${report.problems.length} problem(s); run npm run scenarios:check`);
    process.exit(1);
  }
  return report.bundle;
}

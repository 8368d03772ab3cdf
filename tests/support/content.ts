// Content for tests: the real scenarios and the small synthetic fixture.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContentFiles } from '../../tools/content-files.ts';
import { loadContent, formatProblem, type ContentBundle } from '../../src/engine/validate.ts';

// From the path, not `new URL(…)`: under happy-dom the global URL is not Node's.
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../');

export function loadBundle(dir: string): ContentBundle {
  const report = loadContent(readContentFiles(`${ROOT}${dir}`));
  if (!report.bundle) throw new Error(`${dir} has problems:\n${report.problems.map(formatProblem).join('\n')}`);
  return report.bundle;
}

export const realContent = () => loadBundle('scenarios');
export const fixtureContent = () => loadBundle('tests/fixtures/mini');

// Reads the content folder for the Node tools.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, type ContentBundle, type ContentFile, formatProblem } from '../src/engine/validate.ts';
import { processIo, type CliIo } from './cli.ts';

export const CONTENT_DIR = 'scenarios';

export function readContentFiles(dir = CONTENT_DIR): ContentFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}

/** The checked bundle, or undefined after listing every problem on io's stderr (the caller exits 1). */
export function loadBundleOrReport(dir: string = CONTENT_DIR, io: CliIo = processIo): ContentBundle | undefined {
  const report = loadContent(readContentFiles(dir), { allScenarios: true });
  if (!report.bundle) {
    for (const p of report.problems) io.stderr(`${formatProblem(p)}\n`);
    io.stderr(`content has ${report.problems.length} problem(s); run npm run scenarios:check\n`);
  }
  return report.bundle ?? undefined;
}

/** The checked bundle, or exit 1 listing every problem. */
export function loadBundleOrExit(dir = CONTENT_DIR): ContentBundle {
  return loadBundleOrReport(dir) ?? process.exit(1);
}

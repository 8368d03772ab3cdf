// npm run scenarios:check [-- --dir DIR]
// Validates every content file and every cross-reference. Prints one line per
// problem (`file: json.path: what was expected`) and exits 1, or a summary.
import { loadContent, formatProblem } from '../src/engine/validate.ts';
import { readContentFiles, CONTENT_DIR } from './content-files.ts';

const dirFlag = process.argv.indexOf('--dir');
const dir = dirFlag >= 0 ? process.argv[dirFlag + 1]! : CONTENT_DIR;
const report = loadContent(readContentFiles(dir), { allScenarios: true });
if (report.problems.length > 0) {
  for (const p of report.problems) console.log(formatProblem(p));
  console.error(`scenarios:check: ${report.problems.length} problem(s)`);
  process.exit(1);
}
const b = report.bundle!;
const events = b.scenarios.reduce((n, s) => n + s.events.length, 0);
console.log(
  `scenarios:check: ok — ${b.scenarios.length} scenario(s) (${b.scenarios.map((s) => s.id).join(', ')}), ` +
    `${events} scenario events, ${b.shared.events.length} shared events, ` +
    `${b.registry.sources.length} sources, ${b.registry.facts.length} facts, ${b.glossary.terms.length} glossary terms, 0 missing translations`,
);

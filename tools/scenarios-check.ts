// npm run scenarios:check [-- --dir DIR]
// Validates every content file and every cross-reference. Prints one line per
// problem (`file: json.path: what was expected`) and exits 1, or a summary.
import { loadContent, formatProblem } from '../src/engine/validate.ts';
import { isEntryPoint, processIo, type CliIo } from './cli.ts';
import { readContentFiles, CONTENT_DIR } from './content-files.ts';

export function main(argv: readonly string[], io: CliIo): number {
  // Any other argument is ignored, as it always has been.
  const dirFlag = argv.indexOf('--dir');
  const dir = (dirFlag >= 0 ? argv[dirFlag + 1] : undefined) ?? CONTENT_DIR;
  const report = loadContent(readContentFiles(dir), { allScenarios: true });
  if (report.problems.length > 0) {
    for (const p of report.problems) io.stdout(`${formatProblem(p)}\n`);
    io.stderr(`scenarios:check: ${report.problems.length} problem(s)\n`);
    return 1;
  }
  const b = report.bundle!;
  const events = b.scenarios.reduce((n, s) => n + s.events.length, 0);
  io.stdout(
    `scenarios:check: ok — ${b.scenarios.length} scenario(s) (${b.scenarios.map((s) => s.id).join(', ')}), ` +
      `${events} scenario events, ${b.shared.events.length} shared events, ` +
      `${b.registry.sources.length} sources, ${b.registry.facts.length} facts, ${b.glossary.terms.length} glossary terms, 0 missing translations\n`,
  );
  return 0;
}

if (isEntryPoint(import.meta.url)) process.exitCode = main(process.argv.slice(2), processIo);

// npm run --silent explore -- --scenario ID [--seeds K]
// Every decision combination, K seeds each; prints one JSON report. The seeds
// are shared among worker threads, one per core (see explore-parallel.ts).
import { parseArgs } from 'node:util';
import { exploreScenario, compileScenario, type ExploreReport } from '../src/engine/index.ts';
import { exitCodeOf, isEntryPoint, processIo, usageError, type CliIo } from './cli.ts';
import { loadBundleOrReport, CONTENT_DIR } from './content-files.ts';
import { exploreInParallel } from './explore-parallel.ts';

export interface ExploreCliOptions {
  /**
   * Worker threads; default one per core. 1 explores in this thread without
   * a worker, which gives the same report (parts merge into exactly the whole
   * run) and is what in-process tests use.
   */
  threads?: number;
}

export function main(argv: readonly string[], io: CliIo, options: ExploreCliOptions = {}): Promise<number> {
  return exitCodeOf(() => explore(argv, io, options));
}

async function explore(argv: readonly string[], io: CliIo, options: ExploreCliOptions): Promise<number> {
  const fail = (message: string): never => usageError(io, 'explore', message);
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: { scenario: { type: 'string' }, seeds: { type: 'string' }, dir: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
  const dir = args.dir ?? CONTENT_DIR;
  const bundle = loadBundleOrReport(dir, io);
  if (!bundle) return 1;
  if (!args.scenario) fail(`--scenario ID is required; expected one of: ${bundle.scenarios.map((s) => s.id).join(', ')}`);
  const scenario = bundle.scenarios.find((s) => s.id === args.scenario);
  if (!scenario) return fail(`unknown scenario "${args.scenario}"; expected one of: ${bundle.scenarios.map((s) => s.id).join(', ')}`);
  const seeds = Number(args.seeds ?? '20');
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 10_000) fail(`--seeds must be an integer from 1 to 10000 (got "${args.seeds}")`);

  const report: ExploreReport =
    options.threads === 1
      ? exploreScenario(compileScenario(scenario, bundle.shared), { seeds })
      : await exploreInParallel({ dir, scenario: scenario.id, seeds, threads: options.threads });
  io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2), processIo);

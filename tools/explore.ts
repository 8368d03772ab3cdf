// npm run --silent explore -- --scenario ID [--seeds K]
// Every decision combination, K seeds each; prints one JSON report.
import { parseArgs } from 'node:util';
import { loadBundleOrExit, CONTENT_DIR } from './content-files.ts';
import { exploreInParallel } from './explore-parallel.ts';

function fail(message: string): never {
  console.error(`explore: ${message}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: { scenario: { type: 'string' }, seeds: { type: 'string' }, dir: { type: 'string' } },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}
const bundle = loadBundleOrExit(args.dir ?? CONTENT_DIR);
if (!args.scenario) fail(`--scenario ID is required; expected one of: ${bundle.scenarios.map((s) => s.id).join(', ')}`);
const scenario = bundle.scenarios.find((s) => s.id === args.scenario);
if (!scenario) fail(`unknown scenario "${args.scenario}"; expected one of: ${bundle.scenarios.map((s) => s.id).join(', ')}`);
const seeds = Number(args.seeds ?? '20');
if (!Number.isInteger(seeds) || seeds < 1 || seeds > 10_000) fail(`--seeds must be an integer from 1 to 10000 (got "${args.seeds}")`);

console.log(JSON.stringify(await exploreInParallel({ dir: args.dir ?? CONTENT_DIR, scenario: scenario.id, seeds }), null, 2));

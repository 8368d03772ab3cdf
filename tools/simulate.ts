// npm run --silent simulate -- --list
// npm run --silent simulate -- --scenario ID --seed N [--choice DECISION=OPTION[,OPTION...]]... [--policy random|first|historical]
// npm run --silent simulate -- [--scenario ID] --session CODE [--choice ...]...
// Plays one scenario headless and prints one JSON object, with the cards met
// turn by turn as "events". With --session it plays as a team of that
// workshop session (its scenario and seed), so two teams' cards can be
// compared. Same arguments, byte-identical output. Usage errors exit 2 with a
// message on stderr; content that does not load exits 1 listing its problems.
import { parseArgs } from 'node:util';
import { CodeError, decodeSession } from '../src/app/codes.ts';
import './locales-from-disk.ts';
import { isValidSeed, MAX_SEED, compileScenario, WORKSHOP_DECK, printableResult, runScenario, UsageError, POLICY_NAMES, type PolicyName } from '../src/engine/index.ts';
import { exitCodeOf, isEntryPoint, processIo, usageError, type CliIo } from './cli.ts';
import { loadBundleOrReport, CONTENT_DIR } from './content-files.ts';

export function main(argv: readonly string[], io: CliIo): Promise<number> {
  return exitCodeOf(() => simulate(argv, io));
}

function simulate(argv: readonly string[], io: CliIo): number {
  const fail = (message: string): never => usageError(io, 'simulate', message);
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        list: { type: 'boolean' },
        scenario: { type: 'string' },
        seed: { type: 'string' },
        session: { type: 'string' },
        choice: { type: 'string', multiple: true },
        policy: { type: 'string' },
        dir: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }

  const bundle = loadBundleOrReport(args.dir ?? CONTENT_DIR, io);
  if (!bundle) return 1;

  if (args.list) {
    const scenarios = bundle.scenarios.map((s) => ({
      id: s.id,
      title: s.title.en,
      decisions: s.decisions.map((d) => ({
        id: d.id,
        multi: d.multi,
        options: d.options.map((o) => ({ id: o.id, tags: o.tags })),
      })),
      endings: s.endings.map((e) => e.id),
    }));
    io.stdout(`${JSON.stringify({ scenarios }, null, 2)}\n`);
    return 0;
  }

  // A session code carries the scenario (its place among the ids, sorted, as in the app's catalog) and the seed.
  let session: { id: string; seed: number } | undefined;
  if (args.session !== undefined) {
    if (args.seed !== undefined) fail('give --session CODE or --seed N, not both: the session fixes the seed');
    const ids = bundle.scenarios.map((s) => s.id).sort();
    try {
      const settings = decodeSession(args.session, ids.length);
      session = { id: ids[settings.scenarioIndex]!, seed: settings.seed };
    } catch (error) {
      if (error instanceof CodeError) fail(`--session must be a workshop session code, like the facilitator's screen shows (got "${args.session}": ${error.message})`);
      throw error;
    }
    if (args.scenario !== undefined && args.scenario !== session.id)
      fail(`--session "${args.session}" is a session of "${session.id}", not of --scenario "${args.scenario}"`);
  }
  const scenarioId = args.scenario ?? session?.id;
  if (!scenarioId) fail('--scenario ID is required (or --list, or --session CODE); see --list for the ids');
  const scenario = bundle.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return fail(`unknown scenario "${scenarioId}"; expected one of: ${bundle.scenarios.map((s) => s.id).join(', ')}`);
  const seedText = session ? String(session.seed) : (args.seed ?? '1');
  if (!/^\d+$/.test(seedText) || !isValidSeed(Number(seedText)))
    fail(`--seed must be an integer from 0 to ${MAX_SEED} (got "${seedText}")`);
  const policy = (args.policy ?? 'random') as PolicyName;
  if (!POLICY_NAMES.includes(policy)) fail(`unknown policy "${args.policy}"; expected one of: ${POLICY_NAMES.join(', ')}`);

  const choices: Record<string, string[]> = {};
  for (const choice of args.choice ?? []) {
    const match = /^([^=]+)=(.+)$/.exec(choice);
    if (!match) return fail(`--choice must look like DECISION=OPTION[,OPTION...] (got "${choice}")`);
    if (Object.hasOwn(choices, match[1]!)) fail(`--choice for "${match[1]}" is given twice`);
    choices[match[1]!] = match[2]!.split(',').filter(Boolean);
  }

  try {
    // A team of a session plays the workshop's deck.
    const result = runScenario(compileScenario(scenario, bundle.shared, 'full', session ? WORKSHOP_DECK : 'weight'), { seed: Number(seedText), choices, policy });
    io.stdout(`${JSON.stringify(printableResult(result), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    throw error;
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2), processIo);

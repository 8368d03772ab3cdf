// npm run --silent bench [-- --dir CONTENT_DIR]
// Engine benchmark. Prints JSON Lines on stdout, one measurement per line:
// {"name", "value", "unit", ...extra fields}. Notes go to stderr. It reports and
// never judges: noise never fails it (exit 0 unless the code itself crashes).
//
// Method
// ------
// The machines this runs on are shared and noisy (2 cores), so there are no
// absolute thresholds: the engine is compared with a bare XState machine
// measured in the same run, in alternating rounds, and medians are reported.
//
// Content: scenarios/ (or --dir) when loadContent() accepts it without a single
// problem; otherwise the complete synthetic fixture tests/fixtures/mini. Every
// line says which ("content": "scenarios" | "fixture").
//
// Per scenario:
//  1. The engine machine is compiled once (compileScenario + scenarioMachine).
//     One engine playthrough is runScenario(compiled, { seed, policy: 'random' },
//     machine): create the actor, start it, send what the policy picks until the
//     machine is done, stop it.
//  2. Warm-up: a few hundred playthroughs of both machines, then a short timed
//     run to calibrate: a round is a fixed number of playthroughs sized to take
//     about 0.5 s (less with many scenarios). Engine rounds replay seeds 1..N, so
//     every round does identical work.
//  3. Transition count (engine.transitions_per_playthrough): seeds 1..N are
//     replayed once with an XState inspector, driving the actor exactly as
//     runScenario does (same policy, same enabled events). Counted:
//       sent events        @xstate.event inspection events sent to the actor
//                          (briefing.start, one decision.choose per decision,
//                          one event.respond or turn.continue per turn played);
//       eventless          transitions taken by `always` (compile.ts:
//                          deciding→turn once, turn→awaitingResponse|quietTurn
//                          and betweenTurns→turn|ended once per turn played).
//     With D decisions and T turns played that is (1 + D + T) + (1 + 2T). The
//     runs are cross-checked against runScenario itself (same results, and the
//     same number of policy picks, counted by a wrapping policy).
//  4. Bare machine: setup({ types, guards, actions }).createMachine(...) that
//     takes round(mean sent) sent-event transitions and round(mean eventless)
//     `always` transitions per playthrough (spread evenly over the sends), each
//     transition doing an assign of a small counter. It is run like
//     runScenario: createActor, start, getSnapshot/send until done, stop. Its
//     own transitions are counted with the same inspector and reported.
//  5. ROUNDS rounds of engine and bare alternate (A B A B ...), so drift hits
//     both alike. Reported: median playthroughs/s of each, the rounds as
//     `samples`, and engine.throughput_ratio = median(engine) / median(bare)
//     (goal >= 0.5; `paired_median` is the median of per-round ratios).
//  6. explore.wall_time_s: exploreScenario(compiled, { seeds: 20 }) on every core
//     (tools/explore-parallel.ts: the same report as one thread), timed with
//     performance.now(); median of 3 runs when one run is short (< 3 s), else
//     a single run. Goal <= 10 s. The report's paths and exhaustive included.
// The round length shrinks with the number of scenarios so that the whole
// run stays under about two minutes.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { assign, createActor, setup, type InspectionEvent } from 'xstate';
import {
  scenarioMachine,
  enabledEvents,
  formatProblem,
  makePolicy,
  phaseOf,
  compileScenario,
  resultOf,
  runScenario,
  type CompiledScenario,
  type ContentBundle,
  type GameEvent,
  type GameMachine,
  type Policy,
  type RunResult,
} from '../src/engine/index.ts';
import { loadContent } from '../src/engine/validate.ts';
import { CONTENT_DIR, loadBundleOrExit, readContentFiles } from './content-files.ts';
import { exploreInParallel } from './explore-parallel.ts';

const FIXTURE_DIR = 'tests/fixtures/mini';
const ROUNDS = 7;
const WARMUP_PLAYTHROUGHS = 300;
const CALIBRATE_SECONDS = 0.25;
const TOTAL_ROUND_BUDGET_SECONDS = 40;
const EXPLORE_SEEDS = 20;
const EXPLORE_REPEAT_BELOW_SECONDS = 3;
const MAX_STEPS = 1000;

const started = performance.now();
let args;
try {
  args = parseArgs({ options: { dir: { type: 'string' } }, strict: true }).values;
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(2);
}
// Content paths are relative to the project root, wherever this is run from.
const contentDir = args.dir === undefined ? CONTENT_DIR : resolve(args.dir);
process.chdir(fileURLToPath(new URL('..', import.meta.url)));

type Content = 'scenarios' | 'fixture';

function emit(line: { name: string; value: number | string; unit: string } & Record<string, unknown>): void {
  console.log(JSON.stringify(line));
}

function note(message: string): void {
  console.error(`bench: ${message}`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const seconds = (from: number) => (performance.now() - from) / 1000;

// Results are folded into this so that no measured call can be optimised away.
let sink = 0;

// ---------------------------------------------------------------------------
// Content

function loadBench(): { bundle: ContentBundle; content: Content } {
  let problems: string[];
  try {
    const report = loadContent(readContentFiles(contentDir));
    if (report.bundle) return { bundle: report.bundle, content: 'scenarios' };
    problems = report.problems.map(formatProblem);
  } catch (error) {
    problems = [(error as Error).message];
  }
  note(`${contentDir}/ does not load (${problems.length} problem(s), first: ${problems[0]}); using the fixture ${FIXTURE_DIR}`);
  return { bundle: loadBundleOrExit(FIXTURE_DIR), content: 'fixture' };
}

// ---------------------------------------------------------------------------
// Engine

function enginePlaythroughs(c: CompiledScenario, machine: GameMachine, count: number): void {
  for (let seed = 1; seed <= count; seed++) {
    sink += runScenario(c, { seed, policy: 'random' }, machine).responses.length;
  }
}

interface TransitionCount {
  sent: number;
  eventless: number;
}

function counter(count: TransitionCount) {
  return (ev: InspectionEvent) => {
    // Both machines run a single actor (no children), so every event is sent to it.
    if (ev.type === '@xstate.event') {
      if (!ev.event.type.startsWith('xstate.')) count.sent++;
    } else if (ev.type === '@xstate.microstep') {
      for (const t of ev._transitions) if (t.eventType === '') count.eventless++;
    }
  };
}

/** runScenario's loop (random policy, no fixed choices), with an inspector attached. */
function countedPlaythrough(c: CompiledScenario, machine: GameMachine, seed: number, count: TransitionCount): RunResult {
  const policy = makePolicy('random', c, seed);
  const actor = createActor(machine, { input: { seed }, inspect: counter(count) });
  actor.start();
  for (let step = 0; step < MAX_STEPS; step++) {
    const snapshot = actor.getSnapshot();
    if (snapshot.status === 'done') {
      actor.stop();
      return resultOf(c, snapshot.context);
    }
    const events = enabledEvents(c, phaseOf(snapshot.value), snapshot.context);
    if (events.length === 0) throw new Error(`dead end in state "${String(snapshot.value)}" (seed ${seed})`);
    actor.send(policy.pick(events, snapshot.context));
  }
  throw new Error(`no ending after ${MAX_STEPS} steps (seed ${seed})`);
}

interface EngineCount {
  sent: number;
  eventless: number;
  /** Whether the inspected replay matched runScenario on every seed. */
  checked: boolean;
}

function countEngineTransitions(c: CompiledScenario, machine: GameMachine, seeds: number): EngineCount {
  const total: TransitionCount = { sent: 0, eventless: 0 };
  let checked = true;
  for (let seed = 1; seed <= seeds; seed++) {
    const count: TransitionCount = { sent: 0, eventless: 0 };
    const replay = countedPlaythrough(c, machine, seed, count);
    const inner = makePolicy('random', c, seed);
    let picks = 0;
    const policy: Policy = {
      pick(events, ctx): GameEvent {
        picks++;
        return inner.pick(events, ctx);
      },
    };
    const real = runScenario(c, { seed, policy }, machine);
    if (
      picks !== count.sent ||
      real.ending !== replay.ending ||
      JSON.stringify(real.responses) !== JSON.stringify(replay.responses) ||
      JSON.stringify(real.metrics) !== JSON.stringify(replay.metrics)
    ) {
      if (checked) note(`${c.scenario.id}: seed ${seed}: the counting replay differs from runScenario (${picks} picks, ${count.sent} sent)`);
      checked = false;
    }
    total.sent += count.sent;
    total.eventless += count.eventless;
  }
  return { sent: total.sent / seeds, eventless: total.eventless / seeds, checked };
}

// ---------------------------------------------------------------------------
// Bare XState machine with a given number of transitions

interface BareContext {
  seed: number;
  /** Sent events processed so far. */
  sent: number;
  /** Eventless transitions taken so far, and in the current batch. */
  eventless: number;
  batch: number;
}

type BareEvent = { type: 'step' };

function createBareMachine(sends: number, eventless: number) {
  // plan[i]: eventless transitions taken after the i-th sent event, spread evenly.
  const plan = Array.from(
    { length: sends },
    (_, i) => Math.floor(((i + 1) * eventless) / sends) - Math.floor((i * eventless) / sends),
  );
  return setup({
    types: {
      context: {} as BareContext,
      events: {} as BareEvent,
      input: {} as { seed: number },
    },
    guards: {
      // Evaluated before countSent: context.sent is the index of this event.
      isQuietAndLast: ({ context }) => plan[context.sent] === 0 && context.sent + 1 === sends,
      isQuiet: ({ context }) => plan[context.sent] === 0,
      // Evaluated in settling, after countSent: the batch belongs to sent - 1.
      endsBatchAndRun: ({ context }) => context.batch + 1 === plan[context.sent - 1] && context.sent === sends,
      endsBatch: ({ context }) => context.batch + 1 === plan[context.sent - 1],
    },
    actions: {
      countSent: assign(({ context }) => ({ sent: context.sent + 1, batch: 0 })),
      countEventless: assign(({ context }) => ({ eventless: context.eventless + 1, batch: context.batch + 1 })),
    },
  }).createMachine({
    id: 'bare',
    context: ({ input }) => ({ seed: input.seed, sent: 0, eventless: 0, batch: 0 }),
    initial: 'waiting',
    states: {
      waiting: {
        on: {
          step: [
            { guard: 'isQuietAndLast', target: 'done', actions: 'countSent' },
            { guard: 'isQuiet', actions: 'countSent' },
            { target: 'settling', actions: 'countSent' },
          ],
        },
      },
      settling: {
        always: [
          { guard: 'endsBatchAndRun', target: 'done', actions: 'countEventless' },
          { guard: 'endsBatch', target: 'waiting', actions: 'countEventless' },
          { actions: 'countEventless' },
        ],
      },
      done: { type: 'final' },
    },
  });
}

type BareMachine = ReturnType<typeof createBareMachine>;

/** Same shape as runScenario: create, start, look at the snapshot, send until done, stop. */
function runBare(machine: BareMachine, seed: number, inspect?: (ev: InspectionEvent) => void): number {
  const actor = createActor(machine, { input: { seed }, inspect });
  actor.start();
  for (let step = 0; step < MAX_STEPS; step++) {
    const snapshot = actor.getSnapshot();
    if (snapshot.status === 'done') {
      actor.stop();
      return snapshot.context.sent + snapshot.context.eventless;
    }
    actor.send({ type: 'step' });
  }
  throw new Error(`bare machine: not done after ${MAX_STEPS} steps`);
}

function barePlaythroughs(machine: BareMachine, count: number): void {
  for (let seed = 1; seed <= count; seed++) sink += runBare(machine, seed);
}

// ---------------------------------------------------------------------------

/** Run `batch(n)` untimed for warm-up, then timed; playthroughs per round of `roundSeconds`. */
function calibrate(batch: (count: number) => void, roundSeconds: number): number {
  batch(WARMUP_PLAYTHROUGHS);
  let done = 0;
  let chunk = 50;
  const t0 = performance.now();
  while (seconds(t0) < CALIBRATE_SECONDS) {
    batch(chunk);
    done += chunk;
    chunk = Math.min(chunk * 2, 2000);
  }
  const rate = done / seconds(t0);
  return Math.max(20, Math.round(rate * roundSeconds));
}

function timedRound(batch: (count: number) => void, count: number): number {
  const t0 = performance.now();
  batch(count);
  return count / seconds(t0);
}

async function benchScenario(bundle: ContentBundle, index: number, content: Content, roundSeconds: number): Promise<void> {
  const scenario = bundle.scenarios[index]!;
  const id = scenario.id;
  const c = compileScenario(scenario, bundle.shared);
  const machine = scenarioMachine(c);
  const engineBatch = (n: number) => enginePlaythroughs(c, machine, n);

  const engineSeeds = calibrate(engineBatch, roundSeconds);
  const count = countEngineTransitions(c, machine, engineSeeds);
  const sends = Math.max(1, Math.round(count.sent));
  const eventless = Math.round(count.eventless);
  emit({
    name: 'engine.transitions_per_playthrough',
    value: round(count.sent + count.eventless, 3),
    unit: 'transitions',
    scenario: id,
    content,
    sent_events: round(count.sent, 3),
    eventless_transitions: round(count.eventless, 3),
    seeds: engineSeeds,
    checked_against_runScenario: count.checked,
    bare_sent_events: sends,
    bare_eventless_transitions: eventless,
  });

  const bare = createBareMachine(sends, eventless);
  const bareCount: TransitionCount = { sent: 0, eventless: 0 };
  const bareTransitions = runBare(bare, 1, counter(bareCount));
  if (bareCount.sent !== sends || bareCount.eventless !== eventless || bareTransitions !== sends + eventless) {
    throw new Error(`bare machine took ${bareCount.sent} sent + ${bareCount.eventless} eventless transitions, expected ${sends} + ${eventless}`);
  }
  const bareBatch = (n: number) => barePlaythroughs(bare, n);
  const bareRuns = calibrate(bareBatch, roundSeconds);

  const engineRates: number[] = [];
  const bareRates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    engineRates.push(timedRound(engineBatch, engineSeeds));
    bareRates.push(timedRound(bareBatch, bareRuns));
  }
  const engineMedian = median(engineRates);
  const bareMedian = median(bareRates);
  const samples = (rates: number[]) => rates.map((r) => Math.round(r));

  emit({
    name: 'engine.playthroughs_per_second',
    value: Math.round(engineMedian),
    unit: 'playthroughs/s',
    scenario: id,
    content,
    policy: 'random',
    playthroughs_per_round: engineSeeds,
    samples: samples(engineRates),
  });
  emit({
    name: 'bare_xstate.playthroughs_per_second',
    value: Math.round(bareMedian),
    unit: 'playthroughs/s',
    scenario: id,
    content,
    transitions: sends + eventless,
    sent_events: bareCount.sent,
    eventless_transitions: bareCount.eventless,
    playthroughs_per_round: bareRuns,
    samples: samples(bareRates),
  });
  const ratio = engineMedian / bareMedian;
  emit({
    name: 'engine.throughput_ratio',
    value: round(ratio, 3),
    unit: 'ratio',
    scenario: id,
    content,
    goal: '>= 0.5',
    meets_goal: ratio >= 0.5,
    engine: Math.round(engineMedian),
    baseline: Math.round(bareMedian),
    paired_median: round(median(engineRates.map((e, i) => e / bareRates[i]!)), 3),
    samples: ROUNDS,
  });

  const times: number[] = [];
  let report;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    // On every core (workers split the seeds; the merged report equals a single-threaded run).
    report = await exploreInParallel({ dir: content === 'fixture' ? FIXTURE_DIR : contentDir, scenario: id, seeds: EXPLORE_SEEDS });
    times.push(seconds(t0));
    if (times[0]! >= EXPLORE_REPEAT_BELOW_SECONDS) break;
  }
  const wall = median(times);
  emit({
    name: 'explore.wall_time_s',
    value: round(wall, 3),
    unit: 's',
    scenario: id,
    content,
    goal: '<= 10',
    meets_goal: wall <= 10,
    seeds: EXPLORE_SEEDS,
    paths: report!.paths,
    exhaustive: report!.exhaustive,
    dead_ends: report!.deadEnds,
    samples: times.map((t) => round(t, 3)),
  });
}

function xstateVersion(): string {
  try {
    return (JSON.parse(readFileSync('node_modules/xstate/package.json', 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

const { bundle, content } = loadBench();
const scenarioCount = bundle.scenarios.length;
// Each scenario runs ROUNDS engine and ROUNDS bare rounds, plus calibration.
const roundSeconds = Math.min(0.5, Math.max(0.1, TOTAL_ROUND_BUDGET_SECONDS / (scenarioCount * 2 * ROUNDS)));
const failed: string[] = [];
for (let i = 0; i < scenarioCount; i++) {
  try {
    await benchScenario(bundle, i, content, roundSeconds);
  } catch (error) {
    // Not noise: the engine or the content broke. Report it, go on, exit 1.
    const id = bundle.scenarios[i]!.id;
    note(`${id}: ${(error as Error).stack ?? String(error)}`);
    failed.push(id);
  }
}

emit({
  name: 'bench.wall_time_s',
  value: round(seconds(started), 1),
  unit: 's',
  content,
  scenarios: bundle.scenarios.map((s) => s.id),
  failed,
  rounds: ROUNDS,
  round_seconds: round(roundSeconds, 3),
  node: process.version,
  xstate: xstateVersion(),
  cpus: availableParallelism(),
  checksum: sink,
});
if (failed.length) process.exitCode = 1;

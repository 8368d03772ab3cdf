// Walks a scenario's tree: every decision combination, K seeds each, and the
// event responses enumerated exhaustively where the tree is small, sampled
// otherwise. Uses XState's pure transition functions: no actors, no timers.
import { createActor, initialTransition, type ActorScope } from 'xstate';
import { scenarioMachine, type CompiledScenario, type GameEvent, type GameSnapshot } from './compile.ts';
import { enabledEvents, phaseOf } from './moves.ts';
import { METRIC_IDS } from './metric-ids.ts';
import type { MetricId } from './schema.ts';
import { nextInt, seedRandom, type RandomState } from './random.ts';

export interface ExploreOptions {
  seeds?: number;
  /** Target number of playthroughs: beyond it responses are sampled. Not a hard cap: every decision combination and seed still gets one sampled path. */
  pathBudget?: number;
  /**
   * Walk only these seeds of 1..seeds (for splitting the work across threads);
   * sampling is still sized for all `seeds`, so merged parts equal one whole run.
   */
  part?: { from: number; to: number };
}

export interface ExploreReport {
  scenario: string;
  paths: number;
  exhaustive: boolean;
  endings: Record<string, number>;
  metrics: Record<MetricId, { min: number; max: number }>;
  deadEnds: number;
  unreachableEndings: string[];
}

const DEFAULT_PATH_BUDGET = 12_000;

type Machine = ReturnType<typeof scenarioMachine>;
type Step = (snapshot: GameSnapshot, event: GameEvent) => GameSnapshot;

/**
 * A pure step: machine.transition with one inert actor scope reused for the
 * whole walk. xstate's transition() builds a fresh actor (and its initial
 * snapshot) on every call, which was most of the explorer's time; our machine
 * spawns no children and its actions are all assigns, so nothing is lost.
 */
function stepper(machine: Machine): (snapshot: GameSnapshot, event: GameEvent) => GameSnapshot {
  const self = createActor(machine, { input: { seed: 0 } });
  const scope = {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: () => {},
  } as unknown as ActorScope<GameSnapshot, GameEvent>;
  return (snapshot, event) => machine.transition(snapshot, event, scope) as GameSnapshot;
}

/** Every snapshot where all decisions are made and the first turn has begun. */
function decisionLeaves(c: CompiledScenario, step: Step, snapshot: GameSnapshot, out: GameSnapshot[], onDeadEnd: () => void) {
  if (phaseOf(snapshot.value) !== 'deciding') {
    out.push(snapshot);
    return;
  }
  const events = enabledEvents(c, 'deciding', snapshot.context);
  if (events.length === 0) onDeadEnd();
  for (const e of events) decisionLeaves(c, step, step(snapshot, e), out, onDeadEnd);
}

export function exploreScenario(c: CompiledScenario, options: ExploreOptions = {}): ExploreReport {
  const seeds = options.seeds ?? 20;
  const budget = options.pathBudget ?? DEFAULT_PATH_BUDGET;
  const machine = scenarioMachine(c);
  const step = stepper(machine);
  const endings: Record<string, number> = Object.fromEntries(c.scenario.endings.map((e) => [e.id, 0]));
  const metrics = Object.fromEntries(METRIC_IDS.map((m) => [m, { min: Infinity, max: -Infinity }])) as ExploreReport['metrics'];
  let paths = 0;
  let deadEnds = 0;
  const onDeadEnd = () => deadEnds++;

  const finish = (s: GameSnapshot) => {
    paths++;
    endings[s.context.ending!] = (endings[s.context.ending!] ?? 0) + 1;
    for (const m of METRIC_IDS) {
      const v = s.context.metrics[m];
      if (v < metrics[m].min) metrics[m].min = v;
      if (v > metrics[m].max) metrics[m].max = v;
    }
  };

  // Every response at every turn.
  const walkAll = (s: GameSnapshot) => {
    if (s.status === 'done') return finish(s);
    const events = enabledEvents(c, phaseOf(s.value), s.context);
    if (events.length === 0) return onDeadEnd();
    for (const e of events) walkAll(step(s, e));
  };
  // One random response at every turn, from a generator separate from the game's.
  const walkOne = (start: GameSnapshot, rng: RandomState): RandomState => {
    let s = start;
    for (;;) {
      if (s.status === 'done') {
        finish(s);
        return rng;
      }
      const events = enabledEvents(c, phaseOf(s.value), s.context);
      if (events.length === 0) {
        onDeadEnd();
        return rng;
      }
      const [i, next] = nextInt(rng, 0, events.length - 1);
      rng = next;
      s = step(s, events[i]!);
    }
  };

  const maxResponses = Math.max(1, ...c.events.map((e) => e.responses.length));
  const treePerStart = maxResponses ** c.turns;
  let exhaustive = true;
  let samplesPerStart = 1;

  const from = options.part?.from ?? 1;
  const to = options.part?.to ?? seeds;
  for (let seed = from; seed <= to; seed++) {
    const [initial] = initialTransition(machine, { seed });
    const started = step(initial, { type: 'briefing.start' });
    const leaves: GameSnapshot[] = [];
    decisionLeaves(c, step, started, leaves, onDeadEnd);
    // Decisions draw no random numbers: every seed has the same combinations.
    if (seed === from) {
      const starts = leaves.length * seeds;
      exhaustive = starts * treePerStart <= budget;
      samplesPerStart = Math.max(1, Math.floor(budget / Math.max(1, starts)));
    }
    let rng = seedRandom(seed * 7919);
    for (const leaf of leaves) {
      if (exhaustive) walkAll(leaf);
      else for (let k = 0; k < samplesPerStart; k++) rng = walkOne(leaf, rng);
    }
  }

  return {
    scenario: c.scenario.id,
    paths,
    exhaustive,
    endings,
    metrics,
    deadEnds,
    unreachableEndings: Object.entries(endings)
      .filter(([, n]) => n === 0)
      .map(([id]) => id),
  };
}

/**
 * Every valid combination of decisions, as the choices a player would make
 * (option ids per decision). Decisions draw no random numbers, so the list is
 * the same for every seed.
 */
export function decisionCombinations(c: CompiledScenario): Record<string, string[]>[] {
  const machine = scenarioMachine(c);
  const step = stepper(machine);
  const out: Record<string, string[]>[] = [];
  const visit = (s: GameSnapshot) => {
    if (phaseOf(s.value) !== 'deciding') {
      out.push(s.context.choices as Record<string, string[]>);
      return;
    }
    for (const e of enabledEvents(c, 'deciding', s.context)) visit(step(s, e));
  };
  const [initial] = initialTransition(machine, { seed: 0 });
  visit(step(initial, { type: 'briefing.start' }));
  return out;
}

/** Combine reports of parts of one exploration (see ExploreOptions.part) into the whole. */
export function mergeExploreReports(parts: readonly ExploreReport[]): ExploreReport {
  const [first, ...rest] = parts;
  if (!first) throw new Error('no reports to merge');
  const merged: ExploreReport = structuredClone(first);
  for (const r of rest) {
    merged.paths += r.paths;
    merged.deadEnds += r.deadEnds;
    merged.exhaustive = merged.exhaustive && r.exhaustive;
    for (const [id, n] of Object.entries(r.endings)) merged.endings[id] = (merged.endings[id] ?? 0) + n;
    for (const m of METRIC_IDS) {
      merged.metrics[m].min = Math.min(merged.metrics[m].min, r.metrics[m].min);
      merged.metrics[m].max = Math.max(merged.metrics[m].max, r.metrics[m].max);
    }
  }
  merged.unreachableEndings = Object.entries(merged.endings)
    .filter(([, n]) => n === 0)
    .map(([id]) => id);
  return merged;
}

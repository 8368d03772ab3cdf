// Model-based tests: xstate/graph walks every compiled scenario's state graph
// and checks that no state is a dead end, that the graph has no cycle and
// every state without a move is final (so every path reaches a final state),
// and that every ending is reachable.
//
// What is walked, per scenario:
// - Decisions, for each of SEEDS: every combination of the named selections
//   (single choices: all; multi-select: none, each option alone, the
//   historical set, every set the budget and maximum allow that no other
//   option can be added to, and the full set when valid — deduplicated), each
//   up to the first turn's drawn event: 750–2,000 combinations per scenario.
// - Responses, completely (every response offered at every turn, to the end),
//   under a bounded set of those combinations: under all of them it would be
//   0.2–0.8 million states per scenario and seed (2.7 million per seed in
//   all), far beyond a unit test. The bound: every single-choice combination
//   with each multi-select decision at none or at its historical set, and
//   every other named multi-select selection once, with the first
//   single-choice combination that allows it — 85–105 combinations per real
//   scenario — each under one seed, taking SEEDS in turn. About 220,000
//   states in all, decisions included.
// - Every valid decision combination, named or not, is also played to the end
//   under each seed, with sampled responses, by exploreScenario in "reaches
//   every ending", which counts dead ends too.
import { describe, expect, it } from 'vitest';
import { setup, type AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, type AdjacencyMap } from 'xstate/graph';
import {
  exploreScenario,
  scenarioMachine,
  enabledEvents,
  isOptionAvailable,
  phaseOf,
  compileScenario,
  validSelections,
  type CompiledScenario,
  type GameContext,
  type GameEvent,
  type GameSnapshot,
} from '../../src/engine/index.ts';
import type { Decision } from '../../src/engine/schema.ts';
import { fixtureContent, realContent } from '../support/content.ts';

const SEEDS = [1, 2, 3];
const EXPLORE_SEEDS = 12;

/**
 * The selections of a decision to traverse, in the order of its available
 * options. Single choice: every available option. Multi-select: none, each
 * option alone, the historical set, every maximal set and the full set, each
 * only when it is a valid choice here, and each once.
 */
function namedSelections(c: CompiledScenario, ctx: GameContext, decision: Decision): string[][] {
  const valid = validSelections(c, ctx, decision);
  if (!decision.multi) return valid;
  const available = decision.options.filter((o) => isOptionAvailable(o, ctx)).map((o) => o.id);
  const key = (set: readonly string[]) => available.filter((o) => set.includes(o)).join(' ');
  const validKeys = new Set(valid.map(key));
  const named = new Map<string, string[]>();
  const name = (set: readonly string[]) => {
    const k = key(set);
    if (set.every((o) => available.includes(o)) && validKeys.has(k) && !named.has(k)) named.set(k, available.filter((o) => set.includes(o)));
  };
  name([]);
  for (const o of available) name([o]);
  const historical = c.scenario.historical.choices[decision.id]?.options;
  if (Array.isArray(historical)) name(historical);
  for (const set of valid) if (available.every((o) => set.includes(o) || !validKeys.has(key([...set, o])))) name(set);
  name(available);
  return [...named.values()];
}

function events(c: CompiledScenario) {
  return (s: GameSnapshot): GameEvent[] => {
    const phase = phaseOf(s.value);
    if (phase !== 'deciding') return enabledEvents(c, phase, s.context);
    const decision = c.decisions[s.context.decisionIndex];
    if (!decision) return [];
    return namedSelections(c, s.context, decision).map((options) => ({ type: 'decision.choose', decision: decision.id, options }));
  };
}

// The ledger is history; everything that shapes the future is in the rest.
// Memoised per snapshot: the walk and the checks both serialise every state.
const serialized = new WeakMap<GameSnapshot, string>();
function serializeGame(s: GameSnapshot): string {
  let key = serialized.get(s);
  if (key === undefined) serialized.set(s, (key = JSON.stringify([s.value, { ...s.context, ledger: s.context.ledger.length }])));
  return key;
}

interface GraphReport {
  states: number;
  finals: number;
  /** Non-final states with no move, other than where the walk was told to stop. */
  deadEnds: string[];
  /** Final states that still offer a move. */
  movingFinals: string[];
  /** A state reached again from itself. */
  cycles: string[];
  /** Transitions to a state missing from the map (the walk was cut short). */
  missing: string[];
}

/** An adjacency map read as plain records. */
type Graph<S> = Record<string, { state: S; transitions: Record<string, { state: S }> }>;

/** xstate/graph brands the map's keys as serialized states and events; the checks need only strings. */
function graphOf<S, E>(map: AdjacencyMap<S, E>): Graph<S> {
  return map as unknown as Graph<S>;
}

/**
 * Checks one adjacency map: acyclic (depth-first, three colours), every state
 * without a move final (or a place the walk stopped on purpose), every final
 * state without a move. With these, every path from the start ends in a final
 * state or a stop.
 */
function checkGraph<S extends AnyMachineSnapshot>(
  adjacency: Graph<S>,
  serialize: (s: S) => string,
  stoppedAt: (s: S) => boolean = () => false,
): GraphReport {
  const report: GraphReport = { states: 0, finals: 0, deadEnds: [], movingFinals: [], cycles: [], missing: [] };
  const next = new Map<string, string[]>();
  for (const [key, { state, transitions }] of Object.entries(adjacency)) {
    report.states++;
    const targets = Object.values(transitions).map((t) => serialize(t.state));
    next.set(key, targets);
    for (const t of targets) if (!(t in adjacency)) report.missing.push(t);
    const done = state.status === 'done';
    if (done) report.finals++;
    if (done && targets.length > 0) report.movingFinals.push(key);
    if (!done && targets.length === 0 && !stoppedAt(state)) report.deadEnds.push(key);
  }
  const colour = new Map<string, 'open' | 'closed'>();
  for (const root of next.keys()) {
    if (colour.has(root)) continue;
    const stack: { key: string; i: number }[] = [{ key: root, i: 0 }];
    colour.set(root, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const targets = next.get(top.key) ?? [];
      if (top.i === targets.length) {
        colour.set(top.key, 'closed');
        stack.pop();
        continue;
      }
      const t = targets[top.i++]!;
      const seen = colour.get(t);
      if (seen === 'open') report.cycles.push(t);
      else if (seen === undefined && next.has(t)) {
        colour.set(t, 'open');
        stack.push({ key: t, i: 0 });
      }
    }
  }
  return report;
}

const turnBegun = (s: GameSnapshot) => s.value !== 'briefing' && s.value !== 'deciding';

interface ScenarioWalk {
  /** Named decision combinations walked to the first turn, per seed. */
  decisionCombinations: number[];
  responseTrees: number;
  states: number;
  finals: number;
  reached: Set<string>;
  deadEnds: string[];
  movingFinals: string[];
  cycles: string[];
  missing: string[];
  /** Single-choice combinations and multi-select selections whose responses were never walked (the bound says none). */
  unwalked: string[];
}

function traverse(c: CompiledScenario): ScenarioWalk {
  const machine = scenarioMachine(c);
  const walk: ScenarioWalk = { decisionCombinations: [], responseTrees: 0, states: 0, finals: 0, reached: new Set(), deadEnds: [], movingFinals: [], cycles: [], missing: [], unwalked: [] };
  const record = (report: GraphReport, at: string, adjacency: Graph<GameSnapshot>) => {
    walk.states += report.states;
    walk.finals += report.finals;
    walk.deadEnds.push(...report.deadEnds.map((k) => `${at}: ${where(adjacency[k]!.state)}`));
    walk.movingFinals.push(...report.movingFinals.map((k) => `${at}: ${where(adjacency[k]!.state)}`));
    walk.cycles.push(...report.cycles.map((k) => `${at}: ${k.slice(0, 200)}`));
    walk.missing.push(...report.missing.map((k) => `${at}: ${k.slice(0, 200)}`));
    for (const { state } of Object.values(adjacency)) if (state.status === 'done') walk.reached.add(state.context.ending!);
  };
  const multi = c.decisions.filter((d) => d.multi);
  const baseline = (s: GameSnapshot) =>
    multi.every((d) => {
      const chosen = s.context.choices[d.id] ?? [];
      const historical = c.scenario.historical.choices[d.id]?.options;
      return chosen.length === 0 || (Array.isArray(historical) && chosen.length === historical.length && chosen.every((o) => historical.includes(o)));
    });

  const single = c.decisions.filter((d) => !d.multi);
  const singles = (s: GameSnapshot) => JSON.stringify(single.map((d) => s.context.choices[d.id]));
  const selections = (s: GameSnapshot) => JSON.stringify(multi.map((d) => s.context.choices[d.id]));
  const named = new Set<string>();
  const walked = new Set<string>();

  for (const seed of SEEDS) {
    const decisions = graphOf(getAdjacencyMap(machine, { input: { seed }, events: events(c), serializeState: serializeGame, stopWhen: turnBegun, limit: 200_000 }));
    record(checkGraph(decisions, serializeGame, turnBegun), `seed ${seed}, decisions`, decisions);
    const leaves = Object.values(decisions)
      .map((v) => v.state)
      .filter(turnBegun);
    walk.decisionCombinations.push(leaves.length);
    // The covering leaves, numbered in the order they appear (the same under every seed); each is walked under one seed.
    const others = new Set<string>();
    let covering = 0;
    for (const leaf of leaves) {
      named.add(`single ${singles(leaf)}`).add(`multi ${selections(leaf)}`);
      if (!baseline(leaf)) {
        // Another multi-select selection: only with the first single-choice combination that allows it.
        if (others.has(selections(leaf))) continue;
        others.add(selections(leaf));
      }
      if (SEEDS[covering++ % SEEDS.length] !== seed) continue;
      walked.add(`single ${singles(leaf)}`).add(`multi ${selections(leaf)}`);
      const responses = graphOf(getAdjacencyMap(machine, { fromState: leaf, events: events(c), serializeState: serializeGame, limit: 200_000 }));
      walk.responseTrees++;
      record(checkGraph(responses, serializeGame), `seed ${seed}, ${JSON.stringify(leaf.context.choices)}`, responses);
    }
  }
  walk.unwalked = [...named].filter((k) => !walked.has(k));
  return walk;
}

function where(s: GameSnapshot): string {
  return `${JSON.stringify(s.value)} at turn ${s.context.turn}${s.context.currentEvent ? ` (event ${s.context.currentEvent})` : ''}`;
}

function scenarioCases() {
  const real = realContent();
  const fixture = fixtureContent();
  return [
    ...real.scenarios.map((s) => ({ name: s.id, compiled: compileScenario(s, real.shared) })),
    { name: 'fixture:mini', compiled: compileScenario(fixture.scenarios[0]!, fixture.shared) },
  ];
}

describe.each(scenarioCases())('state graph of $name', ({ compiled }) => {
  const result = traverse(compiled);

  it('has no dead end: every non-final state offers a move', { timeout: 120_000 }, () => {
    expect(result.deadEnds).toEqual([]);
    expect(result.states).toBeGreaterThan(compiled.decisions.length + compiled.scenario.turns);
  });

  it('reaches a final state on every path: no cycle, every state without a move is final', { timeout: 120_000 }, () => {
    expect(result.cycles).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.deadEnds).toEqual([]);
    expect(result.movingFinals).toEqual([]);
    // Decisions draw no random numbers: every seed reaches the same named combinations.
    expect(result.decisionCombinations).toHaveLength(SEEDS.length);
    expect(new Set(result.decisionCombinations).size).toBe(1);
    expect(result.decisionCombinations[0]).toBeGreaterThan(0);
    // The bound holds: every single-choice combination and every named selection had its responses walked.
    expect(result.unwalked).toEqual([]);
    expect(result.finals).toBeGreaterThanOrEqual(result.responseTrees);
  });

  it('reaches every ending (graph, plus explore over every decision combination)', { timeout: 120_000 }, () => {
    // One deck per session, and cards with a version for every team: an ending that needs one card's
    // answer comes up in fewer seeds, so the search over every combination plays more of them.
    const explored = exploreScenario(compiled, { seeds: EXPLORE_SEEDS });
    expect(explored.deadEnds).toBe(0);
    const reached = new Set([...result.reached, ...Object.keys(explored.endings).filter((id) => explored.endings[id]! > 0)]);
    expect([...reached].sort()).toEqual(compiled.scenario.endings.map((e) => e.id).sort());
  });
});

// The checks above can fail: a graph with a cycle and a state with no move,
// and the fixture broken so that one named selection leads to a dead end.
describe('the graph checks themselves', () => {
  it('find a cycle and a non-final state with no move', () => {
    const machine = setup({ types: { events: {} as { type: 'go' } | { type: 'back' } | { type: 'finish' } } }).createMachine({
      initial: 'a',
      states: {
        a: { on: { go: 'b', finish: 'end' } },
        b: { on: { back: 'a', go: 'stuck' } },
        stuck: {},
        end: { type: 'final' },
      },
    });
    const serialize = (s: AnyMachineSnapshot) => JSON.stringify(s.value);
    const all = [{ type: 'go' }, { type: 'back' }, { type: 'finish' }] as const;
    // Only the events a state handles, as enabledEvents gives for the game (an unhandled one would be a self-loop).
    const adjacency = graphOf(getAdjacencyMap(machine, { events: (s) => all.filter((e) => s.can(e)), serializeState: serialize }));
    const report = checkGraph(adjacency, serialize);
    expect(report.cycles).toEqual(['"a"']);
    expect(report.deadEnds).toEqual(['"stuck"']);
    expect([report.states, report.finals, report.movingFinals, report.missing]).toEqual([4, 1, [], []]);
  });

  it('find a dead end that only a named multi-select selection other than none and the historical one reaches', () => {
    const fixture = fixtureContent();
    const broken = structuredClone(fixture.scenarios[0]!);
    // With an oversight office, "ports" offers no response once drawn: eligibility is checked before
    // the drawn event counts as seen. The historical set (publish) and none do not include the office.
    for (const r of broken.events.find((e) => e.id === 'ports')!.responses) {
      r.when = { kind: 'any', any: [{ kind: 'not', not: { kind: 'seen', seen: 'ports' } }, { kind: 'not', not: { kind: 'tag', tag: 'safeguard:oversight-office' } }] };
    }
    const result = traverse(compileScenario(broken, fixture.shared));
    expect(result.deadEnds.length).toBeGreaterThan(0);
    for (const d of result.deadEnds) expect(d).toMatch(/"safeguards":\[[^\]]*"office"[^\]]*\].*"awaitingResponse" at turn \d \(event ports\)$/);
    expect(result.cycles).toEqual([]);
  });
});

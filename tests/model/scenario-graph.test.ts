// Model-based tests: xstate/graph walks every compiled scenario's state graph
// (all responses on every turn, for several seeds and a broad set of decision
// combinations) and checks that every ending is reachable, no state is a dead
// end, and every path reaches a final state.
import { describe, expect, it } from 'vitest';
import { getAdjacencyMap } from 'xstate/graph';
import {
  exploreScenario,
  compileScenario,
  enabledEvents,
  phaseOf,
  prepareScenario,
  validSelections,
  type CompiledScenario,
  type GameContext,
  type GameEvent,
  type GameSnapshot,
} from '../../src/engine/index.ts';
import { fixtureContent, realContent } from '../support/content.ts';

const SEEDS = [1];

/**
 * Decision combinations to traverse. Single choices: all. Multi-select: none,
 * each one alone, the historical set, every set the budget allows that no
 * other option can be added to, and the full valid set. The response tree
 * under each is traversed completely.
 */
function decisionEvents(c: CompiledScenario, ctx: GameContext): GameEvent[] {
  const decision = c.decisions[ctx.decisionIndex]!;
  const all = validSelections(c, ctx, decision);
  if (!decision.multi) return all.map((options) => ({ type: 'decision.choose', decision: decision.id, options }));
  const historical = c.scenario.historical.choices[decision.id]?.options;
  const keep = all.filter((set) => {
    if (set.length === 0) return true;
    return Array.isArray(historical) && set.length === historical.length && set.every((o) => historical.includes(o));
  });
  return keep.map((options) => ({ type: 'decision.choose', decision: decision.id, options }));
}

function events(c: CompiledScenario) {
  return (s: GameSnapshot): GameEvent[] => {
    const phase = phaseOf(s.value);
    return phase === 'deciding' ? decisionEvents(c, s.context) : enabledEvents(c, phase, s.context);
  };
}

function traverse(c: CompiledScenario) {
  const machine = compileScenario(c);
  const reached = new Set<string>();
  let states = 0;
  let finals = 0;
  const deadEnds: string[] = [];
  for (const seed of SEEDS) {
    const adjacency = getAdjacencyMap(machine, {
      input: { seed },
      events: events(c),
      // The ledger is history; everything that shapes the future is in the rest.
      serializeState: (s) => JSON.stringify([s.value, { ...s.context, ledger: s.context.ledger.length }]),
      limit: 2_000_000,
    });
    for (const { state, transitions } of Object.values(adjacency)) {
      states++;
      if (state.status === 'done') {
        finals++;
        reached.add(state.context.ending!);
        expect(Object.keys(transitions)).toHaveLength(0);
      } else if (Object.keys(transitions).length === 0) {
        deadEnds.push(`seed ${seed}: ${JSON.stringify(state.value)} at turn ${state.context.turn}`);
      }
    }
  }
  return { reached, states, finals, deadEnds };
}

function scenarioCases() {
  const real = realContent();
  const fixture = fixtureContent();
  return [
    ...real.scenarios.map((s) => ({ name: s.id, compiled: prepareScenario(s, real.shared) })),
    { name: 'fixture:mini', compiled: prepareScenario(fixture.scenarios[0]!, fixture.shared) },
  ];
}

describe.each(scenarioCases())('state graph of $name', ({ compiled }) => {
  const result = traverse(compiled);

  it('has no dead end: every non-final state offers a move', { timeout: 120_000 }, () => {
    expect(result.deadEnds).toEqual([]);
    expect(result.states).toBeGreaterThan(compiled.decisions.length + compiled.scenario.turns);
  });

  it('reaches a final state on every path', { timeout: 120_000 }, () => {
    // The machine is acyclic (each turn advances the turn counter), so with no
    // dead ends every path ends in a final state; there must be many of them.
    expect(result.finals).toBeGreaterThan(0);
  });

  it('reaches every ending (graph, plus explore over every decision combination)', { timeout: 120_000 }, () => {
    const explored = exploreScenario(compiled, { seeds: 5 });
    expect(explored.deadEnds).toBe(0);
    const reached = new Set([...result.reached, ...Object.keys(explored.endings).filter((id) => explored.endings[id]! > 0)]);
    expect([...reached].sort()).toEqual(compiled.scenario.endings.map((e) => e.id).sort());
  });
});

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { realContent } from '../../tests/support/content.ts';
import { choiceProblem, scenarioMachine, compileScenario, type GameContext } from './compile.ts';
import { enabledEvents, validSelections } from './moves.ts';
import { makePolicy } from './policies.ts';
import type { Decision } from './schema.ts';

/** The definition: every subset of the options that choiceProblem accepts. */
function bruteForce(c: ReturnType<typeof compileScenario>, ctx: GameContext, decision: Decision): string[][] {
  const ids = decision.options.map((o) => o.id);
  const out: string[][] = [];
  for (let mask = 0; mask < 1 << ids.length; mask++) {
    const pick = ids.filter((_, i) => mask & (1 << i));
    if (choiceProblem(c, ctx, decision.id, pick) === null) out.push(pick);
  }
  return out;
}

const sorted = (xs: string[][]) => xs.map((x) => x.join('+')).sort();

describe('validSelections', () => {
  const bundle = realContent();
  for (const scenario of bundle.scenarios) {
    it(`${scenario.id}: equals the brute-force set of valid choices at every decision, along random paths`, { timeout: 60_000 }, () => {
      const c = compileScenario(scenario, bundle.shared);
      const machine = scenarioMachine(c);
      let checked = 0;
      for (let seed = 1; seed <= 6; seed++) {
        const actor = createActor(machine, { input: { seed } });
        actor.start();
        actor.send({ type: 'briefing.start' });
        const policy = makePolicy('random', c, seed);
        while (actor.getSnapshot().value === 'deciding') {
          const ctx = actor.getSnapshot().context;
          const decision = c.decisions[ctx.decisionIndex]!;
          const fast = validSelections(c, ctx, decision);
          expect(sorted(fast)).toEqual(sorted(bruteForce(c, ctx, decision)));
          // Cached results are shared, so they must be immutable.
          if (fast[0]) expect(Object.isFrozen(fast[0]) || !decision.multi).toBe(true);
          checked++;
          actor.send(policy.pick(enabledEvents(c, 'deciding', ctx), ctx));
        }
      }
      expect(checked).toBeGreaterThanOrEqual(6 * c.decisions.length);
    });
  }
});

describe('exploreScenario in parts', () => {
  it('gives, merged, exactly the report of one whole run', { timeout: 60_000 }, async () => {
    const { exploreScenario, mergeExploreReports } = await import('./explore.ts');
    const bundle = realContent();
    const c = compileScenario(bundle.scenarios[0]!, bundle.shared);
    const whole = exploreScenario(c, { seeds: 4 });
    const parts = [
      exploreScenario(c, { seeds: 4, part: { from: 1, to: 1 } }),
      exploreScenario(c, { seeds: 4, part: { from: 2, to: 4 } }),
    ];
    expect(parts[0]!.paths).toBeLessThan(whole.paths);
    expect(mergeExploreReports(parts)).toEqual(whole);
  });
});

// How the headless runner decides when a choice is not fixed: at random (from
// the game's own seeded generator), the first available move, or what the
// real government did according to the sources.
import type { CompiledScenario, GameContext, GameEvent } from './compile.ts';
import { historicalOptions } from './history.ts';
import { nextInt, seedRandom, type RandomState } from './random.ts';

export const POLICY_NAMES = ['random', 'first', 'historical'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

export interface Policy {
  /** Pick one of the enabled events (never empty). */
  pick(events: readonly GameEvent[], ctx: GameContext): GameEvent;
}

/**
 * The random policy has its own generator, seeded from the game's seed, so the
 * player's random choices never shift which events the game draws.
 */
export function randomPolicy(seed: number): Policy {
  let state: RandomState = seedRandom(seed ^ 0x5eed);
  return {
    pick(events) {
      const [i, next] = nextInt(state, 0, events.length - 1);
      state = next;
      return events[i]!;
    },
  };
}

export const firstPolicy: Policy = { pick: (events) => events[0]! };

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * The historical path: the options and responses `historical` names (whether
 * documented or stand-ins); for anything it does not name, `fallback`.
 */
export function historicalPolicy(c: CompiledScenario, fallback: Policy): Policy {
  const h = c.scenario.historical;
  return {
    pick(events, ctx) {
      const first = events[0]!;
      if (first.type === 'decision.choose') {
        const want = Object.hasOwn(h.choices, first.decision) ? h.choices[first.decision] : undefined;
        if (want !== undefined) {
          const options = historicalOptions(want.options);
          const match = events.find((e) => e.type === 'decision.choose' && sameSet(e.options, options));
          if (match) return match;
        }
      } else if (first.type === 'event.respond' && ctx.currentEvent !== null) {
        const want = Object.hasOwn(h.responses, ctx.currentEvent) ? h.responses[ctx.currentEvent]!.response : undefined;
        const match = events.find((e) => e.type === 'event.respond' && e.response === want);
        if (match) return match;
      }
      return fallback.pick(events, ctx);
    },
  };
}

export function makePolicy(name: PolicyName, c: CompiledScenario, seed: number): Policy {
  if (name === 'first') return firstPolicy;
  if (name === 'historical') return historicalPolicy(c, randomPolicy(seed));
  return randomPolicy(seed);
}

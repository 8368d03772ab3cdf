// What the player may do next, derived from a snapshot. One source of truth
// for the UI, the policies, the explorer and the model-based tests.
import {
  isOptionAvailable,
  isResponseOffered,
  type CompiledScenario,
  type GameContext,
  type GameEvent,
} from './compile.ts';
import type { Decision } from './schema.ts';
import { currentCard } from './variants.ts';

export type Phase = 'briefing' | 'deciding' | 'awaitingResponse' | 'quietTurn' | 'ended';

export function phaseOf(value: unknown): Phase {
  return value as Phase;
}

const selectionCache = new WeakMap<CompiledScenario, Map<string, string[][]>>();

/**
 * Every subset of a multi-select decision's available options that is a valid
 * choice, in ascending bitmask order over the available options. Subsets over
 * the budget or the maximum are pruned while enumerating, and the result is
 * cached per set of available options: this runs at every decision of every
 * playthrough that the explorer and the policies drive.
 */
export function validSelections(c: CompiledScenario, ctx: GameContext, decision: Decision): string[][] {
  const available = decision.options.filter((o) => isOptionAvailable(o, ctx));
  if (!decision.multi) return available.map((o) => [o.id]);
  let cache = selectionCache.get(c);
  if (!cache) selectionCache.set(c, (cache = new Map()));
  const key = `${decision.id}\u0000${available.map((o) => o.id).join('\u0000')}`;
  const hit = cache.get(key);
  if (hit) return hit;

  const max = decision.max ?? decision.options.length;
  const budget = decision.budget ?? Infinity;
  const result: string[][] = [];
  const picked: number[] = [];
  // Deciding the highest index first, leaving it out before taking it, yields
  // the subsets in ascending bitmask order.
  const visit = (index: number, cost: number) => {
    if (index < 0) {
      if (picked.length >= decision.min) result.push(Object.freeze(picked.map((i) => available[i]!.id).reverse()) as string[]);
      return;
    }
    visit(index - 1, cost);
    const next = cost + available[index]!.cost;
    if (picked.length < max && next <= budget + 1e-9) {
      picked.push(index);
      visit(index - 1, next);
      picked.pop();
    }
  };
  visit(available.length - 1, 0);
  cache.set(key, result);
  return result;
}

export function enabledEvents(c: CompiledScenario, phase: Phase, ctx: GameContext): GameEvent[] {
  switch (phase) {
    case 'briefing':
      return [{ type: 'briefing.start' }];
    case 'deciding': {
      const decision = c.decisions[ctx.decisionIndex];
      if (!decision) return [];
      return validSelections(c, ctx, decision).map((options) => ({
        type: 'decision.choose',
        decision: decision.id,
        options,
      }));
    }
    case 'awaitingResponse': {
      const event = currentCard(c, ctx);
      if (!event) return [];
      return event.responses
        .filter((r) => isResponseOffered(c, ctx, r.id))
        .map((r) => ({ type: 'event.respond', response: r.id }));
    }
    case 'quietTurn':
      return [{ type: 'turn.continue' }];
    case 'ended':
      return [];
  }
}

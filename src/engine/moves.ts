// What the player may do next, derived from a snapshot. One source of truth
// for the UI, the policies, the explorer and the model-based tests.
import {
  choiceProblem,
  isOptionAvailable,
  isResponseOffered,
  type CompiledScenario,
  type GameContext,
  type GameEvent,
} from './compile.ts';
import type { Decision } from './schema.ts';

export type Phase = 'briefing' | 'deciding' | 'awaitingResponse' | 'quietTurn' | 'ended';

export function phaseOf(value: unknown): Phase {
  return value as Phase;
}

/** Every subset of a multi-select decision's available options that is a valid choice. */
export function validSelections(c: CompiledScenario, ctx: GameContext, decision: Decision): string[][] {
  const available = decision.options.filter((o) => isOptionAvailable(o, ctx)).map((o) => o.id);
  if (!decision.multi) return available.map((id) => [id]);
  const result: string[][] = [];
  const total = 1 << available.length;
  for (let mask = 0; mask < total; mask++) {
    const pick: string[] = [];
    for (let i = 0; i < available.length; i++) if (mask & (1 << i)) pick.push(available[i]!);
    if (choiceProblem(c, ctx, decision.id, pick) === null) result.push(pick);
  }
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
      const event = ctx.currentEvent === null ? undefined : c.eventById.get(ctx.currentEvent);
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

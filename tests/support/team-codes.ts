// A team's game played in Node, move by move (the k-th enabled move each
// time), and its result code: for tests that need many teams without
// clicking through the page.
import { createActor } from 'xstate';
import { WORKSHOP_DECK, compileScenario, enabledEvents, phaseOf, scenarioMachine, type ContentBundle, type GameEvent } from '../../src/engine/index.ts';
import type { Answers, SessionSettings } from '../../src/app/codes.ts';
import { resultCodeFor } from '../../src/app/results.ts';

export function playEvents(bundle: ContentBundle, scenarioId: string, seed: number, pick: (step: number, n: number) => number): GameEvent[] {
  const scenario = bundle.scenarios.find((s) => s.id === scenarioId)!;
  const c = compileScenario(scenario, bundle.shared, 'full', WORKSHOP_DECK);
  const actor = createActor(scenarioMachine(c), { input: { seed } });
  actor.start();
  const events: GameEvent[] = [];
  for (let step = 0; actor.getSnapshot().status !== 'done' && step < 200; step++) {
    const enabled = enabledEvents(c, phaseOf(actor.getSnapshot().value), actor.getSnapshot().context);
    const e = enabled[pick(step, enabled.length) % enabled.length]!;
    actor.send(e);
    events.push(e);
  }
  actor.stop();
  return events;
}

export function teamCode(
  bundle: ContentBundle,
  session: SessionSettings,
  scenarioId: string,
  pick: (step: number, n: number) => number,
  extra: { players?: number; knowledge?: Answers } = {},
): string {
  const scenario = bundle.scenarios.find((s) => s.id === scenarioId)!;
  const c = compileScenario(scenario, bundle.shared, 'full', WORKSHOP_DECK);
  return resultCodeFor(c, session, playEvents(bundle, scenarioId, session.seed, pick), extra);
}

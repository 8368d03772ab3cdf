// Workshop teams with known strategies, played in Node and handed in as
// result codes, for the comparison's tests and screenshots.
import { createActor } from 'xstate';
import { resultCodeFor, type TeamResult } from '../../src/app/results.ts';
import { importResultCode } from '../../src/app/result-replay.ts';
import { WORKSHOP_DECK, compileScenario, enabledEvents, phaseOf, scenarioMachine, type CompiledScenario, type GameEvent } from '../../src/engine/index.ts';
import { realContent } from './content.ts';

const bundle = realContent();
const ids = bundle.scenarios.map((s) => s.id).sort();
export const compiled = (id: string) => compileScenario(bundle.scenarios.find((s) => s.id === id)!, bundle.shared, 'full', WORKSHOP_DECK);

/** Play with fixed choices (the rest as the real path took them) and, for each card, the response at `pick` among those offered (or the real path's). */
export function play(c: CompiledScenario, seed: number, choices: Record<string, string[]>, pick: number | 'historical'): GameEvent[] {
  const actor = createActor(scenarioMachine(c), { input: { seed } });
  actor.start();
  const events: GameEvent[] = [];
  const h = c.scenario.historical;
  while (actor.getSnapshot().status !== 'done') {
    const s = actor.getSnapshot();
    const offered = enabledEvents(c, phaseOf(s.value), s.context);
    const first = offered[0]!;
    let e: GameEvent = first;
    if (first.type === 'decision.choose') {
      const want = choices[first.decision] ?? [h.choices[first.decision]!.options].flat();
      e = { type: 'decision.choose', decision: first.decision, options: want };
    } else if (first.type === 'event.respond') {
      const real = h.responses[s.context.currentEvent!]?.response;
      const chosen = pick === 'historical' ? offered.find((x) => x.type === 'event.respond' && x.response === real) : offered[pick % offered.length];
      e = chosen ?? first;
    }
    events.push(e);
    actor.send(e);
  }
  return events;
}

export function team(c: CompiledScenario, name: string, seed: number, choices: Record<string, string[]>, pick: number | 'historical', extra: Parameters<typeof resultCodeFor>[3] = {}): TeamResult {
  const session = { scenarioIndex: ids.indexOf(c.scenario.id), seed, knowledgeCheck: extra.knowledge !== undefined, timerMinutes: 0 };
  const code = resultCodeFor(c, session, play(c, seed, choices, pick), extra);
  return importResultCode(code, name, ids, () => bundle);
}

/** The four-team session of the report: cameras-on-credit, seed 3. */
export function fourTeams(seed = 3) {
  const c = compiled('cameras-on-credit');
  const results = [
    team(c, 'Max safeguards', seed, { safeguards: ['publish-contract', 'data-localisation', 'local-key-custody'], 'patrol-buses': ['buses-fr-off'] }, 1),
    team(c, 'Cheapest loan', seed, { financing: ['gas-backed-loan'], safeguards: [] }, 0),
    team(c, 'No Chinese vendor', seed, { vendor: ['domestic-integrator'], financing: ['partner-loan'], safeguards: ['enforce-data-law'] }, 2),
    team(c, 'Real path', seed, {}, 'historical'),
  ];
  return { c, results };
}


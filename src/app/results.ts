// Workshop results: what a team hands in (a code or a file). A team's side —
// its moves as a code — is here, in the first bundle; how the facilitator's
// screen turns a code back into an outcome (by replaying the moves through
// the engine, never by trusting a claimed ending) is result-replay.ts, loaded
// with the facilitator's desk.
import { createActor } from 'xstate';
import { scenarioMachine, enabledEvents, phaseOf, type CompiledScenario, type GameEvent, type GameSnapshot, type totalsByCause } from '../engine/index.ts';
import { encodeResult, type Answers, type MoveShape, type SessionSettings } from './codes.ts';

export const RESULT_FILE_VERSION = 1;
export const MAX_RESULT_FILE_BYTES = 256 * 1024;
export const MAX_TEAM_NAME = 40;

/** A result file as a team saves it (checked by result-replay.ts when the facilitator opens it). */
export interface ResultFile {
  format: 'safe-city-result';
  version: typeof RESULT_FILE_VERSION;
  team: string;
  code: string;
  scenario: string;
  knowledge?: Answers;
}

export function shapeOf(c: CompiledScenario): MoveShape {
  return {
    decisions: c.decisions.map((d) => ({ options: d.options.map((o) => o.id), multi: d.multi })),
    questions: c.scenario.knowledgeCheck.map((q) => ({ id: q.id, choices: q.choices.map((x) => x.id) })),
  };
}

/** Turn a played session's events into result moves (response positions among those offered). */
export function movesOfEvents(c: CompiledScenario, seed: number, events: readonly GameEvent[]): { choices: string[][]; responses: number[] } {
  const actor = createActor(scenarioMachine(c), { input: { seed } });
  actor.start();
  const choices: string[][] = [];
  const responses: number[] = [];
  for (const e of events) {
    const snapshot = actor.getSnapshot();
    if (e.type === 'decision.choose') choices.push([...e.options]);
    if (e.type === 'event.respond') {
      const offered = enabledEvents(c, phaseOf(snapshot.value), snapshot.context).map((x) => (x.type === 'event.respond' ? x.response : ''));
      responses.push(offered.indexOf(e.response));
    }
    if (e.type === 'turn.continue') responses.push(-1);
    actor.send(e);
  }
  actor.stop();
  return { choices, responses };
}

export interface Replayed {
  snapshot: GameSnapshot;
  events: GameEvent[];
  /** Each turn played: the event card, and the response given (null: a quiet turn). */
  turns: { event: string | null; response: string | null; variant?: string }[];
}

export interface TeamResult {
  team: string;
  code: string;
  scenarioId: string;
  seed: number;
  ending: string;
  metrics: GameSnapshot['context']['metrics'];
  choices: Record<string, string[]>;
  /** The causes that moved the three outcomes most, largest first. */
  keyCauses: ReturnType<typeof totalsByCause>;
  knowledge?: Answers;
  /** How many played on the team's device, when the team said (else count one, and say so). */
  players?: number;
  /** The session code the result was played in (normalised, as the facilitator's set-up makes it). */
  session: string;
  turns: Replayed['turns'];
}

export function resultCodeFor(c: CompiledScenario, session: SessionSettings, events: readonly GameEvent[], extra: { players?: number; knowledge?: Answers } = {}): string {
  const moves = movesOfEvents(c, session.seed, events);
  return encodeResult(shapeOf(c), { session, ...moves, ...extra });
}

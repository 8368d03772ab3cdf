// Workshop results: what a team hands in (a code or a file) and how the
// facilitator's screen turns it back into an outcome — by replaying the moves
// through the engine, never by trusting a claimed ending or measure.
import { createActor } from 'xstate';
import * as z from 'zod/mini';
import {
  scenarioMachine,
  enabledEvents,
  phaseOf,
  compileScenario,
  totalsByCause,
  type CompiledScenario,
  type ContentBundle,
  type GameEvent,
  type GameSnapshot,
} from '../engine/index.ts';
import { t } from '../text/i18n.ts';
import { CodeError, decodeResult, encodeResult, encodeSession, type Answers, type MoveShape, type ResultMoves, type SessionSettings } from './codes.ts';

export const RESULT_FILE_VERSION = 1;
export const MAX_RESULT_FILE_BYTES = 256 * 1024;
export const MAX_TEAM_NAME = 40;

const shortText = (max: number) => z.string().check(z.maxLength(max));
const Answers = z.record(shortText(64), shortText(64));

export const ResultFile = z.strictObject({
  format: z.literal('safe-city-result'),
  version: z.literal(RESULT_FILE_VERSION),
  team: z.string().check(z.minLength(1), z.maxLength(MAX_TEAM_NAME)),
  code: shortText(64),
  scenario: shortText(80),
  knowledge: z.optional(z.strictObject({ before: Answers, after: Answers })),
});
export type ResultFile = z.infer<typeof ResultFile>;

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
  turns: { event: string | null; response: string | null }[];
}

/** Replay result moves; throws CodeError naming the first move the game refuses. */
export function replayMoves(c: CompiledScenario, moves: ResultMoves): Replayed {
  const actor = createActor(scenarioMachine(c), { input: { seed: moves.session.seed } });
  actor.start();
  const events: GameEvent[] = [];
  const turns: Replayed['turns'] = [];
  const send = (e: GameEvent, what: string) => {
    const before = actor.getSnapshot();
    actor.send(e);
    if (actor.getSnapshot() === before) throw new CodeError('moveRefused', { what });
    events.push(e);
  };
  send({ type: 'briefing.start' }, t('problem.moveStart'));
  c.decisions.forEach((d, i) => send({ type: 'decision.choose', decision: d.id, options: moves.choices[i] ?? [] }, t('problem.moveChoice', { decision: d.id })));
  for (const [turn, index] of moves.responses.entries()) {
    const snapshot = actor.getSnapshot();
    if (snapshot.status === 'done') throw new CodeError('tooManyTurns');
    const phase = phaseOf(snapshot.value);
    turns.push({ event: snapshot.context.currentEvent ?? null, response: null });
    if (index === -1) send({ type: 'turn.continue' }, t('problem.moveQuiet', { turn: turn + 1 }));
    else {
      const offered = enabledEvents(c, phase, snapshot.context);
      const e = offered[index];
      if (!e || e.type !== 'event.respond') throw new CodeError('responseNotOffered', { response: index + 1, turn: turn + 1 });
      send(e, t('problem.moveResponse', { turn: turn + 1 }));
      turns[turns.length - 1]!.response = e.response;
    }
  }
  const snapshot = actor.getSnapshot();
  actor.stop();
  if (snapshot.status !== 'done') throw new CodeError('stopsEarly');
  return { snapshot, events, turns };
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

// One compiled scenario per loaded scenario: a thousand codes replay on one compilation.
const compiledFor = new WeakMap<object, CompiledScenario>();

/** Decode a result code against the content and replay it. */
export function importResultCode(
  code: string,
  team: string,
  catalogIds: readonly string[],
  load: (scenarioId: string) => ContentBundle,
  knowledge?: ResultFile['knowledge'],
): TeamResult {
  let compiled: CompiledScenario | null = null;
  const compileFor = (session: SessionSettings) => {
    const id = catalogIds[session.scenarioIndex]!;
    const bundle = load(id);
    const scenario = bundle.scenarios.find((s) => s.id === id);
    if (!scenario) throw new CodeError('scenarioNotLoaded', { id });
    compiled = compiledFor.get(scenario) ?? compileScenario(scenario, bundle.shared);
    compiledFor.set(scenario, compiled);
    return shapeOf(compiled);
  };
  const moves = decodeResult(code, catalogIds.length, compileFor);
  const c = compiled as unknown as CompiledScenario;
  const { snapshot, turns } = replayMoves(c, moves);
  const ctx = snapshot.context;
  // A file's answers are the team's own choice to share; a version-2 code carries them too.
  const answers = knowledge ?? moves.knowledge;
  return {
    team: team.trim().slice(0, MAX_TEAM_NAME) || 'Team',
    code,
    scenarioId: c.scenario.id,
    seed: moves.session.seed,
    ending: ctx.ending!,
    metrics: ctx.metrics,
    choices: ctx.choices,
    keyCauses: totalsByCause(ctx.ledger)
      .filter((t) => t.metric === 'debt' || t.metric === 'dataExposure' || t.metric === 'backlash')
      .slice(0, 3),
    ...(answers ? { knowledge: answers } : {}),
    ...(moves.players ? { players: moves.players } : {}),
    session: encodeSession(moves.session).replace(/-/g, ''),
    turns,
  };
}

/** Parse a result file's text: size limit, JSON, schema. Never executes anything. */
export function parseResultFile(text: string): ResultFile {
  if (text.length > MAX_RESULT_FILE_BYTES) throw new CodeError('fileTooLarge', { kb: MAX_RESULT_FILE_BYTES / 1024 });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CodeError('fileNotJson');
  }
  const parsed = ResultFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CodeError('invalidField', { path: issue.path.join('.') || 'file', detail: issue.message });
  }
  return parsed.data;
}

export function resultCodeFor(c: CompiledScenario, session: SessionSettings, events: readonly GameEvent[], extra: { players?: number; knowledge?: Answers } = {}): string {
  const moves = movesOfEvents(c, session.seed, events);
  return encodeResult(shapeOf(c), { session, ...moves, ...extra });
}

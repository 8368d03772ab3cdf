// The facilitator's side of workshop results, in the desk's chunk: a result
// file checked, a code decoded against the content and replayed through the
// engine; the outcome is recomputed, never taken from what a team claims.
import { createActor } from 'xstate';
import * as z from 'zod/mini';
import { scenarioMachine, enabledEvents, phaseOf, compileScenario, totalsByCause, variantMet, WORKSHOP_DECK, type CompiledScenario, type ContentBundle, type GameEvent } from '../engine/index.ts';
import { t } from '../text/i18n.ts';
import { CodeError, encodeSession, type ResultMoves, type SessionSettings } from './codes.ts';
import { decodeResult } from './result-codes.ts';
import { MAX_RESULT_FILE_BYTES, MAX_TEAM_NAME, RESULT_FILE_VERSION, shapeOf, type Replayed, type ResultFile, type TeamResult } from './results.ts';

const shortText = (max: number) => z.string().check(z.maxLength(max));
const Answers = z.record(shortText(64), shortText(64));

export const ResultFileSchema = z.strictObject({
  format: z.literal('safe-city-result'),
  version: z.literal(RESULT_FILE_VERSION),
  team: z.string().check(z.minLength(1), z.maxLength(MAX_TEAM_NAME)),
  code: shortText(64),
  scenario: shortText(80),
  knowledge: z.optional(z.strictObject({ before: Answers, after: Answers })),
});

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
    const event = snapshot.context.currentEvent ?? null;
    // The version of the card the team met: its answers' labels are that version's.
    turns.push({ event, response: null, ...(event ? variantMet(snapshot.context.cards, event) : {}) });
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
    compiled = compiledFor.get(scenario) ?? compileScenario(scenario, bundle.shared, 'full', WORKSHOP_DECK);
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
  const parsed = ResultFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CodeError('invalidField', { path: issue.path.join('.') || 'file', detail: issue.message });
  }
  return parsed.data;
}

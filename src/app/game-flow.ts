// The game's part of the app's transitions, as plain functions: starting a
// game (the scenario's machine spawned as a child), taking the engine's
// answer to a move, and what a move says and plays. The app machine calls
// them from its actions; nothing here runs during a render.
import { compileScenario, currentCard, type ContentBundle, type DeckLead, type GameEvent, type GameLength } from '../engine/index.ts';
import { causeText } from '../text/explain.ts';
import { fmt, plain, t } from '../text/i18n.ts';
import type { AppContext, AppServices, Notice } from './app-types.ts';
import { CodeError, decodeSession } from './codes.ts';
import { NO_META, phaseOfGame, scenarioLogic, type GameMeta, type GameState } from './game.ts';
import { addNotices } from './notices.ts';
import { recordEnding } from './seen-endings.ts';

export const SCENARIO = 'scenario';

/** Start a game: spawn the scenario's machine as a child, fresh or from a save. */
export function startGame(
  spawn: (logic: ReturnType<typeof scenarioLogic>, options: { id: string; input: { seed: number }; syncSnapshot: boolean }) => GameState['ref'],
  from: { compiled: GameState['compiled']; gameId: string; seed: number; persisted?: unknown; moves?: readonly GameEvent[]; shown?: number; meta?: GameMeta },
): GameState {
  const ref = spawn(scenarioLogic(from.compiled, from.persisted), { id: SCENARIO, input: { seed: from.seed }, syncSnapshot: true });
  const snapshot = ref.getSnapshot();
  const shown = Math.min(from.shown ?? 0, snapshot.context.ledger.length);
  return {
    compiled: from.compiled,
    gameId: from.gameId,
    seed: from.seed,
    ref,
    snapshot,
    moves: from.moves ?? [],
    shown: snapshot.context.ledger.length,
    fresh: snapshot.context.ledger.slice(shown),
    outcome: null,
    meta: from.meta ?? NO_META,
    picks: [],
  };
}

export function needsCheck(game: GameState | null, when: 'before' | 'after'): boolean {
  return !!game && game.meta.knowledgeCheck && game.compiled.scenario.knowledgeCheck.length > 0 && !game.meta[when];
}

export function withNotice(context: AppContext, notice: Notice): readonly Notice[] {
  return addNotices(context.notices, notice);
}

export function timerKey(game: GameState): string | null {
  const phase = phaseOfGame(game);
  if (phase !== 'deciding' && phase !== 'awaitingResponse' && phase !== 'quietTurn') return null;
  return `${game.snapshot.context.decisionIndex}.${game.snapshot.context.turn}`;
}

/** The engine answered a move: its snapshot, the move recorded, and the changes it made for the next screens to show, once. */
export function afterMove(game: GameState, move: GameEvent | null): GameState {
  const snapshot = game.ref.getSnapshot();
  const ledger = snapshot.context.ledger;
  if (!move) return { ...game, snapshot, shown: ledger.length };
  const fresh = ledger.slice(game.shown);
  const base = { ...game, snapshot, moves: [...game.moves, move], shown: ledger.length, picks: [] };
  if (move.type !== 'event.respond') return { ...base, fresh, outcome: null };
  // A response's changes come first, on their own, before the next year's.
  const year = game.snapshot.context.turn;
  const event = game.snapshot.context.currentEvent ?? '';
  return {
    ...base,
    outcome: { event, response: move.response, changes: fresh.filter((e) => e.turn === year) },
    fresh: fresh.filter((e) => e.turn !== year),
  };
}

function announceChanges(services: AppServices, game: GameState, changes: GameState['fresh']): void {
  if (changes.length === 0) return;
  // One message per step, so a long list of changes is read as a whole and not cut by the region's limit.
  services.announce(changes.map((e) => t('turn.announce', { metric: t(`metric.${e.metric}`), delta: fmt.delta(e.delta), cause: causeText(game.compiled, e.metric, e.cause) })).join(' '));
  const worse = changes.some((e) => e.delta > 0 && (e.metric === 'debt' || e.metric === 'dataExposure' || e.metric === 'backlash'));
  services.play(worse ? 'meter-up' : 'meter-down');
}

/** What a move says and plays: a response's outcome; else the changes and headline of a new year, or the ending. */
export function reportMove(services: AppServices, game: GameState): void {
  services.play('choice');
  if (game.outcome) announceChanges(services, game, game.outcome.changes);
  else reportScreen(services, game);
}

/** What a new screen of the game says and plays when it appears: a new year, or the ending. */
export function reportScreen(services: AppServices, game: GameState): void {
  const ctx = game.snapshot.context;
  if (game.snapshot.status === 'done') {
    const ending = game.compiled.scenario.endings.find((e) => e.id === ctx.ending);
    if (!ending) return;
    recordEnding(services.store, game.compiled.scenario.id, ending.id);
    services.announce(t('ending.announce', { title: plain(ending.title), tone: t(`ending.tone.${ending.tone}`) }), 'assertive');
    services.play('ending');
    return;
  }
  const phase = phaseOfGame(game);
  if (phase !== 'awaitingResponse' && phase !== 'quietTurn') return;
  announceChanges(services, game, game.fresh);
  const event = currentCard(game.compiled, ctx);
  if (event) {
    services.announce(plain(event.headline));
    services.play('headline');
  }
}

const prepared = new WeakMap<object, Map<string, ReturnType<typeof compileScenario>>>();

/** The scenario compiled once per loaded content, length and deck (a replay or a restart reuses it); a workshop team's game plays the workshop's deck. */
export function prepareFor(bundle: ContentBundle, id: string, length: GameLength = 'full', deck: DeckLead = 'weight') {
  const scenario = bundle.scenarios.find((s) => s.id === id)!;
  let byKind = prepared.get(scenario);
  if (!byKind) prepared.set(scenario, (byKind = new Map()));
  let c = byKind.get(`${length}/${deck}`);
  if (!c) byKind.set(`${length}/${deck}`, (c = compileScenario(scenario, bundle.shared, length, deck)));
  return c;
}

/** Why a team cannot start from this code and name, or null. */
export function joinProblem(context: AppContext, code: string, team: string): string | null {
  try {
    decodeSession(code, context.catalog.length);
  } catch (error) {
    return t('workshop.badCode', { reason: error instanceof CodeError ? error.message : String(error) });
  }
  return team.trim() ? null : t('workshop.needTeam');
}

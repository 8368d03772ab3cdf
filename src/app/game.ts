// A game in progress as the page holds it: the scenario's compiled machine,
// the seed, the moves the player made (so a save can be replayed on newer
// content), how much of the ledger the screens have shown, and the team's
// workshop details. The engine actor itself is a child of the app machine.
import { createActor, type ActorRefFrom } from 'xstate';
import * as z from 'zod/mini';
import {
  scenarioMachine,
  enabledEvents,
  phaseOf,
  type CompiledScenario,
  type GameEvent,
  type GameMachine,
  type GameSnapshot,
  type LedgerEntry,
  type Phase,
} from '../engine/index.ts';

export const GameEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('briefing.start') }),
  z.strictObject({ type: z.literal('decision.choose'), decision: z.string(), options: z.array(z.string()) }),
  z.strictObject({ type: z.literal('event.respond'), response: z.string() }),
  z.strictObject({ type: z.literal('turn.continue') }),
]);

const shortText = (max: number) => z.string().check(z.maxLength(max));
const answers = () => z.optional(z.record(shortText(64), shortText(64)));

/** A team's place in a workshop or class: its name, the session, and its own knowledge-check answers. */
export const GameMeta = z.strictObject({
  team: z.optional(shortText(40)),
  sessionCode: z.optional(shortText(32)),
  knowledgeCheck: z._default(z.boolean(), false),
  timerMinutes: z._default(z.int().check(z.minimum(0), z.maximum(15)), 0),
  /** The full game or the lesson length, chosen on the briefing. */
  length: z._default(z.enum(['full', 'lesson']), 'full'),
  before: answers(),
  after: answers(),
  /** How many played on this device, as the team said on joining (the learning gain counts players). */
  players: z.optional(z.int().check(z.minimum(1), z.maximum(16))),
});
export type GameMeta = z.infer<typeof GameMeta>;

export const NO_META: GameMeta = { knowledgeCheck: false, timerMinutes: 0, length: 'full' };

export type ScenarioRef = ActorRefFrom<GameMachine>;

export interface Outcome {
  event: string;
  response: string;
  /** The changes the response made, in its own year. */
  changes: readonly LedgerEntry[];
}

export interface GameState {
  readonly compiled: CompiledScenario;
  /** Which game this is: its save replaces only a save of the same game. */
  readonly gameId: string;
  readonly seed: number;
  readonly ref: ScenarioRef;
  /** The engine's latest snapshot, as the child last reported it. */
  readonly snapshot: GameSnapshot;
  readonly moves: readonly GameEvent[];
  /** Ledger entries already shown on an earlier screen. */
  readonly shown: number;
  /** The changes this screen shows: those the last move made (after a response, those of the new year). */
  readonly fresh: readonly LedgerEntry[];
  /** A response just given and what it did, shown before the next year (or the ending). */
  readonly outcome: Outcome | null;
  readonly meta: GameMeta;
  /** Options picked so far on a multi-select decision, not yet confirmed. */
  readonly picks: readonly string[];
}

/**
 * The scenario machine, or — to continue a saved game — the same machine
 * starting from a persisted snapshot. XState's spawn takes no snapshot, so
 * the restored logic answers getInitialSnapshot with the saved one.
 */
export function scenarioLogic(compiled: CompiledScenario, persisted?: unknown): GameMachine {
  const machine = scenarioMachine(compiled);
  if (persisted === undefined) return machine;
  const restored = Object.create(machine) as GameMachine;
  restored.getInitialSnapshot = (scope) => machine.restoreSnapshot(persisted as never, scope) as never;
  return restored;
}

export function phaseOfGame(game: Pick<GameState, 'snapshot'>): Phase {
  return game.snapshot.status === 'done' ? 'ended' : phaseOf(game.snapshot.value);
}

/** What the player is looking at: the engine's phase, or a response's outcome before the next year. */
export function viewOf(game: GameState): Phase | 'outcome' {
  return game.outcome ? 'outcome' : phaseOfGame(game);
}

/** The moves the player may make now. */
export function enabledMoves(game: Pick<GameState, 'snapshot' | 'compiled'>): GameEvent[] {
  return enabledEvents(game.compiled, phaseOfGame(game), game.snapshot.context);
}

/** Whether the engine would take this move now (a multi-select choice in any order). */
export function isMoveEnabled(game: Pick<GameState, 'snapshot' | 'compiled'>, move: GameEvent): boolean {
  return enabledMoves(game).some((e) => {
    if (e.type !== move.type) return false;
    if (e.type === 'decision.choose' && move.type === 'decision.choose')
      return e.decision === move.decision && e.options.length === move.options.length && e.options.every((o) => move.options.includes(o));
    if (e.type === 'event.respond' && move.type === 'event.respond') return e.response === move.response;
    return true;
  });
}

/**
 * Play moves on a fresh actor and return the persisted snapshot they reach,
 * or null at the first move the engine refuses.
 */
export function replay(compiled: CompiledScenario, seed: number, moves: readonly GameEvent[]): unknown {
  const actor = createActor(scenarioMachine(compiled), { input: { seed } });
  actor.start();
  try {
    for (const move of moves) {
      const before = actor.getSnapshot();
      actor.send(move);
      if (actor.getSnapshot() === before) return null;
    }
    return actor.getPersistedSnapshot();
  } finally {
    actor.stop();
  }
}

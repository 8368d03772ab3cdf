// The saved game: written after every step, read at boot. A saved snapshot
// is checked (save-check.ts) before it is restored; one made on other content,
// or damaged, is replayed move by move; one that cannot be used is set aside
// with the reason, never silently dropped (save-store.ts keeps the copies).
import * as z from 'zod/mini';
import { STATE_VERSION, type CompiledScenario, type GameEvent } from '../engine/index.ts';
import { GameEventSchema, GameMeta, type GameState } from './game.ts';
import { LEGACY_SAVE_KEY } from './save-store.ts';

export const SAVE_KEY = LEGACY_SAVE_KEY;
export const SAVE_VERSION = 1;
/** Saves are small; anything larger is not ours. */
export const MAX_SAVE_BYTES = 2_000_000;

export const SaveFile = z.strictObject({
  version: z.int(),
  savedAt: z.string(),
  scenarioId: z.string(),
  seed: z.int().check(z.minimum(0), z.maximum(0xffff_ffff)),
  fingerprint: z.string(),
  /** Which game this is: a save replaces only a save of the same game (saves from before this field count as game ''). */
  game: z.optional(z.string().check(z.maxLength(64))),
  events: z.array(GameEventSchema).check(z.maxLength(2000)),
  shown: z.int().check(z.minimum(0)),
  snapshot: z.unknown(),
  meta: z.optional(GameMeta),
});
export type SaveFile = z.infer<typeof SaveFile>;

/** FNV-1a over the engine's state shape, the scenario and the shared deck: a save made on other content, or by an engine that kept its state differently, is replayed, not restored. */
export function fingerprint(c: CompiledScenario): string {
  const text = JSON.stringify([STATE_VERSION, c.length, c.deckLead, c.scenario, c.events.map((e) => e.id)]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function saveFileOf(game: GameState, savedAt: Date): SaveFile {
  return {
    version: SAVE_VERSION,
    savedAt: savedAt.toISOString(),
    scenarioId: game.compiled.scenario.id,
    seed: game.seed,
    fingerprint: fingerprint(game.compiled),
    game: game.gameId,
    events: [...game.moves],
    shown: game.shown,
    snapshot: game.ref.getPersistedSnapshot(),
    meta: game.meta,
  };
}

/** What it takes to continue a saved game. */
export interface RestoredGame {
  compiled: CompiledScenario;
  seed: number;
  persisted: unknown;
  moves: GameEvent[];
  shown: number;
  meta: GameMeta | undefined;
  /** The game's id, kept so that its next save replaces this one. */
  gameId: string;
  /** True when the moves were replayed: on changed content ('content'), or over a damaged snapshot ('damaged'). */
  migrated: boolean;
  why?: 'content' | 'damaged';
}

export type Restored = { kind: 'none' } | { kind: 'restored'; game: RestoredGame } | { kind: 'discarded'; reason: string };

/** The save's scenario, turn and number of moves, for the title's Continue and for "ask before replacing", without restoring it. */
export function peekSave(text: string | null, scenarioIds: readonly string[]): { scenario: string; turn: number; moves: number } | null {
  if (!text) return null;
  try {
    const data = JSON.parse(text) as { scenarioId?: unknown; events?: unknown; snapshot?: { context?: { turn?: unknown } } };
    const moves = Array.isArray(data.events) ? data.events.length : 0;
    if (typeof data.scenarioId !== 'string' || !scenarioIds.includes(data.scenarioId)) return { scenario: '', turn: 0, moves };
    const turn = data.snapshot?.context?.turn;
    return { scenario: data.scenarioId, turn: typeof turn === 'number' && Number.isInteger(turn) && turn >= 0 && turn < 1000 ? turn : 0, moves };
  } catch {
    return { scenario: '', turn: 0, moves: 0 };
  }
}

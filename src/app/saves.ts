// The saved game: written after every step, read at boot. A saved snapshot
// is checked (save-check.ts) before it is restored; one made on other content,
// or damaged, is replayed move by move; one that cannot be used is set aside
// with the reason, never silently dropped (save-store.ts keeps the copies).
import { z } from 'zod';
import { compileScenario, STATE_VERSION, type CompiledScenario, type ContentBundle, type GameEvent } from '../engine/index.ts';
import { t } from '../text/i18n.ts';
import { GameEventSchema, GameMeta, replay, type GameState } from './game.ts';
import { snapshotProblem } from './save-check.ts';
import { LEGACY_SAVE_KEY } from './save-store.ts';

export const SAVE_KEY = LEGACY_SAVE_KEY;
export const SAVE_VERSION = 1;
/** Saves are small; anything larger is not ours. */
export const MAX_SAVE_BYTES = 2_000_000;

export const SaveFile = z
  .object({
    version: z.number().int(),
    savedAt: z.string(),
    scenarioId: z.string(),
    seed: z.number().int().min(0).max(0xffff_ffff),
    fingerprint: z.string(),
    /** Which game this is: a save replaces only a save of the same game (saves from before this field count as game ''). */
    game: z.string().max(64).optional(),
    events: z.array(GameEventSchema).max(2000),
    shown: z.number().int().min(0),
    snapshot: z.unknown(),
    meta: GameMeta.optional(),
  })
  .strict();
export type SaveFile = z.infer<typeof SaveFile>;

/** FNV-1a over the engine's state shape, the scenario and the shared deck: a save made on other content, or by an engine that kept its state differently, is replayed, not restored. */
export function fingerprint(c: CompiledScenario): string {
  const text = JSON.stringify([STATE_VERSION, c.scenario, c.events.map((e) => e.id)]);
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

/**
 * Read a saved game. Never throws: a save that cannot be used is reported
 * with the reason and left for the caller to set aside.
 */
export function readSave(text: string | null, bundle: ContentBundle): Restored {
  if (text === null) return { kind: 'none' };
  try {
    return readSaveText(text, bundle);
  } catch (error) {
    return { kind: 'discarded', reason: t('problem.saveUnreadable', { detail: error instanceof Error ? error.message : String(error) }) };
  }
}

function readSaveText(text: string, bundle: ContentBundle): Restored {
  if (text.length > MAX_SAVE_BYTES) return { kind: 'discarded', reason: t('problem.saveTooLarge', { bytes: MAX_SAVE_BYTES }) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'discarded', reason: t('problem.saveNotJson') };
  }
  const parsed = SaveFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { kind: 'discarded', reason: t('problem.invalidField', { path: issue.path.join('.') || 'save', detail: issue.message }) };
  }
  const save = parsed.data;
  if (save.version > SAVE_VERSION) return { kind: 'discarded', reason: t('problem.saveNewer', { version: save.version }) };
  if (save.version < 1) return { kind: 'discarded', reason: t('problem.saveUnsupported', { version: save.version }) };
  const scenario = bundle.scenarios.find((s) => s.id === save.scenarioId);
  if (!scenario) return { kind: 'discarded', reason: t('problem.saveScenarioGone', { id: save.scenarioId }) };
  const c = compileScenario(scenario, bundle.shared);
  const base = { compiled: c, seed: save.seed, moves: save.events, meta: save.meta, gameId: save.game ?? '' };

  const sameContent = save.fingerprint === fingerprint(c);
  const problem = sameContent ? snapshotProblem(c, save.seed, save.snapshot) : null;
  if (sameContent && !problem) return { kind: 'restored', game: { ...base, persisted: save.snapshot, shown: save.shown, migrated: false } };
  // Made on other content, or damaged: the recorded moves rebuild it when they still fit.
  let persisted: unknown;
  try {
    persisted = replay(c, save.seed, save.events);
  } catch {
    persisted = null;
  }
  if (persisted === null) {
    return { kind: 'discarded', reason: problem ? t('problem.saveStateInvalid', { path: problem.path, detail: problem.detail }) : t('problem.saveMovesStale') };
  }
  const ledger = (persisted as { context: { ledger: unknown[] } }).context.ledger;
  return { kind: 'restored', game: { ...base, persisted, shown: Math.min(save.shown, ledger.length), migrated: true, why: sameContent ? 'damaged' : 'content' } };
}

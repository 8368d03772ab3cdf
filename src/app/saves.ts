// The saved game in the browser's storage: written after every step, read at
// boot. A save made on other content (or by an engine that kept its state
// differently) is replayed move by move; one that cannot be used is set aside
// with the reason, never silently dropped.
import { createActor } from 'xstate';
import { z } from 'zod';
import { scenarioMachine, compileScenario, STATE_VERSION, type CompiledScenario, type ContentBundle, type GameEvent } from '../engine/index.ts';
import { t } from '../text/i18n.ts';
import { GameEventSchema, GameMeta, replay, type GameState } from './game.ts';
import type { KeyValueStore } from './storage.ts';

export const SAVE_KEY = 'safe-city.save';
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
    events: z.array(GameEventSchema).max(2000),
    shown: z.number().int().min(0),
    snapshot: z.unknown(),
    meta: GameMeta.optional(),
  })
  .strict();
export type SaveFile = z.infer<typeof SaveFile>;

/** FNV-1a over the engine's state shape, the scenario and the shared deck: a save made on other content, or by an engine that kept its state differently, is replayed, not restored. */
export function fingerprint(c: CompiledScenario): string {
  const text = JSON.stringify([STATE_VERSION, c.length, c.scenario, c.events.map((e) => e.id)]);
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
    events: [...game.moves],
    shown: game.shown,
    snapshot: game.ref.getPersistedSnapshot(),
    meta: game.meta,
  };
}

export function writeSave(store: KeyValueStore, game: GameState, savedAt: Date): boolean {
  return store.set(SAVE_KEY, JSON.stringify(saveFileOf(game, savedAt)));
}

/** What it takes to continue a saved game. */
export interface RestoredGame {
  compiled: CompiledScenario;
  seed: number;
  persisted: unknown;
  moves: GameEvent[];
  shown: number;
  meta: GameMeta | undefined;
  /** True when the moves were replayed on changed content. */
  migrated: boolean;
}

export type Restored = { kind: 'none' } | { kind: 'restored'; game: RestoredGame } | { kind: 'discarded'; reason: string };

/** The save's scenario and turn, for the title's Continue button, without restoring it. */
export function peekSave(store: KeyValueStore, scenarioIds: readonly string[]): { scenario: string; turn: number } | null {
  const text = store.get(SAVE_KEY);
  if (!text) return null;
  try {
    const data = JSON.parse(text) as { scenarioId?: unknown; snapshot?: { context?: { turn?: unknown } } };
    if (typeof data.scenarioId !== 'string' || !scenarioIds.includes(data.scenarioId)) return { scenario: '', turn: 0 };
    const turn = data.snapshot?.context?.turn;
    return { scenario: data.scenarioId, turn: typeof turn === 'number' ? turn : 0 };
  } catch {
    return { scenario: '', turn: 0 };
  }
}

/** Whether the engine accepts this snapshot as a live state of this scenario and seed. */
function isUsableSnapshot(c: CompiledScenario, seed: number, snapshot: unknown): boolean {
  try {
    const actor = createActor(scenarioMachine(c), { snapshot: snapshot as never, input: { seed } });
    const s = actor.getSnapshot() as { status?: string; context?: { scenarioId?: unknown; seed?: unknown } };
    return s.status !== 'error' && s.context?.scenarioId === c.scenario.id && s.context.seed === seed;
  } catch {
    return false;
  }
}

/**
 * Read the saved game. Never throws: a save that cannot be used is reported
 * with the reason and left for the caller to set aside.
 */
export function readSave(store: KeyValueStore, bundle: ContentBundle): Restored {
  const text = store.get(SAVE_KEY);
  if (text === null) return { kind: 'none' };
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
  const c = compileScenario(scenario, bundle.shared, save.meta?.length ?? 'full');
  const base = { compiled: c, seed: save.seed, moves: save.events, meta: save.meta };

  if (save.fingerprint === fingerprint(c) && isUsableSnapshot(c, save.seed, save.snapshot)) {
    return { kind: 'restored', game: { ...base, persisted: save.snapshot, shown: save.shown, migrated: false } };
  }
  const persisted = replay(c, save.seed, save.events);
  if (persisted === null) return { kind: 'discarded', reason: t('problem.saveMovesStale') };
  const ledger = (persisted as { context: { ledger: unknown[] } }).context.ledger;
  return { kind: 'restored', game: { ...base, persisted, shown: Math.min(save.shown, ledger.length), migrated: true } };
}

/** Keep a discarded save under another key rather than deleting it: nothing is lost. */
export function setAsideSave(store: KeyValueStore): void {
  const text = store.get(SAVE_KEY);
  if (text !== null) store.set(`${SAVE_KEY}.discarded`, text);
  store.remove(SAVE_KEY);
}

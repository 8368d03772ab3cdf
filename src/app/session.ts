// One game in progress: the engine actor, the events the player sent (so a
// save can be replayed if the content changed), and how much of the ledger
// the screens have already shown. Saves after every step.
import { createActor, type Actor } from 'xstate';
import { z } from 'zod';
import {
  compileScenario,
  enabledEvents,
  phaseOf,
  prepareScenario,
  type CompiledScenario,
  type ContentBundle,
  type GameEvent,
  type GameMachine,
} from '../engine/index.ts';
import { t } from './i18n.ts';
import type { KeyValueStore } from './storage.ts';

export const SAVE_KEY = 'safe-city.save';
export const SAVE_VERSION = 1;
/** Saves are small; anything larger is not ours. */
export const MAX_SAVE_BYTES = 2_000_000;

const GameEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('briefing.start') }).strict(),
  z.object({ type: z.literal('decision.choose'), decision: z.string(), options: z.array(z.string()) }).strict(),
  z.object({ type: z.literal('event.respond'), response: z.string() }).strict(),
  z.object({ type: z.literal('turn.continue') }).strict(),
]);

/** A team's place in a workshop or class: its name, the session, and its own knowledge-check answers. */
export const SessionMeta = z
  .object({
    team: z.string().max(40).optional(),
    sessionCode: z.string().max(32).optional(),
    knowledgeCheck: z.boolean().default(false),
    timerMinutes: z.number().int().min(0).max(15).default(0),
    before: z.record(z.string().max(64), z.string().max(64)).optional(),
    after: z.record(z.string().max(64), z.string().max(64)).optional(),
  })
  .strict();
export type SessionMeta = z.infer<typeof SessionMeta>;

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
    meta: SessionMeta.optional(),
  })
  .strict();
export type SaveFile = z.infer<typeof SaveFile>;

/** FNV-1a over the scenario and shared deck: a save made on other content is replayed, not restored. */
export function fingerprint(c: CompiledScenario): string {
  const text = JSON.stringify([c.scenario, c.events.map((e) => e.id)]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export class GameSession {
  readonly actor: Actor<GameMachine>;
  readonly events: GameEvent[];
  shown: number;
  meta: SessionMeta;
  private listeners = new Set<() => void>();

  constructor(
    readonly compiled: CompiledScenario,
    readonly seed: number,
    private readonly store: KeyValueStore | null,
    restore?: { snapshot?: unknown; events: GameEvent[]; shown: number; meta?: SessionMeta },
  ) {
    this.meta = restore?.meta ?? { knowledgeCheck: false, timerMinutes: 0 };
    const machine = compileScenario(compiled);
    this.events = restore ? [...restore.events] : [];
    this.shown = restore?.shown ?? 0;
    this.actor = createActor(machine, restore?.snapshot ? { snapshot: restore.snapshot as never, input: { seed } } : { input: { seed } });
    this.actor.start();
  }

  get snapshot() {
    return this.actor.getSnapshot();
  }

  get phase() {
    return phaseOf(this.snapshot.value);
  }

  /** The events the player may send now. */
  enabled(): GameEvent[] {
    return enabledEvents(this.compiled, this.phase, this.snapshot.context);
  }

  /** Send a player event; ignored (returns false) when the machine does not take it. */
  send(event: GameEvent): boolean {
    const before = this.actor.getSnapshot();
    this.actor.send(event);
    if (this.actor.getSnapshot() === before) return false;
    this.events.push(event);
    this.save();
    for (const l of this.listeners) l();
    return true;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  save(): void {
    if (!this.store) return;
    const file: SaveFile = {
      version: SAVE_VERSION,
      savedAt: new Date().toISOString(),
      scenarioId: this.compiled.scenario.id,
      seed: this.seed,
      fingerprint: fingerprint(this.compiled),
      events: this.events,
      shown: this.shown,
      snapshot: this.actor.getPersistedSnapshot(),
      meta: this.meta,
    };
    this.store.set(SAVE_KEY, JSON.stringify(file));
  }

  stop(): void {
    this.actor.stop();
    this.listeners.clear();
  }
}

export type Restored =
  | { kind: 'none' }
  | { kind: 'restored'; session: GameSession; migrated: boolean }
  | { kind: 'discarded'; reason: string };

/** Replay events on a fresh actor; null if any is refused. */
function replay(c: CompiledScenario, seed: number, events: GameEvent[], shown: number, store: KeyValueStore | null, meta?: SessionMeta): GameSession | null {
  const session = new GameSession(c, seed, null);
  for (const e of events) {
    if (!session.send(e)) {
      session.stop();
      return null;
    }
  }
  session.stop();
  return new GameSession(c, seed, store, { snapshot: session.actor.getPersistedSnapshot(), events, shown: Math.min(shown, session.snapshot.context.ledger.length), meta });
}

/**
 * Read the saved game. Never throws: a save that cannot be used is reported
 * with the reason and left for the caller to set aside.
 */
export function restoreSession(store: KeyValueStore, bundle: ContentBundle): Restored {
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
  const c = prepareScenario(scenario, bundle.shared);

  if (save.fingerprint === fingerprint(c)) {
    try {
      const session = new GameSession(c, save.seed, store, { snapshot: save.snapshot, events: save.events, shown: save.shown, meta: save.meta });
      const ctx = session.snapshot.context as { scenarioId?: unknown; seed?: unknown } | undefined;
      if (session.snapshot.status !== 'error' && ctx?.scenarioId === c.scenario.id && ctx.seed === save.seed) {
        return { kind: 'restored', session, migrated: false };
      }
      session.stop();
    } catch {
      /* fall through to a replay */
    }
  }
  const replayed = replay(c, save.seed, save.events, save.shown, store, save.meta);
  if (replayed) {
    replayed.save();
    return { kind: 'restored', session: replayed, migrated: true };
  }
  return { kind: 'discarded', reason: t('problem.saveMovesStale') };
}

/** Keep a discarded save under another key rather than deleting it: nothing is lost. */
export function setAsideSave(store: KeyValueStore): void {
  const text = store.get(SAVE_KEY);
  if (text !== null) store.set(`${SAVE_KEY}.discarded`, text);
  store.remove(SAVE_KEY);
}

// Where saved games live, and the rules that keep them: the current save and
// a few kept copies (newest first, each with its date and reason). Every write
// is read back; a copy is made and checked before the save it copies is
// removed; a copy is never overwritten; the current save is replaced only by
// the same game (or once it has been copied away). What cannot be stored is
// kept in this page's memory and reported, so play goes on.
import type { KeyValueStore } from './storage.ts';

/** How many set-aside copies are kept; the oldest goes when another is added. */
export const KEEP = 5;
export const CURRENT = 'current';
const KEPT = 'kept:';
const LEGACY_KEPT = `${KEPT}legacy`;

export type SaveStoreKind = 'indexeddb' | 'localstorage' | 'memory';

/** Raw records, the one thing a backend provides. Its methods may reject: the store turns that into a reason. */
export interface SaveBackend {
  readonly kind: SaveStoreKind;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** A kept copy, as the settings panel lists it. */
export interface KeptSave {
  key: string;
  /** When it was set aside (ISO), or '' when an earlier version kept it without a date. */
  at: string;
  reason: string;
  scenarioId: string | null;
}

export interface SaveStore {
  readonly kind: SaveStoreKind;
  /** Why saves will not outlive the page, or null when they will. */
  readonly problem: string | null;
  /** The current save as this page last read or asked to write it: what the title's Continue offers. */
  latest(): string | null;
  /** The current save: storage's, or this page's own when storage refused it. */
  read(): Promise<string | null>;
  /** Store the save of game `game` and read it back: null when it holds, else the reason. */
  write(text: string, game: string): Promise<string | null>;
  /** Copy the current save to the kept copies, check the copy, then remove it: null when done (or nothing to do), else the reason (and the save stays). */
  setAside(reason: string, at: Date): Promise<string | null>;
  /** The player's own choice (a shared computer, say): remove the current save and every kept copy. */
  forget(): Promise<void>;
  kept(): Promise<KeptSave[]>;
  keptText(key: string): Promise<string | null>;
  /** Settles once every write asked for so far has finished. */
  idle(): Promise<void>;
}

/** The game a save belongs to: its `game` field, '' for a save from before games had one, null when unreadable. */
export function gameOf(text: string): string | null {
  try {
    const data = JSON.parse(text) as { game?: unknown };
    if (typeof data !== 'object' || data === null) return null;
    return typeof data.game === 'string' ? data.game : '';
  } catch {
    return null;
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)) return (error as Error).name && (error as Error).name !== 'Error' ? `${(error as Error).name}: ${(error as Error).message}` : (error as Error).message;
  return String(error);
}

interface KeptRecord {
  at: string;
  reason: string;
  text: string;
}

function recordOf(value: string): KeptRecord {
  try {
    const r = JSON.parse(value) as Partial<KeptRecord>;
    if (typeof r.text === 'string' && typeof r.reason === 'string' && typeof r.at === 'string') return { at: r.at, reason: r.reason, text: r.text };
  } catch {
    /* a copy kept by an earlier version: the save's own text */
  }
  return { at: '', reason: '', text: value };
}

function scenarioOf(text: string): string | null {
  try {
    const id = (JSON.parse(text) as { scenarioId?: unknown }).scenarioId;
    return typeof id === 'string' ? id.slice(0, 200) : null;
  } catch {
    return null;
  }
}

export function saveStore(backend: SaveBackend, options: { problem?: string | null; onFirstWrite?: () => void } = {}): SaveStore {
  let latest: string | null = null;
  /** The last save storage refused: this page's game, kept in memory. */
  let unsaved: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let wrote = false;
  const run = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => {});
    return next;
  };

  // Newest first; a copy from an earlier version (no date) counts as the oldest.
  const keptKeys = async () =>
    (await backend.keys())
      .filter((k) => k.startsWith(KEPT))
      .sort((a, b) => (a === LEGACY_KEPT ? -1 : b === LEGACY_KEPT ? 1 : a < b ? -1 : a > b ? 1 : 0))
      .reverse();

  return {
    kind: backend.kind,
    problem: options.problem ?? null,
    latest: () => latest,
    read: () =>
      run(async () => {
        if (unsaved !== null) return unsaved;
        try {
          latest = (await backend.get(CURRENT)) ?? null;
        } catch {
          /* nothing readable: as if there were no save */
        }
        return latest;
      }),
    write(text, game) {
      latest = text;
      return run(async () => {
        try {
          const current = await backend.get(CURRENT);
          if (current !== undefined && current !== text && gameOf(current) !== game) {
            unsaved = text;
            return 'another saved game is stored here and has no copy yet';
          }
          await backend.set(CURRENT, text);
          if ((await backend.get(CURRENT)) !== text) throw new Error('the stored save did not read back the same');
          unsaved = null;
          if (!wrote) {
            wrote = true;
            options.onFirstWrite?.();
          }
          return null;
        } catch (error) {
          unsaved = text;
          return reasonOf(error);
        }
      });
    },
    setAside(reason, at) {
      return run(async () => {
        try {
          // The slot's game, at its latest: this page's unstored version of it when there is one.
          const stored = await backend.get(CURRENT);
          const text = unsaved !== null && (stored === undefined || gameOf(unsaved) === gameOf(stored)) ? unsaved : stored;
          if (text === undefined) return null;
          const existing = new Set(await keptKeys());
          const stamp = at.toISOString();
          let n = 0;
          while (existing.has(`${KEPT}${stamp}#${n}`)) n++;
          const key = `${KEPT}${stamp}#${n}`;
          const record = JSON.stringify({ at: stamp, reason, text } satisfies KeptRecord);
          await backend.set(key, record);
          if ((await backend.get(key)) !== record) throw new Error('the copy did not read back the same');
          await backend.del(CURRENT);
          unsaved = null;
          latest = null;
          for (const old of (await keptKeys()).slice(KEEP)) await backend.del(old);
          return null;
        } catch (error) {
          return reasonOf(error);
        }
      });
    },
    forget: () =>
      run(async () => {
        latest = null;
        unsaved = null;
        try {
          for (const key of [CURRENT, ...(await keptKeys())]) await backend.del(key);
        } catch {
          /* nothing stored to remove */
        }
      }),
    kept: () =>
      run(async () => {
        try {
          const out: KeptSave[] = [];
          for (const key of await keptKeys()) {
            const value = await backend.get(key);
            if (value === undefined) continue;
            const r = recordOf(value);
            out.push({ key, at: r.at, reason: r.reason, scenarioId: scenarioOf(r.text) });
          }
          return out;
        } catch {
          return [];
        }
      }),
    keptText: (key) =>
      run(async () => {
        try {
          const value = await backend.get(key);
          return value === undefined ? null : recordOf(value).text;
        } catch {
          return null;
        }
      }),
    idle: () => run(async () => {}),
  };
}

/** Records in memory; `fail` makes chosen operations reject, as full or blocked storage does. */
export function memoryBackend(fail: (op: 'get' | 'set' | 'del', key: string, value?: string) => Error | null = () => null): SaveBackend & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const check = (op: 'get' | 'set' | 'del', key: string, value?: string) => {
    const error = fail(op, key, value);
    if (error) throw error;
  };
  return {
    kind: 'memory',
    data,
    get: async (key) => (check('get', key), data.get(key)),
    set: async (key, value) => (check('set', key, value), void data.set(key, value)),
    del: async (key) => (check('del', key), void data.delete(key)),
    keys: async () => [...data.keys()],
  };
}

/** The key a record has in a key-value store: the current save keeps the name it always had. */
export const LEGACY_SAVE_KEY = 'safe-city.save';
const LEGACY_DISCARDED_KEY = 'safe-city.save.discarded';
const PREFIX = 'safe-city.saves.';

function kvKey(key: string): string {
  if (key === CURRENT) return LEGACY_SAVE_KEY;
  if (key === LEGACY_KEPT) return LEGACY_DISCARDED_KEY;
  return PREFIX + key;
}

/**
 * Saves in a key-value store (localStorage, through the never-throwing
 * wrapper): the fallback where IndexedDB cannot be used, and what the Node
 * harness uses. The copy an earlier version set aside is listed as a kept copy.
 */
export function keyValueBackend(kv: KeyValueStore, kind: SaveStoreKind = 'localstorage'): SaveBackend {
  return {
    kind,
    get: async (key) => kv.get(kvKey(key)) ?? undefined,
    set: async (key, value) => {
      if (!kv.set(kvKey(key), value)) throw new Error(kv.problem ?? 'the browser refused to store it');
    },
    del: async (key) => kv.remove(kvKey(key)),
    keys: async () =>
      (kv.keys?.() ?? []).flatMap((k) => (k === LEGACY_SAVE_KEY ? [CURRENT] : k === LEGACY_DISCARDED_KEY ? [LEGACY_KEPT] : k.startsWith(PREFIX) ? [k.slice(PREFIX.length)] : [])),
  };
}

// Saves in IndexedDB, through idb-keyval (a few hundred bytes, well kept):
// larger quota than localStorage, in the same storage bucket as the offline
// files (so navigator.storage.persist() protects both), and transactions of
// its own. Where IndexedDB cannot be opened — some private windows, blocked
// site data — saves fall back to localStorage, then to this page's memory,
// and the player is told.
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { t } from '../text/i18n.ts';
import { CURRENT, keyValueBackend, LEGACY_SAVE_KEY, memoryBackend, saveStore, type SaveBackend, type SaveStore } from './save-store.ts';
import type { KeyValueStore } from './storage.ts';

export const DB_NAME = 'safe-city';
export const DB_STORE = 'saves';
const LEGACY_DISCARDED_KEY = 'safe-city.save.discarded';

export function indexedDbBackend(store: UseStore = createStore(DB_NAME, DB_STORE)): SaveBackend {
  return {
    kind: 'indexeddb',
    get: async (key) => {
      const value: unknown = await get(key, store);
      return value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
    },
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: async () => (await keys(store)).map(String),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms))]);
}

/** Move what an earlier version kept in localStorage into IndexedDB; each localStorage copy is removed only once IndexedDB reads it back. */
async function migrate(backend: SaveBackend, local: KeyValueStore, now: Date): Promise<void> {
  const legacy = local.get(LEGACY_SAVE_KEY);
  if (legacy !== null) {
    const current = await backend.get(CURRENT);
    const key = current === undefined || current === legacy ? CURRENT : `kept:${now.toISOString()}#legacy`;
    const value = key === CURRENT ? legacy : JSON.stringify({ at: now.toISOString(), reason: t('problem.keptLegacy'), text: legacy });
    await backend.set(key, value);
    if ((await backend.get(key)) === value) local.remove(LEGACY_SAVE_KEY);
  }
  const discarded = local.get(LEGACY_DISCARDED_KEY);
  if (discarded !== null) {
    await backend.set('kept:legacy', discarded);
    if ((await backend.get('kept:legacy')) === discarded) local.remove(LEGACY_DISCARDED_KEY);
  }
}

/**
 * The browser's save store: IndexedDB when it opens and answers, with the
 * localStorage save moved in; else localStorage; else memory. `persist` is
 * asked for once, at the first save that holds.
 */
export async function openSaveStore(env: { local: KeyValueStore; persist?: () => unknown; now?: Date }): Promise<SaveStore> {
  const options = { onFirstWrite: () => void env.persist?.() };
  let reason: string | null = null;
  if (typeof indexedDB !== 'undefined') {
    try {
      const backend = indexedDbBackend();
      await withTimeout(
        (async () => {
          await backend.set('probe', '1');
          await backend.del('probe');
        })(),
        5000,
      );
      await withTimeout(migrate(backend, env.local, env.now ?? new Date()), 5000).catch(() => {});
      return saveStore(backend, options);
    } catch (error) {
      reason = error instanceof Error ? error.message || error.name : String(error);
    }
  }
  if (!env.local.problem) return saveStore(keyValueBackend(env.local), options);
  return saveStore(memoryBackend(), { problem: env.local.problem ?? reason });
}

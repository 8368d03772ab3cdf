// Browser storage that never throws. When localStorage is missing, blocked or
// full, the game keeps working in memory and says so once.
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): boolean;
  remove(key: string): void;
  /** Every key stored (the save store lists its kept copies with it). */
  keys?(): string[];
  /** Why storage is not persistent, or null when it is. */
  readonly problem: string | null;
}

export function memoryStore(problem: string | null = null): KeyValueStore {
  const data = new Map<string, string>();
  return {
    problem,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => {
      data.set(key, value);
      return true;
    },
    remove: (key) => void data.delete(key),
    keys: () => [...data.keys()],
  };
}

/** Wrap a Web Storage object; falls back to memory per failed write (e.g. quota exceeded). */
export function webStore(getStorage: () => Storage): KeyValueStore {
  let storage: Storage;
  try {
    storage = getStorage();
    const probe = '__safe-city-probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
  } catch (error) {
    return memoryStore(error instanceof Error ? error.message || error.name : String(error));
  }
  const fallback = memoryStore();
  const store: KeyValueStore & { problem: string | null } = {
    problem: null,
    get(key) {
      try {
        return fallback.get(key) ?? storage.getItem(key);
      } catch {
        return fallback.get(key);
      }
    },
    set(key, value) {
      try {
        storage.setItem(key, value);
        fallback.remove(key);
        return true;
      } catch (error) {
        fallback.set(key, value);
        store.problem = error instanceof Error ? error.name || error.message : String(error);
        return false;
      }
    },
    remove(key) {
      fallback.remove(key);
      try {
        storage.removeItem(key);
      } catch {
        /* nothing stored there to lose */
      }
    },
    keys() {
      const out = new Set(fallback.keys!());
      try {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key !== null) out.add(key);
        }
      } catch {
        /* only what is in memory */
      }
      return [...out];
    },
  };
  return store;
}

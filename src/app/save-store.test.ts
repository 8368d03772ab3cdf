// The save store's rules, on a backend that can be made to fail the way full
// or blocked storage does: every write is read back, nothing is removed
// before its copy reads back, copies are never overwritten, a save of another
// game is never replaced without a copy; and IndexedDB (fake-indexeddb in
// Node) with the move of an earlier version's localStorage save.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openSaveStore } from './idb-saves.ts';
import { KEEP, keyValueBackend, LEGACY_SAVE_KEY, memoryBackend, saveStore } from './save-store.ts';
import { memoryStore } from './storage.ts';

const save = (game: string, n: number) => JSON.stringify({ scenarioId: 'mini', game, events: Array.from({ length: n }, () => ({ type: 'turn.continue' })) });
const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('writes', () => {
  it('are read back; a write that does not hold is reported, and the game stays readable in this page', async () => {
    let full = false;
    const backend = memoryBackend((op) => (op === 'set' && full ? quota() : null));
    const store = saveStore(backend);
    expect(await store.write(save('a', 4), 'a')).toBeNull();
    full = true;
    expect(await store.write(save('a', 8), 'a')).toMatch(/QuotaExceededError/);
    expect(backend.data.get('current')).toBe(save('a', 4));
    // Continue in this page goes on from move 8, not back to move 4.
    expect(await store.read()).toBe(save('a', 8));
    expect(store.latest()).toBe(save('a', 8));
    full = false;
    expect(await store.write(save('a', 9), 'a')).toBeNull();
    expect(backend.data.get('current')).toBe(save('a', 9));
  });

  it('that read back differently are failures', async () => {
    const backend = memoryBackend();
    const store = saveStore({ ...backend, get: async (k) => ((await backend.get(k)) ?? '').slice(0, 5) || undefined });
    expect(await store.write(save('a', 1), 'a')).toMatch(/did not read back/);
  });

  it('never replace a save of another game that has no copy', async () => {
    const backend = memoryBackend();
    const store = saveStore(backend);
    await store.write(save('a', 6), 'a');
    expect(await store.write(save('b', 1), 'b')).toMatch(/another saved game/);
    expect(backend.data.get('current')).toBe(save('a', 6));
    // Once it is copied away, the new game may take its place.
    expect(await store.setAside('replaced', new Date('2025-01-01T00:00:00Z'))).toBeNull();
    expect(await store.write(save('b', 1), 'b')).toBeNull();
    expect(await store.keptText((await store.kept())[0]!.key)).toBe(save('a', 6));
  });

  it('never replace an unreadable save either', async () => {
    const backend = memoryBackend();
    backend.data.set('current', '{"truncated');
    const store = saveStore(backend);
    expect(await store.write(save('b', 1), 'b')).toMatch(/another saved game/);
    expect(backend.data.get('current')).toBe('{"truncated');
  });
});

describe('setting a save aside', () => {
  it('keeps the original when its copy cannot be written (a save too large to be stored twice)', async () => {
    const backend = memoryBackend((op, key) => (op === 'set' && key.startsWith('kept:') ? quota() : null));
    backend.data.set('current', 'x'.repeat(1000));
    const store = saveStore(backend);
    expect(await store.setAside('too large', new Date())).toMatch(/QuotaExceededError/);
    expect(backend.data.get('current')).toBe('x'.repeat(1000));
    expect(await store.kept()).toEqual([]);
  });

  it('never overwrites one copy with another: two unreadable saves in a row are both kept, newest first, each with its date and reason', async () => {
    const backend = memoryBackend();
    const store = saveStore(backend);
    const at = new Date('2025-03-01T10:00:00Z');
    backend.data.set('current', '{"first');
    await store.setAside('not valid JSON', at);
    backend.data.set('current', '{"second');
    await store.setAside('not valid JSON', at); // the same millisecond
    const kept = await store.kept();
    expect(kept.map((k) => k.reason)).toEqual(['not valid JSON', 'not valid JSON']);
    expect(kept.every((k) => k.at === at.toISOString())).toBe(true);
    expect(await Promise.all(kept.map((k) => store.keptText(k.key)))).toEqual(expect.arrayContaining(['{"first', '{"second']));
    expect(backend.data.has('current')).toBe(false);
  });

  it('are forgotten with the save when the player asks (a shared computer)', async () => {
    const backend = memoryBackend();
    const store = saveStore(backend);
    backend.data.set('current', '{"a');
    await store.setAside('r', new Date());
    await store.write(save('b', 1), 'b');
    await store.forget();
    expect([...backend.data.keys()]).toEqual([]);
    expect(await store.read()).toBeNull();
  });

  it(`keeps the newest ${KEEP} copies`, async () => {
    const backend = memoryBackend();
    const store = saveStore(backend);
    for (let i = 0; i < KEEP + 3; i++) {
      backend.data.set('current', `{"n":${i}}`);
      await store.setAside(`r${i}`, new Date(Date.UTC(2025, 0, 1, 0, i)));
    }
    const kept = await store.kept();
    expect(kept.map((k) => k.reason)).toEqual(Array.from({ length: KEEP }, (_, i) => `r${KEEP + 2 - i}`));
  });
});

describe('in localStorage', () => {
  it('the current save keeps its old key, and the copy an earlier version set aside is listed', async () => {
    const kv = memoryStore();
    kv.set(LEGACY_SAVE_KEY, save('', 3));
    kv.set('safe-city.save.discarded', '{"old copy');
    const store = saveStore(keyValueBackend(kv));
    expect(await store.read()).toBe(save('', 3));
    // A save from before games had ids is continued and saved again as game ''.
    expect(await store.write(save('', 4), '')).toBeNull();
    expect(kv.get(LEGACY_SAVE_KEY)).toBe(save('', 4));
    const kept = await store.kept();
    expect(kept).toMatchObject([{ key: 'kept:legacy', at: '' }]);
    expect(await store.keptText('kept:legacy')).toBe('{"old copy');
  });
});

describe('in IndexedDB', () => {
  it('moves an earlier version\'s localStorage save in, and removes it from localStorage only once IndexedDB holds it', async () => {
    const local = memoryStore();
    local.set(LEGACY_SAVE_KEY, save('', 8));
    local.set('safe-city.save.discarded', '{"set aside before');
    let persisted = 0;
    const store = await openSaveStore({ local, persist: () => persisted++ });
    expect(store.kind).toBe('indexeddb');
    expect(await store.read()).toBe(save('', 8));
    expect(local.get(LEGACY_SAVE_KEY)).toBeNull();
    expect(await store.keptText('kept:legacy')).toBe('{"set aside before');
    expect(await store.write(save('', 9), '')).toBeNull();
    await store.write(save('', 10), '');
    expect(persisted).toBe(1);
    // Opened again (a reload): the save is there.
    const again = await openSaveStore({ local });
    expect(await again.read()).toBe(save('', 10));
    // An earlier version still open in another tab saved again: that save becomes a kept copy, nothing is overwritten.
    local.set(LEGACY_SAVE_KEY, save('', 11));
    const third = await openSaveStore({ local, now: new Date('2025-05-05T00:00:00Z') });
    expect(await third.read()).toBe(save('', 10));
    const kept = await third.kept();
    expect(await third.keptText(kept[0]!.key)).toBe(save('', 11));
    expect(local.get(LEGACY_SAVE_KEY)).toBeNull();
  });

  it('falls back to localStorage, then memory (with the reason), where IndexedDB cannot be used', async () => {
    const idb = globalThis.indexedDB;
    try {
      // @ts-expect-error -- a browser without IndexedDB
      delete globalThis.indexedDB;
      expect((await openSaveStore({ local: memoryStore() })).kind).toBe('localstorage');
      const blocked = await openSaveStore({ local: memoryStore('The operation is insecure.') });
      expect(blocked.kind).toBe('memory');
      expect(blocked.problem).toMatch(/insecure/);
    } finally {
      globalThis.indexedDB = idb;
    }
  });
});

// The endings this browser has reached, for the gallery (no spoilers for the rest).
import type { KeyValueStore } from './storage.ts';

export const ENDINGS_KEY = 'safe-city.endings';

export function seenEndings(store: KeyValueStore): string[] {
  try {
    const list = JSON.parse(store.get(ENDINGS_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').slice(0, 500) : [];
  } catch {
    return [];
  }
}

export function recordEnding(store: KeyValueStore, scenarioId: string, endingId: string): void {
  const seen = seenEndings(store);
  const key = `${scenarioId}:${endingId}`;
  if (!seen.includes(key)) store.set(ENDINGS_KEY, JSON.stringify([...seen, key]));
}

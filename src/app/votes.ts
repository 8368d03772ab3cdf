// A class's show of hands, kept in this browser for the game it belongs to,
// so that a reload of the projector's page loses no count.
import type { GameState } from './game.ts';
import type { KeyValueStore } from './storage.ts';

export const VOTES_KEY = 'safe-city.votes';

export function gameKey(game: Pick<GameState, 'compiled' | 'seed'>): string {
  return `${game.compiled.scenario.id}:${game.seed}:${game.compiled.length}`;
}

export function loadVotes(store: KeyValueStore, game: Pick<GameState, 'compiled' | 'seed'>): Record<string, number> {
  try {
    const data = JSON.parse(store.get(VOTES_KEY) ?? 'null') as { game?: unknown; votes?: unknown } | null;
    if (!data || data.game !== gameKey(game) || typeof data.votes !== 'object' || data.votes === null) return {};
    return Object.fromEntries(Object.entries(data.votes).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isInteger(e[1]) && e[1] >= 0 && e[1] < 10_000));
  } catch {
    return {};
  }
}

export function saveVotes(store: KeyValueStore, game: Pick<GameState, 'compiled' | 'seed'>, votes: Readonly<Record<string, number>>): void {
  store.set(VOTES_KEY, JSON.stringify({ game: gameKey(game), votes }));
}

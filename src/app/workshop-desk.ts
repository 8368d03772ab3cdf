// A team's own result code and file at the end of its game (in the first
// bundle: every team needs it). The facilitator's side — import, replay,
// keeping, CSV — is desk.ts, loaded only when the compare screen opens.
import type { ScenarioSummary } from './catalog.ts';
import { decodeSession, type SessionSettings } from './codes.ts';
import type { GameState } from './game.ts';
import { resultCodeFor, RESULT_FILE_VERSION, type ResultFile } from './results.ts';

/** Scenario ids in the order session codes number them. */
export function sortedIds(catalog: readonly ScenarioSummary[]): string[] {
  return catalog.map((s) => s.id).sort();
}

/** A finished workshop game's result code, and its file (with or without the knowledge answers). */
export function teamResultOf(game: GameState, catalog: readonly ScenarioSummary[]): { code: string; file: (includeAnswers: boolean) => string } | null {
  if (!game.meta.sessionCode || game.snapshot.status !== 'done') return null;
  let settings: SessionSettings;
  try {
    settings = decodeSession(game.meta.sessionCode, catalog.length);
  } catch {
    return null;
  }
  // The code carries the players and the answers, so a read-out code gives the facilitator the learning gain too.
  const players = game.meta.players;
  const knowledge = game.meta.before || game.meta.after ? { before: game.meta.before ?? {}, after: game.meta.after ?? {} } : undefined;
  const code = resultCodeFor(game.compiled, settings, game.moves, { players, knowledge });
  const bare = knowledge ? resultCodeFor(game.compiled, settings, game.moves, { players }) : code;
  return {
    code,
    file: (includeAnswers) => {
      const file: ResultFile = {
        format: 'safe-city-result',
        version: RESULT_FILE_VERSION,
        team: game.meta.team ?? 'Team',
        code: includeAnswers ? code : bare,
        scenario: game.compiled.scenario.id,
        ...(includeAnswers && knowledge ? { knowledge } : {}),
      };
      return JSON.stringify(file, null, 2);
    },
  };
}

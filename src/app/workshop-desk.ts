// The facilitator's desk: result codes and files in, replayed outcomes and a
// CSV out; and a team's own result code and file at the end of its game.
import type { ContentBundle } from '../engine/index.ts';
import { plain, t } from '../text/i18n.ts';
import type { ContentStore } from './app-types.ts';
import type { ScenarioSummary } from './catalog.ts';
import { CodeError, decodeSession, sessionOfResult, type SessionSettings } from './codes.ts';
import type { GameState } from './game.ts';
import { importResultCode, parseResultFile, resultCodeFor, resultsCsv, RESULT_FILE_VERSION, type ResultFile, type TeamResult } from './results.ts';

/** Scenario ids in the order session codes number them. */
export function sortedIds(catalog: readonly ScenarioSummary[]): string[] {
  return catalog.map((s) => s.id).sort();
}

export interface Imported {
  results: TeamResult[];
  problems: string[];
  bundles: Record<string, ContentBundle>;
}

/** Replay pasted codes ("Team: CODE" per line) and result files, next to what was already imported. */
export async function importResults(
  content: ContentStore,
  catalog: readonly ScenarioSummary[],
  codes: string,
  files: readonly { name: string; text: string }[],
  already: { results: readonly TeamResult[]; bundles: Readonly<Record<string, ContentBundle>> },
): Promise<Imported> {
  const entries: { what: string; team: string; code: string; knowledge?: ResultFile['knowledge'] }[] = [];
  const problems: string[] = [];
  codes
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .forEach((line, i) => {
      const m = /^(.*?)\s*:\s*([0-9A-Za-z -]+)$/.exec(line);
      entries.push({ what: line.slice(0, 40), team: m ? m[1]! : `${t('workshop.team')} ${already.results.length + i + 1}`, code: m ? m[2]! : line });
    });
  for (const f of files) {
    try {
      if (!f.text) throw new CodeError('fileEmpty');
      const r = parseResultFile(f.text);
      entries.push({ what: f.name.slice(0, 60), team: r.team, code: r.code, knowledge: r.knowledge });
    } catch (error) {
      problems.push(t('workshop.importProblem', { what: f.name.slice(0, 60), reason: (error as Error).message }));
    }
  }
  const ids = sortedIds(catalog);
  const bundles: Record<string, ContentBundle> = { ...already.bundles };
  const results = [...already.results];
  for (const e of entries) {
    try {
      // Load the scenario the code names before replaying it.
      const id = ids[sessionOfResult(e.code, ids.length).scenarioIndex] ?? '';
      if (!bundles[id]) {
        const report = await content.load(id);
        if (report.bundle) bundles[id] = report.bundle;
      }
      results.push(importResultCode(e.code, e.team, ids, (sid) => bundles[sid]!, e.knowledge));
    } catch (error) {
      problems.push(t('workshop.importProblem', { what: e.what, reason: (error as Error).message }));
    }
  }
  return { results, problems, bundles };
}

export function csvOf(results: readonly TeamResult[], bundles: Readonly<Record<string, ContentBundle>>): string {
  return resultsCsv(
    results,
    (r) => {
      const e = bundles[r.scenarioId]?.scenarios.find((s) => s.id === r.scenarioId)?.endings.find((x) => x.id === r.ending);
      return e ? plain(e.title) : r.ending;
    },
    (r) => Object.values(r.choices).map((ids) => ids.join('+')).join('; '),
  );
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
  const code = resultCodeFor(game.compiled, settings, game.moves);
  return {
    code,
    file: (includeAnswers) => {
      const file: ResultFile = {
        format: 'safe-city-result',
        version: RESULT_FILE_VERSION,
        team: game.meta.team ?? 'Team',
        code,
        scenario: game.compiled.scenario.id,
        ...(includeAnswers && (game.meta.before || game.meta.after) ? { knowledge: { before: game.meta.before ?? {}, after: game.meta.after ?? {} } } : {}),
      };
      return JSON.stringify(file, null, 2);
    },
  };
}

// The facilitator's desk, loaded only when the compare screen opens (its own
// chunk): pasted lines and result files become entries; each entry is
// checked, replayed through the engine and kept — as what the team handed in
// (code, name, answers, players), never as a derived outcome — in this
// browser's IndexedDB, so a reload replays them and loses nothing.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { ContentBundle } from '../engine/index.ts';
import '../text/desk-locales.ts';
import { fmt, plain, t } from '../text/i18n.ts';
import type { ContentStore } from './app-types.ts';
import type { ScenarioSummary } from './catalog.ts';
import { CodeError, formatCode, MAX_CODE_CHARS, MAX_PLAYERS, normaliseCode, type Answers } from './codes.ts';
import { sessionOfResult } from './result-codes.ts';
import { learningGain, signedPp, type LearningGain } from './learning-gain.ts';
import { importResultCode, parseResultFile } from './result-replay.ts';
import { MAX_RESULT_FILE_BYTES, MAX_TEAM_NAME, type TeamResult } from './results.ts';
import { sortedIds } from './workshop-desk.ts';

/** What a team handed in, as kept: replayed again on every load. */
export interface DeskEntry {
  team: string;
  code: string;
  /** False when the line had no team name (it is shown with a placeholder until named). */
  named: boolean;
  knowledge?: Answers;
  players?: number;
}

export interface DeskState {
  results: TeamResult[];
  entries: DeskEntry[];
  problems: string[];
  bundles: Record<string, ContentBundle>;
  gain: LearningGain | null;
  /** The gain in words, for the compare screen (worded here so the first bundle does not carry it). */
  gainLine: string | null;
  /** One line on what the last import did: added, already there, refused. */
  summary: string | null;
}

export interface ResultFileInput {
  name: string;
  text: string;
  /** The file's size in bytes: files too large are not read, and say how large they are. */
  size: number;
}

type Pending = DeskEntry & { what: string; warning?: string };

/** A line of the paste box: "Team: CODE", "Team - CODE", "Team — CODE", "Team<tab>CODE", "Team ABCD-EFGH-…" or a bare code. */
export function parseLine(line: string): { team: string | null; code: string } {
  const separated = /^(.*?\S)\s*(?:\t|:|\s[-–—]\s|[–—])\s*([0-9A-Za-z][0-9A-Za-z -]*)$/.exec(line);
  if (separated) return { team: separated[1]!.trim(), code: separated[2]!.trim() };
  const grouped = /^(.*?\S)\s+((?:[0-9A-Za-z]{4}-)+[0-9A-Za-z]{1,4})$/.exec(line);
  if (grouped) return { team: grouped[1]!.trim(), code: grouped[2]! };
  return { team: null, code: line };
}

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? t('desk.sizeMb', { n: fmt.number(bytes / 1024 / 1024, 1) }) : t('desk.sizeKb', { n: Math.ceil(bytes / 1024) }));

/** Pasted lines and files as entries, with a precise message for each one that cannot be one. */
export function entriesOf(codes: string, files: readonly ResultFileInput[], problems: string[]): Pending[] {
  const out: Pending[] = [];
  codes.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const n = i + 1;
    const { team, code } = parseLine(line);
    const what = team ? t('desk.lineTeam', { line: n, team: team.slice(0, MAX_TEAM_NAME) }) : t('desk.line', { line: n });
    if (normaliseCode(code).length > MAX_CODE_CHARS) {
      problems.push(t('workshop.importProblem', { what, reason: t('desk.codeTooManyChars', { length: normaliseCode(code).length, max: MAX_CODE_CHARS }) }));
      return;
    }
    if (!team) problems.push(t('workshop.importProblem', { what, reason: t('desk.noName', { name: t('desk.unnamed', { line: n }) }) }));
    out.push({ what, team: team ? team.slice(0, MAX_TEAM_NAME) : t('desk.unnamed', { line: n }), named: !!team, code });
  });
  for (const f of files) {
    const what = f.name.slice(0, 60);
    try {
      if (f.size > MAX_RESULT_FILE_BYTES) throw new CodeError('desk.fileSize', { size: kb(f.size), max: kb(MAX_RESULT_FILE_BYTES) });
      if (f.size === 0 || !f.text.trim()) throw new CodeError('desk.fileEmpty');
      const r = parseResultFile(f.text);
      out.push({ what: t('desk.fileTeam', { file: what, team: r.team }), team: r.team, named: true, code: r.code, ...(r.knowledge ? { knowledge: r.knowledge } : {}) });
    } catch (error) {
      problems.push(t('workshop.importProblem', { what, reason: (error as Error).message }));
    }
  }
  return out;
}

/** Give the page its turn: a long import never holds it for more than a slice. */
const SLICE_MS = 20;
const PROGRESS_MS = 400;
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Check and replay entries next to what the desk holds. Same code as a result
 * already there: counted once (and a name given now replaces a placeholder).
 * Another scenario than the session's (the first result's): refused. Another
 * session of the same scenario: kept, with a warning naming that team.
 */
export async function replayEntries(
  content: ContentStore,
  catalog: readonly ScenarioSummary[],
  pending: readonly Pending[],
  already: { results: readonly TeamResult[]; entries: readonly DeskEntry[]; bundles: Readonly<Record<string, ContentBundle>> },
  problems: string[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<Omit<DeskState, 'problems' | 'summary' | 'gainLine'> & { added: number; duplicates: number; refused: number }> {
  const ids = sortedIds(catalog);
  const bundles: Record<string, ContentBundle> = { ...already.bundles };
  const results = [...already.results];
  const entries = [...already.entries];
  const byCode = new Map(results.map((r, i) => [normaliseCode(r.code), i]));
  let added = 0;
  let duplicates = 0;
  let refused = 0;
  let slice = performance.now();
  let told = 0;
  for (const [i, e] of pending.entries()) {
    if (performance.now() - slice > SLICE_MS) {
      await breathe();
      // Progress redraws the page: said at most every PROGRESS_MS, in a task of its own (a slice and a redraw together would hold the page too long).
      if (performance.now() - told > PROGRESS_MS) {
        onProgress(i, pending.length);
        told = performance.now();
        await breathe();
      }
      slice = performance.now();
    }
    const say = (key: string, values: Record<string, string | number> = {}) => problems.push(t('workshop.importProblem', { what: e.what, reason: t(key, values) }));
    const key = normaliseCode(e.code);
    const same = byCode.get(key);
    if (same !== undefined) {
      duplicates++;
      const first = results[same]!;
      if (e.named && !entries[same]!.named) {
        results[same] = { ...first, team: e.team };
        entries[same] = { ...entries[same]!, team: e.team, named: true };
        say('desk.named', { team: e.team, was: first.team });
      } else say('desk.duplicate', { team: first.team });
      continue;
    }
    try {
      const id = ids[sessionOfResult(e.code, ids.length).scenarioIndex] ?? '';
      const session = results[0];
      if (session && id !== session.scenarioId) {
        refused++;
        say('desk.otherScenario', { scenario: titleOf(catalog, id), session: titleOf(catalog, session.scenarioId) });
        continue;
      }
      if (!bundles[id]) {
        const report = await content.load(id);
        if (report.bundle) bundles[id] = report.bundle;
      }
      const r = importResultCode(formatCode(key), e.team, ids, (sid) => bundles[sid]!, e.knowledge);
      const players = e.players ?? r.players;
      const result: TeamResult = { ...r, ...(players ? { players } : {}) };
      if (session && result.session !== session.session)
        say('desk.otherSession', { code: formatted(result.session), seed: result.seed, session: formatted(session.session), sessionSeed: session.seed });
      byCode.set(key, results.length);
      results.push(result);
      entries.push({ team: result.team, code: result.code, named: e.named, ...(result.knowledge ? { knowledge: result.knowledge } : {}), ...(players ? { players } : {}) });
      added++;
    } catch (error) {
      refused++;
      problems.push(t('workshop.importProblem', { what: e.what, reason: (error as Error).message }));
    }
  }
  onProgress(pending.length, pending.length);
  return { results, entries, bundles, gain: gainOf(results, bundles), added, duplicates, refused };
}

const formatted = (code: string) => (code.match(/.{1,4}/g) ?? []).join('-');
const titleOf = (catalog: readonly ScenarioSummary[], id: string) => {
  const s = catalog.find((x) => x.id === id);
  return s ? plain(s.title) : id;
};

/** "Learning gain: +12.5 percentage points (…; n = 6 players, 3 teams). Counted as one player each: …. Not included: …." */
export function gainLine(gain: LearningGain | null): string | null {
  if (!gain) return null;
  const line = [
    t('desk.gainLine', { pp: signedPp(gain.gainPp), before: fmt.percent(gain.before), after: fmt.percent(gain.after), count: gain.n, teams: gain.teams }),
    gain.assumedOne.length > 0 ? t('desk.assumedOne', { teams: gain.assumedOne.join(', ') }) : '',
    gain.missing.length > 0 ? t('desk.gainMissing', { teams: gain.missing.join(', ') }) : '',
  ];
  return line.filter(Boolean).join(' ');
}

export function gainOf(results: readonly TeamResult[], bundles: Readonly<Record<string, ContentBundle>>): LearningGain | null {
  const first = results[0];
  const scenario = first && bundles[first.scenarioId]?.scenarios.find((s) => s.id === first.scenarioId);
  return scenario ? learningGain(results, scenario.knowledgeCheck) : null;
}

/** Import pasted codes and files next to what the desk holds, then keep the entries. */
export async function importToDesk(
  content: ContentStore,
  catalog: readonly ScenarioSummary[],
  input: { codes: string; files: readonly ResultFileInput[] },
  already: { results: readonly TeamResult[]; entries: readonly DeskEntry[]; bundles: Readonly<Record<string, ContentBundle>> },
  onProgress?: (done: number, total: number) => void,
): Promise<DeskState> {
  const problems: string[] = [];
  const pending = entriesOf(input.codes, input.files, problems);
  const out = await replayEntries(content, catalog, pending, already, problems, onProgress);
  const keep = await keepEntries(out.entries);
  if (keep) problems.push(keep);
  const { added, duplicates, refused, ...state } = out;
  return { ...state, gainLine: gainLine(state.gain), problems, summary: t('desk.summary', { added, duplicates, refused }) };
}

/** The kept entries, replayed: what the desk held before the page was reloaded. */
export async function loadDesk(content: ContentStore, catalog: readonly ScenarioSummary[], onProgress?: (done: number, total: number) => void): Promise<DeskState> {
  const problems: string[] = [];
  const kept = await readEntries(problems);
  const pending = kept.map((e) => ({ ...e, what: e.team }));
  const out = await replayEntries(content, catalog, pending, { results: [], entries: [], bundles: {} }, problems, onProgress);
  const { added: _a, duplicates: _d, refused: _r, ...state } = out;
  return { ...state, gainLine: gainLine(state.gain), problems, summary: kept.length > 0 ? t('desk.restored', { count: out.results.length }) : null };
}

// --- kept in IndexedDB (memory where it cannot be opened: said once) ---------------

const DESK_KEY = 'entries';
let deskStore: UseStore | null = null;
let memory: string | undefined;
const store = () => (deskStore ??= createStore('safe-city-desk', 'desk'));

async function keepEntries(entries: readonly DeskEntry[]): Promise<string | null> {
  const text = JSON.stringify({ format: 'safe-city-desk', version: 1, entries });
  memory = text;
  try {
    if (typeof indexedDB === 'undefined') return null;
    await set(DESK_KEY, text, store());
    return (await get(DESK_KEY, store())) === text ? null : t('desk.notKept', { reason: 'read-back' });
  } catch (error) {
    return t('desk.notKept', { reason: (error as Error).message || String(error) });
  }
}

async function readEntries(problems: string[]): Promise<DeskEntry[]> {
  let text: unknown = memory;
  try {
    if (typeof indexedDB !== 'undefined') text = await get(DESK_KEY, store());
  } catch (error) {
    problems.push(t('desk.notRead', { reason: (error as Error).message || String(error) }));
  }
  if (typeof text !== 'string') return [];
  try {
    const data = JSON.parse(text) as { entries?: unknown };
    if (!Array.isArray(data.entries)) throw new Error('no entries');
    return data.entries.filter(
      (e): e is DeskEntry =>
        typeof e === 'object' && e !== null && typeof (e as DeskEntry).team === 'string' && typeof (e as DeskEntry).code === 'string' && ((e as DeskEntry).players === undefined || ((e as DeskEntry).players! >= 1 && (e as DeskEntry).players! <= MAX_PLAYERS)),
    );
  } catch (error) {
    problems.push(t('desk.notRead', { reason: (error as Error).message }));
    return [];
  }
}

/** Forget every kept result (the facilitator confirmed). */
export async function clearDesk(): Promise<void> {
  memory = undefined;
  if (typeof indexedDB !== 'undefined') await del(DESK_KEY, store()).catch(() => {});
}

export { resultsCsv } from './desk-csv.ts';

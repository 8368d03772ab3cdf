// The workshop's part of the app's transitions, as plain functions: a join
// link that finds its team's game, a team's start (with how many play), the
// compare screen's desk (kept results, progress, a confirmed clear) and the
// files a team or the facilitator takes away. The facilitator's code loads
// lazily (desk.ts, desk-csv.ts): teams never download it.
import type { AppContext, AppEvent, WorkshopState } from './app-types.ts';
import { decodeSession, MAX_PLAYERS, normaliseCode } from './codes.ts';
import type { GameMeta } from './game.ts';
import { sortedIds, teamResultOf } from './workshop-desk.ts';
import { loadDeskModule } from './desk-loader.ts';
import { pauseClock, startClock } from './facilitator-clock.ts';

/** The session the saved game was played in, if it was a workshop game. */
function slotSession(context: AppContext): string | null {
  try {
    const code = (JSON.parse(context.services.saves.latest() ?? 'null') as { meta?: { sessionCode?: unknown } } | null)?.meta?.sessionCode;
    return typeof code === 'string' && code ? normaliseCode(code) : null;
  } catch {
    return null;
  }
}

/** A join link reopened (a reload, a closed tab): the team's own game in this session continues — played on, or finished with its result. */
export function joinFindsGame(context: AppContext): boolean {
  const code = context.workshop.join.code;
  return code !== '' && context.pending === null && slotSession(context) === normaliseCode(code);
}

/** The game a team starts from a session code, its name and how many play. */
export function joinPending(context: AppContext, event: Extract<AppEvent, { type: 'join.start' }>): Partial<AppContext> {
  const settings = decodeSession(event.code, context.catalog.length);
  const players = event.players !== undefined && Number.isInteger(event.players) && event.players >= 1 ? Math.min(MAX_PLAYERS, event.players) : undefined;
  const meta: GameMeta = {
    team: event.team.trim(),
    sessionCode: normaliseCode(event.code),
    knowledgeCheck: settings.knowledgeCheck,
    timerMinutes: settings.timerMinutes,
    length: 'full',
    ...(players ? { players } : {}),
  };
  return { notices: [], pending: { id: sortedIds(context.catalog)[settings.scenarioIndex]!, seed: settings.seed, meta } };
}

export const desk = (context: AppContext, patch: Partial<WorkshopState>): Partial<AppContext> => ({ workshop: { ...context.workshop, ...patch } });

/** The team's result file, offered as a download. */
export function downloadResult(context: AppContext, includeAnswers: boolean): void {
  const result = context.game && teamResultOf(context.game, context.catalog);
  if (!result) return;
  const name = (context.game!.meta.team ?? 'team').replace(/[^A-Za-z0-9А-Яа-я_-]+/g, '-');
  context.services.download(`safe-city-${name}.json`, result.file(includeAnswers), 'application/json');
}

/** The facilitator's CSV (its module loads on first use). */
export function downloadCsv(context: AppContext): void {
  const { results, bundles } = context.workshop;
  void loadDeskModule().then(({ resultsCsv }) => context.services.download('safe-city-results.csv', resultsCsv(results, bundles), 'text/csv;charset=utf-8'));
}

/** Clearing asked first: confirmed, the kept results are forgotten (an effect, here, once); declined, nothing changes. */
export function clearPatch(context: AppContext, confirm: boolean): Partial<AppContext> {
  if (!confirm) return desk(context, { confirmClear: false });
  void loadDeskModule().then(({ clearDesk }) => clearDesk());
  return desk(context, { results: [], entries: [], problems: [], gain: null, gainLine: null, summary: null, confirmClear: false });
}

/** What the desk's loading and import actors are given: the context, the pasted codes and files, and a way to say how far they are. */
export function deskInput({ context, event, self }: { context: AppContext; event: AppEvent; self: { send: (e: AppEvent) => void } }) {
  const input = event.type === 'results.import' ? event : { codes: '', files: [] };
  return { context, codes: input.codes, files: input.files, progress: (done: number, total: number) => self.send({ type: 'results.progress', done, total }) };
}

/** The desk's loading or import finished (or failed: said, nothing lost). */
export function deskDone({ context, event }: { context: AppContext; event: { type: string } }): Partial<AppContext> {
  const done = event as { output?: Partial<WorkshopState>; error?: unknown };
  const patch = done.output ?? { problems: [String(done.error)] };
  return desk(context, { ...patch, progress: null, loaded: true, confirmClear: false });
}

/** The facilitator's side of the compare screen: the clock, the teams expected, the handout open, the date it was opened; a confirmed clear closes the handout. */
export function facilitatorPatch(context: AppContext, event: AppEvent | { type: 'compare.opened' }): Partial<AppContext> {
  const f = context.facilitator;
  const now = () => context.services.now();
  switch (event.type) {
    case 'compare.opened':
      return { facilitator: { ...f, handout: null, openedAt: now() } };
    case 'clock.start':
      return { facilitator: { ...f, clock: startClock(f.clock, event.phase, event.minutes, now()) } };
    case 'clock.pause':
      return { facilitator: { ...f, clock: pauseClock(f.clock, now()) } };
    case 'clock.reset':
      return { facilitator: { ...f, clock: null } };
    case 'teams.expected':
      return { facilitator: { ...f, expected: Math.max(0, Math.min(99, Math.floor(event.count) || 0)) } };
    case 'handout.open':
      return { facilitator: { ...f, handout: event.team } };
    case 'results.clear':
      return event.confirm ? { facilitator: { ...f, handout: null } } : {};
    default:
      return {};
  }
}

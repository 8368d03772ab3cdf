// The app machine's context updates, as plain functions of the context and
// the event: the machine's actions call them; tests can too.
import type { AppContext, AppEvent, AppInput } from './app-types.ts';
import { WORKSHOP_SEED_BITS } from './codes.ts';
import { timerKey } from './game-flow.ts';
import { NO_FACILITATOR } from './facilitator-clock.ts';
import { addNotices } from './notices.ts';
import { MAX_OPENED } from './settings.ts';
import { saveVotes } from './votes.ts';

/** The app as it starts: from the page's input (settings, notices, what the URL asks for). */
export function initialContext(input: AppInput): AppContext {
  return {
    services: input.services,
    catalog: input.catalog,
    settings: input.settings,
    notices: addNotices([], ...input.notices),
    mapSelected: null,
    bundle: null,
    game: null,
    pending: input.start && 'scenario' in input.start ? { id: input.start.scenario, seed: input.start.seed } : null,
    pendingMove: null,
    problems: [],
    panel: null,
    votes: {},
    workshop: {
      setup: { scenarioIndex: 0, seed: 0, knowledgeCheck: true, timerMinutes: 0 },
      code: null,
      join: { code: input.start && 'join' in input.start ? input.start.join : '', problem: null },
      results: [],
      problems: [],
      bundles: {},
      entries: [],
      gain: null,
      gainLine: null,
      summary: null,
      progress: null,
      confirmClear: false,
      loaded: false,
    },
    facilitator: NO_FACILITATOR,
    timer: null,
    resumable: null,
    saveProblem: null,
    kept: [],
    debriefTip: false,
    debriefTab: 'why',
    guide: null,
    discard: null,
    resumeAtBoot: !!input.start && 'resume' in input.start,
  };
}

/** A facilitator's countdown for the screen now in play: kept on the same screen, started afresh on a new one. */
export function timerPatch(context: AppContext): Partial<AppContext> {
  const game = context.game;
  const minutes = game?.meta.timerMinutes ?? 0;
  const key = game && minutes > 0 ? timerKey(game) : null;
  if (!key) return { timer: null };
  if (context.timer?.key === key) return {};
  return { timer: { key, deadline: context.services.now() + minutes * 60_000, pausedAt: null } };
}

export function pickPatch(context: AppContext, event: AppEvent): Partial<AppContext> {
  if (event.type !== 'decision.toggle' || !context.game) return {};
  const picks = context.game.picks.includes(event.option) ? context.game.picks.filter((o) => o !== event.option) : [...context.game.picks, event.option];
  return { game: { ...context.game, picks } };
}

/** What the player opened stays open for them: the newest first; the oldest fall off past the limit. */
export function disclosurePatch(context: AppContext, event: AppEvent): Partial<AppContext> {
  if (event.type !== 'disclosure.toggle') return {};
  const others = context.settings.opened.filter((k) => k !== event.key);
  const opened = (event.open ? [event.key, ...others] : others).slice(0, MAX_OPENED);
  return { settings: { ...context.settings, opened } };
}

/** A class's show of hands, kept with the game it belongs to. */
export function votePatch(context: AppContext, event: AppEvent): Partial<AppContext> {
  if (event.type !== 'vote.change') return {};
  const votes = { ...context.votes, [event.key]: Math.max(0, (context.votes[event.key] ?? 0) + event.delta) };
  if (context.game) saveVotes(context.services.store, context.game, votes);
  return { votes };
}

/** A panel opens (the pause panel stops the countdown); closing it gives the paused time back. */
export function openPanelPatch(context: AppContext, event: AppEvent): Partial<AppContext> {
  if (event.type !== 'panel.open') return {};
  const timer = event.panel === 'pause' && context.timer ? { ...context.timer, pausedAt: context.services.now() } : context.timer;
  return { panel: { name: event.panel, metric: event.metric ?? null, ...(event.term ? { term: event.term } : {}), ...(context.bundle ? { bundle: context.bundle } : {}) }, timer };
}

export function closePanelPatch(context: AppContext): Partial<AppContext> {
  const t0 = context.timer?.pausedAt;
  const timer = context.timer && t0 != null ? { ...context.timer, deadline: context.timer.deadline + (context.services.now() - t0), pausedAt: null } : context.timer;
  return { panel: null, timer };
}

/** The set-up form with a fresh seed (the rest as the facilitator left it). */
export function newSeedPatch(context: AppContext, event: AppEvent): Partial<AppContext> {
  const form = event.type === 'setup.newSeed' && event.settings ? event.settings : context.workshop.setup;
  return { workshop: { ...context.workshop, code: null, setup: { ...form, seed: context.services.randomSeed(2 ** WORKSHOP_SEED_BITS - 1) } } };
}

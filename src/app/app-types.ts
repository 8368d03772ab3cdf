// The app machine's context, events and the services it acts through. Kept
// apart from the machine so that screens can import the types without the
// machine, and the shell can implement the services without XState.
import type { ContentBundle, ContentReport, GameEvent, GameLength, MetricId, Problem, Scenario } from '../engine/index.ts';
import type { ScenarioSummary } from './catalog.ts';
import type { SessionSettings } from './codes.ts';
import type { ClockPhase, FacilitatorState } from './facilitator-clock.ts';
import type { GameMeta, GameState } from './game.ts';
import type { DeskEntry } from './desk.ts';
import type { LearningGain } from './learning-gain.ts';
import type { TeamResult } from './results.ts';
import type { KeptSave, SaveStore } from './save-store.ts';
import type { Settings } from './settings.ts';
import type { KeyValueStore } from './storage.ts';

export type PanelName = 'settings' | 'glossary' | 'casebook' | 'rules' | 'endings' | 'pause';
/** The debrief's sections, one shown at a time. */
export type DebriefTab = 'why' | 'path' | 'record' | 'sources' | 'discuss';

export type SoundEffect = 'choice' | 'headline' | 'meter-up' | 'meter-down' | 'ending';

/** A message for the player, translated when shown (so it follows a change of language). */
export interface Notice {
  key: string;
  values?: Record<string, string | number>;
}

/** Content loading with one cache; the browser build reads the bundled files, tests read from disk. */
export interface ContentStore {
  /** The shared files (sources, shared deck, glossary) and, if named, one scenario. */
  load(scenarioId: string | null): Promise<ContentReport>;
  /** The shared files and every scenario (the endings gallery). */
  loadAll(): Promise<ContentReport>;
}

/** The teacher guide in a language, or in English with a note when it has none. */
export interface GuideText {
  text: string;
  /** The guide's own language. */
  lang: string;
  /** The language asked for: when the two differ, the guide says it is shown in English. */
  requested: string;
}

/** The world the app acts on: every effect of a transition goes through one of these. */
export interface AppServices {
  readonly store: KeyValueStore;
  /** Saved games: the current one and the kept copies (async; IndexedDB in the browser). */
  readonly saves: SaveStore;
  readonly content: ContentStore;
  announce(message: string, politeness?: 'polite' | 'assertive'): void;
  play(effect: SoundEffect): void;
  /** Language, page classes, sound volumes: what settings change outside the app's own screens. */
  applySettings(settings: Settings): void;
  guide(lang: string): Promise<GuideText>;
  randomSeed(max: number): number;
  now(): number;
  download(name: string, text: string, type: string): void;
  print(): void;
  /** Take the new version that is waiting: reload once every save has been written, and continue the game after it when `resume`. */
  applyUpdate(resume: boolean): void;
}

export interface PanelState {
  name: PanelName;
  metric: MetricId | null;
  /** The glossary term asked about, shown first. */
  term?: string;
  /** What the panel needs beyond the app's content, loaded when it opened. */
  bundle?: ContentBundle;
  scenarios?: readonly Scenario[];
  seenEndings?: readonly string[];
}

export interface WorkshopState {
  /** The set-up form: a fresh seed is drawn once, when the form opens. */
  setup: SessionSettings;
  code: string | null;
  join: { code: string; problem: string | null };
  results: readonly TeamResult[];
  problems: readonly string[];
  /** Content for each scenario a result was replayed on. */
  bundles: Readonly<Record<string, ContentBundle>>;
  /** What the teams handed in, as kept in this browser (desk.ts). */
  entries: readonly DeskEntry[];
  gain: LearningGain | null;
  /** The gain in words, as the desk put it. */
  gainLine: string | null;
  /** What the last import did, in one line. */
  summary: string | null;
  /** Entries replayed so far during an import or a load. */
  progress: { done: number; total: number } | null;
  /** The facilitator asked to clear: the screen asks to confirm. */
  confirmClear: boolean;
  /** The kept results were read (once per page). */
  loaded: boolean;
}

export interface TimerState {
  /** The screen the countdown belongs to (decision index and turn). */
  key: string;
  deadline: number;
  pausedAt: number | null;
}

export interface AppContext {
  readonly services: AppServices;
  readonly catalog: readonly ScenarioSummary[];
  settings: Settings;
  notices: readonly Notice[];
  mapSelected: string | null;
  /** The content of the game in progress, or the shared files for the panels. */
  bundle: ContentBundle | null;
  game: GameState | null;
  /** The scenario being loaded, and how to start it. */
  pending: { id: string; seed: number; meta?: GameMeta } | null;
  /** The move sent to the engine and not yet reported back. */
  pendingMove: GameEvent | null;
  problems: readonly Problem[];
  panel: PanelState | null;
  votes: Readonly<Record<string, number>>;
  workshop: WorkshopState;
  /** The compare screen's clock, expected teams and open handout. */
  facilitator: FacilitatorState;
  timer: TimerState | null;
  /** The saved game the title offers to continue ('' scenario: a save that cannot be continued). */
  resumable: { scenario: string; turn: number; moves: number } | null;
  /** Why the game in play, or a save that could not be copied, is not safely stored: shown on every screen with a download. */
  saveProblem: { kind: 'write' | 'keep'; reason: string } | null;
  /** The copies of saved games kept in this browser, newest first. */
  kept: readonly KeptSave[];
  /** The debrief's tip is shown the first time only; tips then switch off. */
  debriefTip: boolean;
  debriefTab: DebriefTab;
  /** The teacher guide page, once loaded. */
  guide: GuideText | null;
  /** Why the save read at boot cannot be used, while it is being set aside. */
  discard: string | null;
  /** The page was reloaded for a new version during a game: continue it once the save is checked. */
  resumeAtBoot: boolean;
}

export interface AppInput {
  services: AppServices;
  catalog: readonly ScenarioSummary[];
  settings: Settings;
  notices: readonly Notice[];
  /** Where the page starts: a scenario from the URL, the join screen, the saved game (after an update), or the title. */
  start: { scenario: string; seed: number } | { join: string } | { resume: true } | null;
}

export type AppEvent =
  | { type: 'nav.title' }
  | { type: 'nav.map'; selected?: string }
  | { type: 'nav.workshop' }
  | { type: 'map.select'; id: string }
  | { type: 'scenario.start'; id: string; seed?: number }
  | { type: 'save.resume' }
  | { type: 'save.forget' }
  | { type: 'save.written'; problem: string | null }
  | { type: 'save.download' }
  | { type: 'save.downloadKept'; key: string }
  | { type: 'replace.confirm' }
  | { type: 'update.ready' }
  | { type: 'update.apply' }
  | { type: 'update.later' }
  | { type: 'game.move'; move: GameEvent }
  | { type: 'decision.toggle'; option: string }
  | { type: 'outcome.continue' }
  | { type: 'game.length'; length: GameLength }
  | { type: 'check.submit'; answers: Record<string, string> }
  | { type: 'debrief.open' }
  | { type: 'workshop.setup' }
  | { type: 'workshop.join'; code?: string }
  | { type: 'workshop.compare' }
  | { type: 'setup.newSeed'; settings?: SessionSettings }
  | { type: 'setup.makeCode'; settings?: SessionSettings }
  | { type: 'join.start'; code: string; team: string; players?: number }
  | { type: 'results.import'; codes: string; files: readonly { name: string; text: string; size: number }[] }
  | { type: 'results.progress'; done: number; total: number }
  /** Without `confirm`: ask first; with it, the answer. */
  | { type: 'results.clear'; confirm?: boolean }
  | { type: 'results.csv' }
  | { type: 'clock.start'; phase: ClockPhase; minutes: number }
  | { type: 'clock.pause' }
  | { type: 'clock.reset' }
  | { type: 'teams.expected'; count: number }
  | { type: 'handout.open'; team: number | null }
  | { type: 'result.download'; includeAnswers: boolean }
  | { type: 'vote.change'; key: string; delta: number }
  | { type: 'panel.open'; panel: PanelName; metric?: MetricId; term?: string }
  | { type: 'panel.close' }
  | { type: 'disclosure.toggle'; key: string; open: boolean }
  | { type: 'debrief.tab'; tab: DebriefTab }
  | { type: 'nav.guide' }
  | { type: 'nav.sources' }
  | { type: 'settings.update'; patch: Partial<Settings> }
  | { type: 'page.print' };

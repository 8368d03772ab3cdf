// What every screen may use: the content, the game in progress, settings, and
// the commands the controller offers. Screens hold no game rules: they read
// the engine's snapshot and send it the player's events.
import type { ContentBundle, GameEvent, MetricId } from '../engine/index.ts';
import type { ScenarioSummary } from '../catalog.ts';
import type { GameSession } from '../app/session.ts';
import type { Settings } from '../app/settings.ts';
import type { StageView } from '../stage/stage-view.ts';

export type ScreenName = 'boot' | 'title' | 'map' | 'briefing' | 'decision' | 'turn' | 'ending' | 'debrief' | 'error' | 'workshop' | 'setup' | 'join' | 'compare' | 'check';

export type PanelName = 'settings' | 'glossary' | 'casebook' | 'rules' | 'endings' | 'pause' | 'guide';

export interface UiContext {
  /** Every scenario, in brief: for the title and the map. */
  readonly catalog: readonly ScenarioSummary[];
  /** The content of the game in progress (only read on game screens and panels). */
  readonly bundle: ContentBundle;
  readonly session: GameSession | null;
  readonly settings: Settings;
  /** A save to offer on the title screen, if any. */
  readonly resumable: { scenario: string; turn: number } | null;
  send(event: GameEvent): void;
  startScenario(id: string, seed?: number): void;
  resume(): void;
  goTitle(): void;
  goMap(selected?: string): void;
  goDebrief(): void;
  goWorkshop(): void;
  /** Classroom: the show-of-hands tally for an option on the current screen. */
  votes(key: string): number;
  vote(key: string, delta: number): void;
  /** The team's result code and file, for a workshop session. */
  teamResult(): { code: string; file: (includeAnswers: boolean) => string } | null;
  openPanel(panel: PanelName, metric?: MetricId): void;
  updateSettings(patch: Partial<Settings>): void;
  announce(message: string, politeness?: 'polite' | 'assertive'): void;
  playEffect(effect: 'choice' | 'headline' | 'meter-up' | 'meter-down' | 'ending'): void;
}

export interface Screen {
  name: ScreenName;
  /** The heading that receives focus when the screen appears. */
  body: Node[];
  stage: Omit<StageView, 'reducedMotion'>;
  /** A short description of the stage picture, for the canvas's text alternative. */
  stageDescription: string;
}

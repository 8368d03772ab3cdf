// What every screen is given: a read-only view of the app's snapshot and one
// way to act, `send`. Screens hold no game rules and no state of their own
// that matters: they read the engine's snapshot (through the app's) and send
// the player's events.
import type { AppContext, AppEvent } from '../app/app-types.ts';
import type { ScenarioSummary } from '../app/catalog.ts';
import type { GameState } from '../app/game.ts';
import type { Settings } from '../app/settings.ts';
import type { ContentBundle } from '../engine/index.ts';
import type { StageRequest } from '../app/stage-view.ts';

export type ScreenName =
  | 'boot'
  | 'title'
  | 'map'
  | 'briefing'
  | 'decision'
  | 'turn'
  | 'ending'
  | 'debrief'
  | 'error'
  | 'workshop'
  | 'setup'
  | 'join'
  | 'compare'
  | 'check'
  | 'outcome'
  | 'guide'
  | 'sources'
  | 'replace';

export interface UiContext {
  readonly app: AppContext;
  readonly catalog: readonly ScenarioSummary[];
  readonly settings: Settings;
  /** The content of the game in progress (game screens and panels only). */
  readonly bundle: ContentBundle;
  readonly votes: Readonly<Record<string, number>>;
  send(event: AppEvent): void;
}

export interface Screen {
  name: ScreenName;
  /** The heading that receives focus when the screen appears is the body's h1. */
  body: Node[];
  stage: StageRequest;
  /** A short description of the stage picture, for the canvas's text alternative. */
  stageDescription: string;
}

export type { GameState };

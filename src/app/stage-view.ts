// What the stage (the Phaser canvas) is asked to show. Plain data: the DOM
// layer builds it from the engine snapshot; scenes only draw it.
import type { MetricId } from '../engine/index.ts';

export interface MapPin {
  id: string;
  lon: number;
  lat: number;
  country: string;
  /** The number on the pin, the same as beside the scenario in the list. */
  mark: string;
}

/** A documented place, drawn as a city marker with its name (already translated). */
export interface MapCity {
  name: string;
  lon: number;
  lat: number;
}

export interface TitleView {
  scene: 'title';
}

export interface MapView {
  scene: 'map';
  /** The pins and the one in focus. */
  pins: readonly MapPin[];
  selected: string | null;
  /** Caption beside the selected pin (already translated). */
  selectedCaption?: string;
  cities: readonly MapCity[];
  /** Names of the five states, translated, drawn on the map (ISO alpha-2 → name). */
  countryNames: Readonly<Record<string, string>>;
}

export interface CityView {
  scene: 'city';
  /** A stable seed for the skyline. */
  cityKey: string;
  /** The measures (0–100 scales; debt in $ million) and the last changes. */
  metrics: Readonly<Record<MetricId, number>>;
  debtScale: number;
  cameras: number;
  tone: 'good' | 'mixed' | 'bad' | null;
  pulse: readonly { metric: MetricId; delta: number }[];
  /** Short captions drawn on the picture (already translated). */
  labels: { debt: string; data: string; crowd: string };
}

/** What a screen asks the stage to draw; the shell adds the motion setting. */
export type StageRequest = TitleView | MapView | CityView;

/** A view as the stage draws it: with the player's motion setting. */
export type Shown<V extends StageRequest> = V & { reducedMotion: boolean };

export type StageView = Shown<StageRequest>;

export interface StagePort {
  show(view: StageView): void;
  /** Called when a pin is clicked on the map (the DOM list offers the same choice by keyboard). */
  onPick(listener: (id: string) => void): void;
  destroy(): void;
}

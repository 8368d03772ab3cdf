// What the stage (the Phaser canvas) is asked to show. Plain data: the DOM
// layer builds it from the engine snapshot; scenes only draw it.
import type { MetricId } from '../engine/index.ts';

export type StageScene = 'title' | 'map' | 'city';

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

export interface StageView {
  scene: StageScene;
  reducedMotion: boolean;
  /** Map: the pins and the one in focus. */
  pins?: readonly MapPin[];
  selected?: string | null;
  /** Caption beside the selected pin (already translated). */
  selectedCaption?: string;
  cities?: readonly MapCity[];
  /** Names of the five states, translated, drawn on the map (ISO alpha-2 → name). */
  countryNames?: Readonly<Record<string, string>>;
  /** City: a stable seed for the skyline, the measures (0–100 scales; debt in $ million) and the last changes. */
  cityKey?: string;
  metrics?: Readonly<Record<MetricId, number>>;
  debtScale?: number;
  cameras?: number;
  tone?: 'good' | 'mixed' | 'bad' | null;
  pulse?: readonly { metric: MetricId; delta: number }[];
  /** Short captions drawn on the picture (already translated). */
  labels?: { debt: string; data: string; crowd: string };
}

export interface StagePort {
  show(view: StageView): void;
  /** Called when a pin is clicked on the map (the DOM list offers the same choice by keyboard). */
  onPick(listener: (id: string) => void): void;
  destroy(): void;
}

// The scenario catalog: enough about each scenario for the title and the map,
// without loading its file (see the scenario-catalog plugin in vite.config.ts).
import entries from 'virtual:scenario-catalog';
import type { LocalizedText, Scenario } from '../engine/index.ts';

export interface ScenarioSummary {
  file: string;
  id: string;
  title: LocalizedText;
  place: Scenario['place'];
  years: Scenario['years'];
  turns: number;
  teaser: LocalizedText;
}

/** Broken files are left out here; loading them reports the problems. */
export const CATALOG: readonly ScenarioSummary[] = (entries as (ScenarioSummary & { broken?: boolean })[]).filter(
  (e) => !e.broken && typeof e.id === 'string' && e.title && e.place && e.years && typeof e.turns === 'number' && e.teaser,
);

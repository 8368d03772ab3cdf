// What loading content gives back, apart from the validator itself, so that
// the page can name problems without bundling the validator.
import type { Glossary, Scenario, SharedEvents, SourceRegistry } from './schema.ts';

export interface ContentFile {
  /** Path as shown to the author, e.g. "scenarios/bishkek-command-centre.json". */
  path: string;
  text: string;
}

export interface Problem {
  file: string;
  path: string;
  expected: string;
}

export interface ContentBundle {
  scenarios: Scenario[];
  shared: SharedEvents;
  registry: SourceRegistry;
  glossary: Glossary;
}

export interface ContentReport {
  bundle: ContentBundle | null;
  problems: Problem[];
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.path}: ${p.expected}`;
}

export const SOURCES_FILE = 'sources.json';
export const SHARED_EVENTS_FILE = 'shared-events.json';
export const GLOSSARY_FILE = 'glossary.json';

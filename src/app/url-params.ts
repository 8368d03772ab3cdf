// Reads ?scenario=ID&seed=N&lang=xx. Pure: unknown or bad values become
// notices for the player, never exceptions.
import { isValidSeed } from '../engine/index.ts';

export const URL_PARAMS = ['scenario', 'seed', 'lang', 'join'] as const;

export type UrlNotice =
  | { key: 'notice.unknownParam'; values: { key: string } }
  | { key: 'notice.unknownLang'; values: { value: string; available: string; fallback: string } }
  | { key: 'notice.badSeed'; values: { value: string } }
  | { key: 'notice.unknownScenario'; values: { value: string } };

export interface UrlChoice {
  scenario?: string;
  seed?: number;
  lang?: string;
  /** A workshop session code to pre-fill on the join screen (checked there). */
  join?: string;
  notices: UrlNotice[];
}

export function readUrlParams(search: string, known: { scenarios: readonly string[]; languages: readonly string[] }): UrlChoice {
  const params = new URLSearchParams(search);
  const out: UrlChoice = { notices: [] };
  for (const key of new Set(params.keys())) {
    if (!(URL_PARAMS as readonly string[]).includes(key)) out.notices.push({ key: 'notice.unknownParam', values: { key } });
  }
  const lang = params.get('lang');
  if (lang !== null) {
    if (known.languages.includes(lang)) out.lang = lang;
    else out.notices.push({ key: 'notice.unknownLang', values: { value: lang, available: known.languages.join(', '), fallback: known.languages[0] ?? 'en' } });
  }
  const seed = params.get('seed');
  if (seed !== null) {
    if (/^\d{1,10}$/.test(seed) && isValidSeed(Number(seed))) out.seed = Number(seed);
    else out.notices.push({ key: 'notice.badSeed', values: { value: seed } });
  }
  const join = params.get('join');
  if (join !== null) out.join = join.slice(0, 32);
  const scenario = params.get('scenario');
  if (scenario !== null) {
    if (known.scenarios.includes(scenario)) out.scenario = scenario;
    else out.notices.push({ key: 'notice.unknownScenario', values: { value: scenario } });
  }
  return out;
}

// Reads ?scenario=ID&seed=N&lang=xx. Pure: unknown or bad values become
// notices for the player, never exceptions.
import { isValidSeed } from '../engine/index.ts';

export const URL_PARAMS = ['scenario', 'seed', 'lang', 'join'] as const;

export type UrlNotice =
  | { key: 'notice.unknownParam'; values: { key: string } }
  | { key: 'notice.unknownParams'; values: { count: number; keys: string } }
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

/** A value as a notice quotes it: short enough to read. */
export function quoted(value: string, max = 40): string {
  const chars = [...value];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value;
}

/** Up to this many unknown keys get a notice each; more get one notice that counts them. */
const KEYS_NAMED = 3;

export function readUrlParams(search: string, known: { scenarios: readonly string[]; languages: readonly string[] }): UrlChoice {
  const params = new URLSearchParams(search);
  const out: UrlChoice = { notices: [] };
  const unknown = [...new Set(params.keys())].filter((key) => !(URL_PARAMS as readonly string[]).includes(key));
  if (unknown.length <= KEYS_NAMED) for (const key of unknown) out.notices.push({ key: 'notice.unknownParam', values: { key: quoted(key) } });
  else {
    const named = unknown.slice(0, KEYS_NAMED).map((k) => `"${quoted(k, 24)}"`);
    out.notices.push({ key: 'notice.unknownParams', values: { count: unknown.length, keys: unknown.length > KEYS_NAMED ? `${named.join(', ')}, …` : named.join(', ') } });
  }
  const lang = params.get('lang');
  if (lang !== null) {
    if (known.languages.includes(lang)) out.lang = lang;
    else out.notices.push({ key: 'notice.unknownLang', values: { value: quoted(lang), available: known.languages.join(', '), fallback: known.languages[0] ?? 'en' } });
  }
  const seed = params.get('seed');
  if (seed !== null) {
    if (/^\d{1,10}$/.test(seed) && isValidSeed(Number(seed))) out.seed = Number(seed);
    else out.notices.push({ key: 'notice.badSeed', values: { value: quoted(seed) } });
  }
  const join = params.get('join');
  if (join !== null) out.join = join.slice(0, 32);
  const scenario = params.get('scenario');
  if (scenario !== null) {
    if (known.scenarios.includes(scenario)) out.scenario = scenario;
    else out.notices.push({ key: 'notice.unknownScenario', values: { value: quoted(scenario) } });
  }
  return out;
}

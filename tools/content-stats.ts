// npm run --silent content:stats [-- --seeds N]
// How long a scenario takes a new player: the words on the screens one
// playthrough shows (briefing, advisors, every decision's cards, the events
// drawn with their responses and the year's changes, the ending and the
// debrief), turned into minutes with a reading speed and a time per choice.
// Prints one JSON object per scenario and states the model it used; usage
// errors exit 2 with a message on stderr.
import { parseArgs } from 'node:util';
import {
  explainCause,
  prepareScenario,
  runScenario,
  totalsByCause,
  type CompiledScenario,
  type ContentBundle,
  type Lang,
  type LocalizedText,
  type PolicyName,
  type RunResult,
} from '../src/engine/index.ts';
import { exitCodeOf, isEntryPoint, processIo, usageError, type CliIo } from './cli.ts';
import { loadBundleOrReport } from './content-files.ts';

/**
 * The reading model. 180 words a minute is careful reading of non-fiction by
 * a secondary-school or adult learner (slower than the 200–250 usually given
 * for adults reading in their first language, since many players read in a
 * second one); 150 and 230 bound it. Choices take time beyond reading: a
 * decision is weighed against its alternatives, an event response less so.
 */
export const READING_MODEL = {
  wordsPerMinute: 180,
  slowWordsPerMinute: 150,
  fastWordsPerMinute: 230,
  secondsPerDecision: 45,
  secondsPerResponse: 20,
  /** The debrief is skimmed, not read word by word: this share of its words counts. */
  debriefShare: 0.5,
} as const;

export const TARGET_MINUTES = { min: 15, max: 25 } as const;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,%$-]*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

function words(lang: Lang, ...texts: (LocalizedText | string | undefined)[]): number {
  return texts.reduce<number>((sum, t) => sum + countWords(typeof t === 'string' ? t : t ? ((lang === 'ru' ? t.ru : undefined) ?? t.en) : ''), 0);
}

export interface PathReading {
  briefing: number;
  decisions: number;
  turns: number;
  ending: number;
  debrief: number;
  total: number;
  choices: { decisions: number; responses: number };
}

/** The words one playthrough puts in front of the player, screen by screen. */
export function wordsOnPath(c: CompiledScenario, run: RunResult, lang: Lang = 'en'): PathReading {
  const s = c.scenario;
  const briefing = words(lang, s.briefing.text, ...s.advisors.flatMap((a) => [a.name, a.view]));
  const decisions = s.decisions.reduce(
    (sum, d) => sum + words(lang, d.title, d.prompt, ...d.options.flatMap((o) => [o.label, o.summary, o.vendor?.training])),
    0,
  );
  let turns = 0;
  for (const r of run.responses) {
    const event = c.eventById.get(r.event);
    if (!event) continue;
    turns += words(lang, event.headline, event.memo, ...event.responses.flatMap((x) => [x.label, x.summary]));
  }
  // The changes each year lists: the measure and delta every time, a cause's sentence the first time it appears
  // (a yearly rule that comes back is recognised, not read again).
  const causesRead = new Set<string>();
  for (const e of run.ledger) {
    turns += 2;
    if (!causesRead.has(e.cause)) {
      causesRead.add(e.cause);
      turns += countWords(explainCause(c, e, lang));
    }
  }
  const ending = s.endings.find((e) => e.id === run.ending);
  const endingWords = words(lang, ending?.title, ending?.text);
  const why = totalsByCause(run.ledger).reduce((sum, e) => sum + countWords(explainCause(c, { ...e, turn: e.turns[0]! }, lang)), 0);
  const debrief = Math.round(READING_MODEL.debriefShare * (why + words(lang, s.historical.summary, s.historical.outcome, ...s.discussion)));
  return {
    briefing,
    decisions,
    turns,
    ending: endingWords,
    debrief,
    total: briefing + decisions + turns + endingWords + debrief,
    choices: { decisions: s.decisions.length, responses: run.responses.length },
  };
}

export function minutesFor(reading: PathReading, wordsPerMinute: number = READING_MODEL.wordsPerMinute): number {
  const choosing = reading.choices.decisions * READING_MODEL.secondsPerDecision + reading.choices.responses * READING_MODEL.secondsPerResponse;
  return reading.total / wordsPerMinute + choosing / 60;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export interface ScenarioStats {
  scenario: string;
  turns: number;
  decisions: number;
  events: number;
  endings: number;
  words_in_file: { en: number; ru: number };
  words_on_path: { historical: number; random_median: number; random_min: number; random_max: number };
  minutes: { historical: number; random_median: number; slow_reader: number; fast_reader: number };
  within_target: boolean;
}

/** Every piece of text in a scenario file, in one language. */
function allText(value: unknown, lang: Lang): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => allText(v, lang));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['en'] === 'string') return [String((lang === 'ru' ? o['ru'] : undefined) ?? o['en'])];
    return Object.values(o).flatMap((v) => allText(v, lang));
  }
  return [];
}

export function scenarioStats(bundle: ContentBundle, id: string, seeds = 50): ScenarioStats {
  const scenario = bundle.scenarios.find((s) => s.id === id)!;
  const c = prepareScenario(scenario, bundle.shared);
  const play = (seed: number, policy: PolicyName) => wordsOnPath(c, runScenario(c, { seed, policy }));
  const historical = play(1, 'historical');
  const random = Array.from({ length: seeds }, (_, i) => play(i + 1, 'random'));
  const totals = random.map((r) => r.total);
  const minutes = {
    historical: round1(minutesFor(historical)),
    random_median: round1(median(random.map((r) => minutesFor(r)))),
    slow_reader: round1(median(random.map((r) => minutesFor(r, READING_MODEL.slowWordsPerMinute)))),
    fast_reader: round1(median(random.map((r) => minutesFor(r, READING_MODEL.fastWordsPerMinute)))),
  };
  return {
    scenario: id,
    turns: scenario.turns,
    decisions: scenario.decisions.length,
    events: scenario.events.length,
    endings: scenario.endings.length,
    words_in_file: { en: countWords(allText(scenario, 'en').join(' ')), ru: countWords(allText(scenario, 'ru').join(' ')) },
    words_on_path: { historical: historical.total, random_median: median(totals), random_min: Math.min(...totals), random_max: Math.max(...totals) },
    minutes,
    within_target: minutes.random_median >= TARGET_MINUTES.min && minutes.random_median <= TARGET_MINUTES.max,
  };
}

export function main(argv: readonly string[], io: CliIo): Promise<number> {
  return exitCodeOf(() => {
    const fail = (message: string): never => usageError(io, 'content:stats', message);
    let values;
    try {
      values = parseArgs({ args: [...argv], options: { seeds: { type: 'string' }, dir: { type: 'string' } }, strict: true }).values;
    } catch (error) {
      return fail((error as Error).message);
    }
    const seeds = Number(values.seeds ?? 50);
    if (!Number.isInteger(seeds) || seeds < 1) fail(`--seeds must be a whole number above 0, got "${values.seeds}"`);
    const bundle = loadBundleOrReport(values.dir, io);
    if (!bundle) return 1;
    io.stdout(`${JSON.stringify({ model: READING_MODEL, target_minutes: TARGET_MINUTES })}\n`);
    for (const s of bundle.scenarios) io.stdout(`${JSON.stringify(scenarioStats(bundle, s.id, seeds))}\n`);
    return 0;
  });
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2), processIo);

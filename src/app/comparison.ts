// The facilitator's comparison, as data: each team's game replayed from its
// result code (and the real government's path played with the session's
// seed), the event card each drew per year, each measure split into what the
// decisions, the events and responses, and the yearly rules did (from the
// cause ledger), what separates the best and the worst team on each measure,
// and the scenario's own discussion questions picked by what teams did.
// Pure and DOM-free; loaded with the compare screen, in its own chunk.
import { createActor } from 'xstate';
import {
  causeKey,
  enabledEvents,
  initialMetrics,
  makePolicy,
  phaseOf,
  round2,
  RULE_BY_ID,
  scenarioMachine,
  visitCondition,
  type Condition,
  type Cause,
  type CompiledScenario,
  type GameContext,
  type LocalizedText,
  type MetricId,
} from '../engine/index.ts';
import { METRIC_IDS } from '../engine/metric-ids.ts';
import { decodeResult } from './result-codes.ts';
import { replayMoves } from './result-replay.ts';
import { shapeOf, type TeamResult } from './results.ts';

/** Lower is better for the three outcomes; higher for the supporting measures. */
export const LOWER_IS_BETTER: ReadonlySet<MetricId> = new Set<MetricId>(['debt', 'dataExposure', 'backlash']);

export interface TurnCard {
  turn: number;
  /** The event card of that year, or null for a quiet year (or one never played after an early ending). */
  event: string | null;
  /** The version of the card the team met (its choices select it), absent for the card itself. */
  variant?: string;
  played: boolean;
  /** The session's card of that year could not apply to this team's choices: it got the session's substitute (deck.ts). */
  substitute: boolean;
}

export interface PathRow {
  /** The team's name; '' for the real government's path. */
  team: string;
  historical: boolean;
  ctx: GameContext;
  cards: TurnCard[];
}

/** The card per turn for every row, as each game recorded it (the engine's `cards`: event, variant, substitute). */
export function turnCards(contexts: readonly GameContext[], turns: number): TurnCard[][] {
  return contexts.map((ctx) =>
    Array.from({ length: turns }, (_, i) => {
      const record = ctx.cards.find((x) => x.turn === i + 1);
      return { turn: i + 1, event: record?.event ?? null, ...(record?.variant ? { variant: record.variant } : {}), played: i + 1 <= ctx.turn, substitute: record?.substitute ?? false };
    }),
  );
}

/** The real government's path, played with the session's seed (the same policy as the debrief and the golden runs). */
export function historicalContext(c: CompiledScenario, seed: number): GameContext {
  const policy = makePolicy('historical', c, seed);
  const actor = createActor(scenarioMachine(c), { input: { seed } });
  actor.start();
  for (let step = 0; step < 1000 && actor.getSnapshot().status !== 'done'; step++) {
    const snapshot = actor.getSnapshot();
    actor.send(policy.pick(enabledEvents(c, phaseOf(snapshot.value), snapshot.context), snapshot.context));
  }
  const ctx = actor.getSnapshot().context;
  actor.stop();
  return ctx;
}

/** Every team replayed from its code on this scenario (results on another scenario or seed are left out), then the real path. */
export function pathRows(c: CompiledScenario, results: readonly TeamResult[], scenarioCount: number): PathRow[] {
  const first = results.find((r) => r.scenarioId === c.scenario.id);
  if (!first) return [];
  const teams = results.filter((r) => r.scenarioId === c.scenario.id && r.seed === first.seed);
  const contexts = teams.map((r) => replayMoves(c, decodeResult(r.code, scenarioCount, () => shapeOf(c))).snapshot.context);
  contexts.push(historicalContext(c, first.seed));
  const cards = turnCards(contexts, c.turns);
  return contexts.map((ctx, i) => ({ team: teams[i]?.team ?? '', historical: i === teams.length, ctx, cards: cards[i]! }));
}

export interface Decomposition {
  metric: MetricId;
  start: number;
  decisions: number;
  /** Events and the responses to them. */
  events: number;
  rules: number;
  final: number;
}

/** Each measure's final value as its start plus what each kind of cause added (the ledger sums to the final value). */
export function decompose(c: CompiledScenario, ctx: GameContext): Decomposition[] {
  const start = initialMetrics(c.scenario.initialMetrics);
  return METRIC_IDS.map((metric) => {
    const part = (kinds: readonly Cause['kind'][]) => round2(ctx.ledger.filter((e) => e.metric === metric && kinds.includes(e.cause.kind)).reduce((s, e) => s + e.delta, 0));
    return { metric, start: start[metric], decisions: part(['option']), events: part(['event', 'response']), rules: part(['rule']), final: ctx.metrics[metric] };
  });
}

/** What a line of the difference panel is about: one decision (its options and the rules their tags set off), or the responses to one event card. */
export type DifferenceAbout = { kind: 'decision'; decision: string } | { kind: 'event'; event: string };

export interface DifferenceLine {
  about: DifferenceAbout;
  /** What it did to this measure for the best and the worst team. */
  best: number;
  worst: number;
}

export interface MeasureDifference {
  metric: MetricId;
  /** Row positions of the best and the worst team. */
  best: number;
  worst: number;
  /** worst − best, in the measure's units. */
  gap: number;
  /** The decisions and responses that separate the two most, largest first. */
  lines: DifferenceLine[];
  /** The rest of the gap: the cards themselves, the yearly rules no single decision sets off, and smaller lines. */
  events: number;
  rules: number;
  /** The rule that moved the yearly-rules part most (its cause), if any. */
  mainRule: Cause | null;
  others: number;
}

/** Every tag a condition reads. */
function tagsIn(condition: Condition): string[] {
  const none = () => [];
  return visitCondition<string[]>(condition, {
    all: (parts) => parts.flatMap(tagsIn),
    any: (parts) => parts.flatMap(tagsIn),
    not: (inner) => tagsIn(inner),
    tag: (tag) => [tag],
    metric: none,
    chose: none,
    flag: none,
    seen: none,
    responded: none,
    turn: none,
  });
}

/**
 * The line a ledger cause belongs to: a choice to its decision, a response to
 * its event, and a built-in rule that acts on tags (a safeguard's rule, the
 * vendor's jurisdiction) to the decision whose chosen options carry the tag.
 * Cards and the rules no tag ties to one decision belong to no line.
 */
function lineOf(c: CompiledScenario, cause: Cause, ctxs: readonly GameContext[]): string | null {
  if (cause.kind === 'option') return `decision:${cause.decision}`;
  if (cause.kind === 'response') return `event:${cause.event}`;
  if (cause.kind !== 'rule') return null;
  const rule = RULE_BY_ID.get(cause.rule);
  const tags = rule?.when ? tagsIn(rule.when) : [...(rule?.needsTags ?? [])];
  const decision = c.decisions.find((d) => ctxs.some((ctx) => (ctx.choices[d.id] ?? []).some((id) => c.options.get(d.id)?.get(id)?.tags.some((t) => tags.includes(t)))));
  return decision ? `decision:${decision.id}` : null;
}

/** For each measure on which the teams differ: the best and worst team and the two or three decisions or responses that separate them most. */
export function whatMadeTheDifference(c: CompiledScenario, rows: readonly PathRow[], limit = 3): MeasureDifference[] {
  const teams = rows.map((r, i) => ({ r, i })).filter((x) => !x.r.historical);
  if (teams.length < 2) return [];
  return METRIC_IDS.flatMap((metric) => {
    const better = (a: number, b: number) => (LOWER_IS_BETTER.has(metric) ? a < b : a > b);
    let best = teams[0]!;
    let worst = teams[0]!;
    for (const x of teams) {
      if (better(x.r.ctx.metrics[metric], best.r.ctx.metrics[metric])) best = x;
      if (better(worst.r.ctx.metrics[metric], x.r.ctx.metrics[metric])) worst = x;
    }
    const gap = round2(worst.r.ctx.metrics[metric] - best.r.ctx.metrics[metric]);
    if (gap === 0) return [];
    const pair = [best.r.ctx, worst.r.ctx];
    const lines = new Map<string, { best: number; worst: number }>();
    const rest = { events: 0, rules: new Map<string, { cause: Cause; diff: number }>() };
    pair.forEach((ctx, side) => {
      for (const e of ctx.ledger) {
        if (e.metric !== metric) continue;
        const key = lineOf(c, e.cause, pair);
        const sign = side === 1 ? 1 : -1;
        if (key) {
          const line = lines.get(key) ?? { best: 0, worst: 0 };
          if (side === 0) line.best = round2(line.best + e.delta);
          else line.worst = round2(line.worst + e.delta);
          lines.set(key, line);
        } else if (e.cause.kind === 'event') rest.events = round2(rest.events + sign * e.delta);
        else {
          const k = causeKey(e.cause);
          const r = rest.rules.get(k) ?? { cause: e.cause, diff: 0 };
          r.diff = round2(r.diff + sign * e.delta);
          rest.rules.set(k, r);
        }
      }
    });
    const ranked = [...lines]
      .filter(([, l]) => round2(l.worst - l.best) !== 0)
      .sort(([ka, a], [kb, b]) => Math.abs(b.worst - b.best) - Math.abs(a.worst - a.best) || ka.localeCompare(kb));
    const about = (key: string): DifferenceAbout => {
      const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      return kind === 'decision' ? { kind: 'decision', decision: id } : { kind: 'event', event: id };
    };
    const rules = [...rest.rules.values()].sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff));
    return [
      {
        metric,
        best: best.i,
        worst: worst.i,
        gap,
        lines: ranked.slice(0, limit).map(([key, l]) => ({ about: about(key), ...l })),
        events: rest.events,
        rules: round2(rules.reduce((s, r) => s + r.diff, 0)),
        mainRule: rules[0] && rules[0].diff !== 0 ? rules[0].cause : null,
        others: round2(ranked.slice(limit).reduce((s, [, l]) => s + l.worst - l.best, 0)),
      },
    ];
  });
}

export interface Prompt {
  question: LocalizedText;
  /** What teams did that the question is about, and which rows did it (empty for a general question). */
  because: { cause: Cause; rows: number[] }[];
}

const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
/** A flag's word in a question's word: short words exactly, longer ones by their stem (critics ~ critic, silenced ~ silence). */
const matches = (part: string, word: string) => (part.length < 4 ? word === part : word.startsWith(part.slice(0, Math.max(4, part.length - 2))));

/**
 * The choices and responses a question is about, from references the content
 * already has: a flag they set whose words all appear in the question (the
 * crackdown's `critics-silenced` in "When critics are silenced…"), or their
 * own label quoted in it. English text, as the ids are.
 */
export function questionLinks(c: CompiledScenario, question: LocalizedText): Cause[] {
  const text = question.en.toLowerCase();
  const ws = words(question.en);
  const about = (flags: readonly string[], label: string) =>
    flags.some((f) => f.split('-').every((part) => ws.some((w) => matches(part, w)))) || (label.length >= 8 && text.includes(label.toLowerCase()));
  const out: Cause[] = [];
  for (const d of c.decisions) for (const o of d.options) if (about(o.flags, o.label.en)) out.push({ kind: 'option', decision: d.id, option: o.id });
  for (const e of c.events) for (const r of e.responses) if (about(r.flags, r.label.en)) out.push({ kind: 'response', event: e.id, response: r.id });
  return out;
}

function did(ctx: GameContext, cause: Cause): boolean {
  if (cause.kind === 'option') return (ctx.choices[cause.decision] ?? []).includes(cause.option);
  if (cause.kind === 'response') return ctx.responses.some((r) => r.event === cause.event && r.response === cause.response);
  return false;
}

/** The scenario's questions: those about something a team did first (with who did it), then the general ones; a question about something no team did is left out. */
export function discussionPrompts(c: CompiledScenario, rows: readonly PathRow[]): Prompt[] {
  const teams = rows.map((r, i) => ({ r, i })).filter((x) => !x.r.historical);
  const linked: Prompt[] = [];
  const general: Prompt[] = [];
  for (const question of c.scenario.discussion) {
    const links = questionLinks(c, question);
    if (links.length === 0) {
      general.push({ question, because: [] });
      continue;
    }
    const because = links.map((cause) => ({ cause, rows: teams.filter((x) => did(x.r.ctx, cause)).map((x) => x.i) })).filter((b) => b.rows.length > 0);
    if (because.length > 0) linked.push({ question, because });
  }
  return [...linked, ...general];
}

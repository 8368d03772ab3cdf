// The historical path, row by row: which of its choices and responses the
// record documents, and which are stand-ins the path needs in order to run.
// The debrief and the workshop use this to show stand-ins differently from
// history; scenarios:check uses it to test that every event the path names
// can arrive. Pure: no DOM, no XState.
import type { CompiledScenario } from './compile.ts';
import type { Condition, EventCard, LocalizedText, Scenario, Tag } from './schema.ts';
import type { Cause } from './metrics.ts';
import { RULE_BY_ID } from './model-rules.ts';
import { visitCondition } from './conditions.ts';
import { everyResponse, versionConditions } from './variants.ts';

export type HistoricalStatus = 'documented' | 'stand-in';

/** One row of the "real government's path": a decision or an event, with its status. */
export interface HistoricalRow {
  kind: 'choice' | 'response';
  /** The decision id (choice) or the event id (response). */
  id: string;
  /** The option ids (choice; several for a multi-select decision) or the one response id. */
  picks: string[];
  status: HistoricalStatus;
  /** Documented: the facts that document the row. Stand-in: the facts its note rests on (may be empty). */
  facts: string[];
  /** Stand-in: what the record does not say and why this stand-in; documented: an optional hedge. */
  note?: LocalizedText;
}

type ScenarioLike = Scenario | CompiledScenario;
const scenarioOf = (s: ScenarioLike): Scenario => ('scenario' in s ? s.scenario : s);

/** The option ids of a historical choice, whether written as one id or a list. */
export function historicalOptions(options: string | readonly string[]): string[] {
  return typeof options === 'string' ? [options] : [...options];
}

/** The historical row for a decision, or undefined when the scenario has none. */
export function historicalChoiceRow(s: ScenarioLike, decisionId: string): HistoricalRow | undefined {
  const choices = scenarioOf(s).historical.choices;
  if (!Object.hasOwn(choices, decisionId)) return undefined;
  const row = choices[decisionId]!;
  return {
    kind: 'choice',
    id: decisionId,
    picks: historicalOptions(row.options),
    status: row.status,
    facts: [...row.facts],
    ...(row.note ? { note: row.note } : {}),
  };
}

/** The historical row for an event, or undefined when the path names no response for it. */
export function historicalResponseRow(s: ScenarioLike, eventId: string): HistoricalRow | undefined {
  const responses = scenarioOf(s).historical.responses;
  if (!Object.hasOwn(responses, eventId)) return undefined;
  const row = responses[eventId]!;
  return {
    kind: 'response',
    id: eventId,
    picks: [row.response],
    status: row.status,
    facts: [...row.facts],
    ...(row.note ? { note: row.note } : {}),
  };
}

/** Every row of the historical path: the choices in decision order, then the responses. */
export function historicalRows(s: ScenarioLike): HistoricalRow[] {
  const scenario = scenarioOf(s);
  return [
    ...scenario.decisions.map((d) => historicalChoiceRow(scenario, d.id)).filter((r): r is HistoricalRow => r !== undefined),
    ...Object.keys(scenario.historical.responses).map((id) => historicalResponseRow(scenario, id)!),
  ];
}

/**
 * The stand-in row behind a choice of the historical path: defined when the
 * historical path takes `optionId` for `decisionId` and the record does not
 * document that choice. A ledger line caused by that option (on the
 * historical path) is then a stand-in's line, not history.
 */
export function standInForOption(s: ScenarioLike, decisionId: string, optionId: string): HistoricalRow | undefined {
  const row = historicalChoiceRow(s, decisionId);
  return row && row.status === 'stand-in' && row.picks.includes(optionId) ? row : undefined;
}

/** The stand-in row behind a response of the historical path (see standInForOption). */
export function standInForResponse(s: ScenarioLike, eventId: string, responseId: string): HistoricalRow | undefined {
  const row = historicalResponseRow(s, eventId);
  return row && row.status === 'stand-in' && row.picks.includes(responseId) ? row : undefined;
}

/** The options of the historical path, as [decision id, option id] pairs, split by status. */
function historicalOptionsByStatus(scenario: Scenario, status?: HistoricalStatus): { decision: string; option: string }[] {
  const out: { decision: string; option: string }[] = [];
  for (const d of scenario.decisions) {
    const row = historicalChoiceRow(scenario, d.id);
    if (!row || (status && row.status !== status)) continue;
    for (const option of row.picks) out.push({ decision: d.id, option });
  }
  return out;
}

/**
 * Tags that the historical path carries only because of stand-in choices: a
 * built-in rule that applies because of one of these tags (and of no
 * documented choice) acts on the historical path because of a stand-in.
 */
export function standInOnlyTags(s: ScenarioLike): Tag[] {
  const scenario = scenarioOf(s);
  const tagsOf = (pairs: { decision: string; option: string }[]) => {
    const tags = new Set<Tag>();
    for (const { decision, option } of pairs) {
      const o = scenario.decisions.find((d) => d.id === decision)?.options.find((x) => x.id === option);
      o?.tags.forEach((t) => tags.add(t));
    }
    return tags;
  };
  const documented = tagsOf(historicalOptionsByStatus(scenario, 'documented'));
  return [...tagsOf(historicalOptionsByStatus(scenario, 'stand-in'))].filter((t) => !documented.has(t)).sort();
}

/** Every tag a condition mentions. */
function tagsIn(condition: Condition): Tag[] {
  return visitCondition<Tag[]>(condition, {
    all: (parts) => parts.flatMap(tagsIn),
    any: (parts) => parts.flatMap(tagsIn),
    not: (inner) => tagsIn(inner),
    metric: () => [],
    chose: () => [],
    tag: (tag) => [tag],
    flag: () => [],
    seen: () => [],
    responded: () => [],
    turn: () => [],
  });
}

/**
 * On the historical path, the stand-in row a ledger line comes from, if any:
 * a stand-in option or response, or a built-in rule that acts only through
 * tags a stand-in gave the path. Lines with no stand-in behind them are
 * history or the model's documented-path consequences.
 */
export function standInBehind(s: ScenarioLike, cause: Cause): HistoricalRow | undefined {
  const scenario = scenarioOf(s);
  if (cause.kind === 'option') return standInForOption(s, cause.decision, cause.option);
  if (cause.kind === 'response') return standInForResponse(s, cause.event, cause.response);
  if (cause.kind !== 'rule') return undefined;
  const rule = RULE_BY_ID.get(cause.rule);
  const needs = rule?.when ? tagsIn(rule.when) : [...(rule?.needsTags ?? [])];
  const only = new Set(standInOnlyTags(s));
  const tag = needs.find((t) => only.has(t));
  if (!tag) return undefined;
  // The stand-in choice that gave the tag.
  for (const row of historicalRows(scenario)) {
    if (row.kind !== 'choice' || row.status !== 'stand-in') continue;
    const d = scenario.decisions.find((x) => x.id === row.id);
    if (d?.options.some((o) => row.picks.includes(o.id) && o.tags.includes(tag))) return row;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Can an event arrive on the historical path? A static, three-valued reading
// of its condition: what the historical choices fix (tags, options, flags the
// chosen options set, the turn) is known; metrics, events seen and responses
// given are unknown. An event that is "false" at every turn can never arrive.

type Tri = true | false | 'unknown';

interface PathFacts {
  chosen: Map<string, Set<string>>;
  tags: Set<string>;
  /** Flags set by the historical options: certainly set. */
  flags: Set<string>;
  /** Flags some response can set: perhaps set. */
  maybeFlags: Set<string>;
  turn: number;
}

function inRange(value: number, r: { gte?: number; lte?: number; gt?: number; lt?: number }): boolean {
  return (r.gte === undefined || value >= r.gte) && (r.lte === undefined || value <= r.lte) && (r.gt === undefined || value > r.gt) && (r.lt === undefined || value < r.lt);
}

function tri(c: Condition | undefined, f: PathFacts): Tri {
  if (c === undefined) return true;
  if ('all' in c) {
    let out: Tri = true;
    for (const x of c.all) {
      const v = tri(x, f);
      if (v === false) return false;
      if (v === 'unknown') out = 'unknown';
    }
    return out;
  }
  if ('any' in c) {
    let out: Tri = false;
    for (const x of c.any) {
      const v = tri(x, f);
      if (v === true) return true;
      if (v === 'unknown') out = 'unknown';
    }
    return out;
  }
  if ('not' in c) {
    const v = tri(c.not, f);
    return v === 'unknown' ? v : !v;
  }
  if ('tag' in c) return f.tags.has(c.tag);
  if ('chose' in c) {
    const [d, o] = c.chose.split('.');
    return f.chosen.get(d!)?.has(o!) ?? false;
  }
  if ('flag' in c) return f.flags.has(c.flag) ? true : f.maybeFlags.has(c.flag) ? 'unknown' : false;
  if ('turn' in c) return inRange(f.turn, c.turn);
  return 'unknown'; // metric, seen, responded
}

/** The facts the historical choices fix, for each turn. */
function pathFacts(c: CompiledScenario): Omit<PathFacts, 'turn'> {
  const scenario = c.scenario;
  const chosen = new Map<string, Set<string>>();
  const tags = new Set<string>();
  const flags = new Set<string>();
  for (const { decision, option } of historicalOptionsByStatus(scenario)) {
    if (!chosen.has(decision)) chosen.set(decision, new Set());
    chosen.get(decision)!.add(option);
    const o = c.options.get(decision)?.get(option);
    o?.tags.forEach((t) => tags.add(t));
    o?.flags.forEach((x) => flags.add(x));
  }
  // A response can set its flags on the historical path when it is the
  // response the path names for its event, or when the path may fall back to
  // another one: the event has no row, or the named response may not be offered.
  const responses = scenario.historical.responses;
  const maybeFlags = new Set<string>();
  for (const e of c.events) {
    const named = Object.hasOwn(responses, e.id) ? everyResponse(e).find((r) => r.id === responses[e.id]!.response) : undefined;
    const candidates = named && named.when === undefined ? [named] : everyResponse(e);
    for (const r of candidates) r.flags.forEach((f) => maybeFlags.add(f));
  }
  return { chosen, tags, flags, maybeFlags };
}

/**
 * The turns at which an event could arrive on the historical path (its
 * condition not certainly false, with at least one response that could be
 * offered). Empty: the event can never arrive on that path.
 */
export function turnsEventCanArrive(c: CompiledScenario, event: EventCard, responseId?: string): number[] {
  const base = pathFacts(c);
  const turns: number[] = [];
  for (let turn = 1; turn <= c.scenario.turns; turn++) {
    const f = { ...base, turn };
    // A version (variants.ts) arrives where its condition may hold and no earlier version's certainly does.
    let earlierCertain = false;
    for (const version of versionConditions(event)) {
      const holds = tri(version.when, f);
      if (holds !== false && !earlierCertain) {
        const responses = responseId === undefined ? version.card.responses : version.card.responses.filter((r) => r.id === responseId);
        if (responses.some((r) => tri(r.when, f) !== false)) {
          turns.push(turn);
          break;
        }
      }
      if (holds === true) earlierCertain = true;
    }
  }
  return turns;
}

/**
 * The first turn at which an event could arrive on some path through the
 * scenario (its own condition and turn bounds, the tags some option carries,
 * the flags something sets), or undefined when it can never arrive. Used to
 * date an event for the time-consistency check.
 */
export function earliestTurnOnAnyPath(c: CompiledScenario, event: EventCard): number | undefined {
  const tags = new Set<string>();
  const flags = new Set<string>();
  for (const options of c.options.values()) {
    for (const o of options.values()) {
      o.tags.forEach((t) => tags.add(t));
      o.flags.forEach((f) => flags.add(f));
    }
  }
  c.events.forEach((e) => everyResponse(e).forEach((r) => r.flags.forEach((f) => flags.add(f))));
  const anyPath = (cond: Condition | undefined, turn: number): Tri => {
    if (cond === undefined) return true;
    if ('all' in cond || 'any' in cond || 'not' in cond) {
      // Kleene logic over the parts, as in tri().
      if ('all' in cond) {
        let out: Tri = true;
        for (const x of cond.all) {
          const v = anyPath(x, turn);
          if (v === false) return false;
          if (v === 'unknown') out = 'unknown';
        }
        return out;
      }
      if ('any' in cond) {
        let out: Tri = false;
        for (const x of cond.any) {
          const v = anyPath(x, turn);
          if (v === true) return true;
          if (v === 'unknown') out = 'unknown';
        }
        return out;
      }
      const v = anyPath(cond.not, turn);
      return v === 'unknown' ? v : !v;
    }
    if ('tag' in cond) return tags.has(cond.tag) ? 'unknown' : false;
    if ('flag' in cond) return flags.has(cond.flag) ? 'unknown' : false;
    if ('turn' in cond) return inRange(turn, cond.turn);
    return 'unknown';
  };
  for (let turn = 1; turn <= c.scenario.turns; turn++) {
    if (versionConditions(event).some((v) => anyPath(v.when, turn) !== false && v.card.responses.some((r) => anyPath(r.when, turn) !== false))) return turn;
  }
  return undefined;
}

/** The events of the compiled scenario (its own and the shared deck it admits) that could arrive on the historical path. */
export function eventsOnHistoricalPath(c: CompiledScenario): EventCard[] {
  return c.events.filter((e) => turnsEventCanArrive(c, e).length > 0);
}

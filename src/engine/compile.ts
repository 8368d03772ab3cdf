// Scenario data → XState v5 machine. The machine holds no timers and no async
// work, so xstate/graph can traverse it; the only chance is the event card,
// a pure function of the seed and the turn (deck.ts), which makes every run
// reproducible and every snapshot serialisable for save and resume.
import { assign, setup, type SnapshotFrom } from 'xstate';
import { evaluate, type ConditionState } from './conditions.ts';
import type { LoanState } from './loans.ts';
import { initialMetrics, recordChange, type Cause, type LedgerEntry, type Metrics } from './metrics.ts';
import { exposureRisk, rulesAt, scopeFactorOf, type RuleScope } from './model-rules.ts';
import { drawCard, type CardRecord, type DeckLead } from './deck.ts';
import { currentCard, variantMet, versionFor } from './variants.ts';
import type { Decision, Effect, Ending, EventCard, Option, Scenario, SharedEvents, Tag } from './schema.ts';

export { exposureRisk };

/**
 * The shape of the saved game state. Bump it when GameContext changes shape,
 * so that saves made by an older engine are replayed from their moves
 * instead of restored (the content fingerprint includes it).
 */
export const STATE_VERSION = 3;

export interface ResponseRecord {
  turn: number;
  event: string;
  response: string;
}

export interface GameContext extends ConditionState {
  scenarioId: string;
  seed: number;
  turn: number;
  decisionIndex: number;
  choices: Record<string, string[]>;
  /** Union of the chosen options' tags, kept so that conditions stay cheap. */
  tags: Tag[];
  flags: string[];
  metrics: Metrics;
  loans: LoanState[];
  /** Interest and repayments paid in the last turn, USD millions. */
  debtService: number;
  seen: string[];
  /** The cards met, turn by turn; quiet turns have none. */
  cards: CardRecord[];
  responses: ResponseRecord[];
  currentEvent: string | null;
  ledger: LedgerEntry[];
  ending: string | null;
}

export type GameEvent =
  | { type: 'briefing.start' }
  | { type: 'decision.choose'; decision: string; options: string[] }
  | { type: 'event.respond'; response: string }
  | { type: 'turn.continue' };

/** The full game, or the lesson length: fewer years, some decisions taken as documented. */
export type GameLength = 'full' | 'lesson';

export interface CompiledScenario {
  scenario: Scenario;
  length: GameLength;
  /** Turns this game lasts. */
  turns: number;
  /** Years each turn covers (one each in the full length; the lesson length packs the same years into fewer turns). */
  yearsPerTurn: readonly number[];
  /** Decisions taken for the player (the lesson length): the documented choice. */
  presets: ReadonlyMap<string, readonly string[]>;
  decisions: readonly Decision[];
  options: ReadonlyMap<string, ReadonlyMap<string, Option>>;
  /** The scenario's own events followed by the shared deck it admits. */
  events: readonly EventCard[];
  eventById: ReadonlyMap<string, EventCard>;
  regularEndings: readonly Ending[];
  earlyEndings: readonly Ending[];
  /** Multiplier for exposure accumulation from the breadth of data collected. */
  scopeFactor: number;
  /** Which card leads each turn of the session's deck (deck.ts). */
  deckLead: DeckLead;
}

export function compileScenario(scenario: Scenario, shared?: SharedEvents, length: GameLength = 'full', deckLead: DeckLead = 'weight'): CompiledScenario {
  const lesson = length === 'lesson' ? scenario.lesson : undefined;
  const presets = new Map(
    (lesson?.preset ?? []).map((id) => {
      const want = scenario.historical.choices[id]?.options;
      return [id, want === undefined ? [] : typeof want === 'string' ? [want] : [...want]] as const;
    }),
  );
  const excluded = new Set(scenario.excludeSharedEvents);
  const events = [
    ...scenario.events,
    ...(shared?.events ?? []).filter((e) => !excluded.has(e.id)),
  ];
  const turns = lesson?.turns ?? scenario.turns;
  return {
    scenario,
    length: lesson ? 'lesson' : 'full',
    turns,
    yearsPerTurn: spreadYears(scenario.turns, turns),
    presets,
    decisions: scenario.decisions,
    options: new Map(
      scenario.decisions.map((d) => [d.id, new Map(d.options.map((o) => [o.id, o]))]),
    ),
    events,
    eventById: new Map(events.map((e) => [e.id, e])),
    regularEndings: scenario.endings.filter((e) => !e.early),
    earlyEndings: scenario.endings.filter((e) => e.early),
    scopeFactor: scopeFactorOf(scenario.dataScope),
    deckLead,
  };
}

/** The scenario's years spread over the turns, the longer turns first: 5 years in 3 turns are 2, 2 and 1. */
export function spreadYears(years: number, turns: number): number[] {
  return Array.from({ length: turns }, (_, i) => Math.floor(years / turns) + (i < years % turns ? 1 : 0));
}

/** The first and last year (1-based, within the scenario) that a turn covers. */
export function yearsOfTurn(c: CompiledScenario, turn: number): { first: number; last: number } {
  const before = c.yearsPerTurn.slice(0, Math.max(0, turn - 1)).reduce((s, y) => s + y, 0);
  return { first: before + 1, last: before + (c.yearsPerTurn[turn - 1] ?? 1) };
}

export function initialContext(c: CompiledScenario, seed: number): GameContext {
  return {
    scenarioId: c.scenario.id,
    seed,
    turn: 0,
    decisionIndex: 0,
    choices: {},
    tags: [],
    flags: [],
    metrics: initialMetrics(c.scenario.initialMetrics),
    loans: [],
    debtService: 0,
    seen: [],
    cards: [],
    responses: [],
    currentEvent: null,
    ledger: [],
    ending: null,
  };
}

// ---------------------------------------------------------------------------
// Questions the machine asks (pure; also used by moves, policies and the UI)

export function isOptionAvailable(option: Option, ctx: GameContext): boolean {
  return evaluate(option.requires, ctx);
}

/** Why a choice is not allowed now, or null when it is. */
export function choiceProblem(
  c: CompiledScenario,
  ctx: GameContext,
  decisionId: string,
  optionIds: readonly string[],
): string | null {
  const decision = c.decisions[ctx.decisionIndex];
  if (!decision) return 'every decision has already been made';
  if (decision.id !== decisionId) return `the current decision is "${decision.id}", not "${decisionId}"`;
  const options = c.options.get(decision.id)!;
  if (new Set(optionIds).size !== optionIds.length) return 'an option is chosen twice';
  let cost = 0;
  for (const id of optionIds) {
    const option = options.get(id);
    if (!option) return `"${id}" is not an option of decision "${decision.id}"`;
    if (!isOptionAvailable(option, ctx)) return `option "${id}" is not available with the choices made so far`;
    cost += option.cost;
  }
  if (!decision.multi) return optionIds.length === 1 ? null : 'exactly one option must be chosen';
  const max = decision.max ?? decision.options.length;
  if (optionIds.length < decision.min || optionIds.length > max)
    return `between ${decision.min} and ${max} options must be chosen`;
  if (decision.budget !== undefined && cost > decision.budget + 1e-9)
    return `the options cost ${cost}, over the budget of ${decision.budget}`;
  return null;
}

export function isResponseOffered(c: CompiledScenario, ctx: GameContext, responseId: string): boolean {
  const response = currentCard(c, ctx)?.responses.find((r) => r.id === responseId);
  return response !== undefined && evaluate(response.when, ctx);
}

export function isEventEligible(event: EventCard, ctx: GameContext): boolean {
  if (event.once && ctx.seen.includes(event.id)) return false;
  // The version this team would meet (variants.ts): the card applies where its own condition or a variant's holds.
  const version = versionFor(event, ctx);
  return version !== null && version.card.responses.some((r) => evaluate(r.when, ctx));
}

export function reachedEarlyEnding(c: CompiledScenario, ctx: GameContext): Ending | undefined {
  return c.earlyEndings.find((e) => evaluate(e.when, ctx));
}

export function selectEnding(c: CompiledScenario, ctx: GameContext): Ending {
  return (
    reachedEarlyEnding(c, ctx) ??
    c.regularEndings.find((e) => evaluate(e.when, ctx)) ??
    // Validation requires an unconditional last ending; this keeps the engine total.
    c.regularEndings[c.regularEndings.length - 1] ??
    c.scenario.endings[c.scenario.endings.length - 1]!
  );
}

export function chosenOptions(c: CompiledScenario, ctx: GameContext): Option[] {
  const result: Option[] = [];
  for (const decision of c.decisions) {
    const options = c.options.get(decision.id)!;
    for (const id of ctx.choices[decision.id] ?? []) result.push(options.get(id)!);
  }
  return result;
}

// ---------------------------------------------------------------------------
// State changes. Each works on a copy so that earlier snapshots stay intact.

type Draft = GameContext;

function draft(ctx: GameContext): Draft {
  return { ...ctx, metrics: { ...ctx.metrics }, ledger: ctx.ledger.slice() };
}

function applyEffects(d: Draft, effects: readonly Effect[], cause: Cause, fallbackSources: readonly string[]) {
  for (const effect of effects) {
    recordChange(d, effect.metric, effect.delta, cause, effect.sources.length ? effect.sources : fallbackSources);
  }
}

function chosenWithIds(c: CompiledScenario, ctx: GameContext): RuleScope['chosen'] {
  return c.decisions.flatMap((decision) =>
    (ctx.choices[decision.id] ?? []).map((id) => ({ id: `${decision.id}.${id}`, decision: decision.id, option: c.options.get(decision.id)!.get(id)! })),
  );
}

function ruleScope(c: CompiledScenario, ctx: GameContext): RuleScope {
  return { scenario: c.scenario, chosen: chosenWithIds(c, ctx), scopeFactor: c.scopeFactor, service: 0 };
}

/** The chosen options' own effects (`effects` once, or `perTurn` every year), each booked to its choice. */
function applyChoiceEffects(d: Draft, scope: RuleScope, which: 'effects' | 'perTurn') {
  for (const { decision, option } of scope.chosen) {
    applyEffects(d, option[which], { kind: 'option', decision, option: option.id }, option.sources);
  }
}

function withChoice(c: CompiledScenario, ctx: GameContext, decisionId: string, optionIds: string[]): GameContext {
  const options = c.options.get(decisionId)!;
  const tags = new Set(ctx.tags);
  const flags = new Set(ctx.flags);
  for (const id of optionIds) {
    const option = options.get(id)!;
    for (const t of option.tags) tags.add(t);
    for (const f of option.flags) flags.add(f);
  }
  return {
    ...ctx,
    choices: { ...ctx.choices, [decisionId]: optionIds.slice() },
    decisionIndex: ctx.decisionIndex + 1,
    tags: [...tags].sort(),
    flags: [...flags].sort(),
  };
}

/** The state once the choices so far are in force: also what a player sees projected while still deciding. */
export function committed(c: CompiledScenario, ctx: GameContext): GameContext {
  const d = draft(ctx);
  const scope = ruleScope(c, d);
  applyChoiceEffects(d, scope, 'effects');
  for (const rule of rulesAt('commit')) rule.apply(d, scope);
  return d;
}

function turnBegun(c: CompiledScenario, ctx: GameContext): GameContext {
  const d = draft(ctx);
  d.turn = ctx.turn + 1;
  const scope = ruleScope(c, d);
  // The model runs year by year; a turn of the lesson length covers several years, then one event arrives.
  for (let year = 0; year < (c.yearsPerTurn[d.turn - 1] ?? 1); year++) {
    for (const rule of rulesAt('turn-start')) rule.apply(d, scope);
    applyChoiceEffects(d, scope, 'perTurn');
    for (const rule of rulesAt('turn-end')) rule.apply(d, scope);
  }

  // The session's deck: the card depends on the seed and the turn, not on the path (deck.ts).
  const draw = drawCard(c, d.seed, d, isEventEligible);
  if (!draw) {
    d.currentEvent = null;
    return d;
  }
  const { substitute } = draw;
  // The team's version of the card: the same id for every team, the text and effects of its variant.
  const { card: event, variant } = versionFor(draw.event, d)!;
  const named = variant ? { variant: variant.id } : {};
  d.currentEvent = event.id;
  d.seen = [...ctx.seen, event.id];
  d.cards = [...ctx.cards, { turn: d.turn, event: event.id, substitute, ...named }];
  applyEffects(d, event.effects, { kind: 'event', event: event.id, ...named }, event.sources);
  return d;
}

function responded(c: CompiledScenario, ctx: GameContext, responseId: string): GameContext {
  const event = currentCard(c, ctx)!;
  const response = event.responses.find((r) => r.id === responseId)!;
  const d = draft(ctx);
  applyEffects(d, response.effects, { kind: 'response', event: event.id, response: response.id, ...variantMet(ctx.cards, event.id) }, response.sources.length ? response.sources : event.sources);
  if (response.flags.length) d.flags = [...new Set([...ctx.flags, ...response.flags])].sort();
  d.responses = [...ctx.responses, { turn: ctx.turn, event: event.id, response: response.id }];
  d.currentEvent = null;
  return d;
}

// ---------------------------------------------------------------------------

export function scenarioMachine(c: CompiledScenario) {
  const turns = c.turns;
  return setup({
    types: {
      context: {} as GameContext,
      events: {} as GameEvent,
      input: {} as { seed: number },
    },
    guards: {
      isChoiceValid: ({ context, event }) =>
        event.type === 'decision.choose' && choiceProblem(c, context, event.decision, event.options) === null,
      areDecisionsComplete: ({ context }) => context.decisionIndex >= c.decisions.length,
      isDecisionPreset: ({ context }) => c.presets.has(c.decisions[context.decisionIndex]?.id ?? ''),
      hasCurrentEvent: ({ context }) => context.currentEvent !== null,
      isResponseAvailable: ({ context, event }) =>
        event.type === 'event.respond' && isResponseOffered(c, context, event.response),
      isEarlyEndingReached: ({ context }) => reachedEarlyEnding(c, context) !== undefined,
      hasMoreTurns: ({ context }) => context.turn < turns,
    },
    actions: {
      recordChoice: assign(({ context, event }) =>
        event.type === 'decision.choose' ? withChoice(c, context, event.decision, event.options) : {},
      ),
      recordPreset: assign(({ context }) => {
        const decision = c.decisions[context.decisionIndex]!;
        return withChoice(c, context, decision.id, [...c.presets.get(decision.id)!]);
      }),
      commitDecisions: assign(({ context }) => committed(c, context)),
      beginTurn: assign(({ context }) => turnBegun(c, context)),
      recordResponse: assign(({ context, event }) =>
        event.type === 'event.respond' ? responded(c, context, event.response) : {},
      ),
      recordEnding: assign(({ context }) => ({ ending: selectEnding(c, context).id })),
    },
  }).createMachine({
    id: c.scenario.id,
    // xstate's pure transition() builds a throwaway actor without input on
    // every call; a default seed keeps that cheap instead of throwing.
    context: ({ input }) => initialContext(c, input?.seed ?? 0),
    initial: 'briefing',
    states: {
      briefing: {
        on: { 'briefing.start': { target: 'deciding' } },
      },
      deciding: {
        always: [
          { guard: 'areDecisionsComplete', target: 'turn', actions: 'commitDecisions' },
          // The lesson length takes some decisions as documented, without the player.
          { guard: 'isDecisionPreset', target: 'deciding', reenter: true, actions: 'recordPreset' },
        ],
        on: { 'decision.choose': { guard: 'isChoiceValid', actions: 'recordChoice' } },
      },
      turn: {
        entry: 'beginTurn',
        always: [
          { guard: 'hasCurrentEvent', target: 'awaitingResponse' },
          { target: 'quietTurn' },
        ],
      },
      awaitingResponse: {
        on: { 'event.respond': { guard: 'isResponseAvailable', target: 'betweenTurns', actions: 'recordResponse' } },
      },
      quietTurn: {
        on: { 'turn.continue': { target: 'betweenTurns' } },
      },
      betweenTurns: {
        always: [
          { guard: 'isEarlyEndingReached', target: 'ended' },
          { guard: 'hasMoreTurns', target: 'turn' },
          { target: 'ended' },
        ],
      },
      ended: {
        type: 'final',
        entry: 'recordEnding',
      },
    },
  });
}

export type GameMachine = ReturnType<typeof scenarioMachine>;
export type GameSnapshot = SnapshotFrom<GameMachine>;

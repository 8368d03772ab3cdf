// Scenario data → XState v5 machine. The machine holds no timers and no async
// work, so xstate/graph can traverse it; all randomness comes from the seeded
// generator state kept in the context, which makes every run reproducible and
// every snapshot serialisable for save and resume.
import { assign, setup, type SnapshotFrom } from 'xstate';
import { evaluate, type ConditionState } from './conditions.ts';
import {
  initialMetrics,
  recordChange,
  round2,
  type LedgerEntry,
  type Metrics,
} from './metrics.ts';
import {
  COMMIT_RULES,
  FORMULA_RULES,
  MODEL_PARAMETERS as P,
  SENSITIVE_SCOPES,
} from './model-rules.ts';
import { pickWeighted, seedRandom, type RandomState } from './random.ts';
import type {
  Decision,
  Effect,
  Ending,
  EventCard,
  Option,
  Scenario,
  SharedEvents,
  Tag,
} from './schema.ts';

export interface LoanState {
  option: string;
  principal: number;
  balance: number;
  annualRatePct: number;
  graceYears: number;
  tenorYears: number;
  yearsElapsed: number;
}

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
  rng: RandomState;
  seen: string[];
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

export interface CompiledScenario {
  scenario: Scenario;
  decisions: readonly Decision[];
  options: ReadonlyMap<string, ReadonlyMap<string, Option>>;
  /** The scenario's own events followed by the shared deck it admits. */
  events: readonly EventCard[];
  eventById: ReadonlyMap<string, EventCard>;
  regularEndings: readonly Ending[];
  earlyEndings: readonly Ending[];
  /** Years per turn. */
  turnYears: number;
  /** Multiplier for exposure accumulation from the breadth of data collected. */
  scopeFactor: number;
}

export function prepareScenario(scenario: Scenario, shared?: SharedEvents): CompiledScenario {
  const excluded = new Set(scenario.excludeSharedEvents);
  const events = [
    ...scenario.events,
    ...(shared?.events ?? []).filter((e) => !excluded.has(e.id)),
  ];
  const sensitive = scenario.dataScope.filter((s) => SENSITIVE_SCOPES.includes(s)).length;
  return {
    scenario,
    decisions: scenario.decisions,
    options: new Map(
      scenario.decisions.map((d) => [d.id, new Map(d.options.map((o) => [o.id, o]))]),
    ),
    events,
    eventById: new Map(events.map((e) => [e.id, e])),
    regularEndings: scenario.endings.filter((e) => !e.early),
    earlyEndings: scenario.endings.filter((e) => e.early),
    turnYears: scenario.turnUnit === 'quarter' ? 0.25 : 1,
    scopeFactor: 1 + P.sensitiveScopeWeight * sensitive,
  };
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
    rng: seedRandom(seed),
    seen: [],
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
  const event = ctx.currentEvent === null ? undefined : c.eventById.get(ctx.currentEvent);
  const response = event?.responses.find((r) => r.id === responseId);
  return response !== undefined && evaluate(response.when, ctx);
}

export function isEventEligible(event: EventCard, ctx: GameContext): boolean {
  if (event.once && ctx.seen.includes(event.id)) return false;
  return evaluate(event.when, ctx) && event.responses.some((r) => evaluate(r.when, ctx));
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

/** Net exposure risk of the committed choices: the commit rules on dataExposure. */
export function exposureRisk(ctx: GameContext): number {
  let risk = 0;
  for (const rule of COMMIT_RULES) {
    if (rule.metric === 'dataExposure' && evaluate(rule.when, ctx)) risk += rule.delta;
  }
  return risk;
}

// ---------------------------------------------------------------------------
// State changes. Each works on a copy so that earlier snapshots stay intact.

type Draft = GameContext;

function draft(ctx: GameContext): Draft {
  return { ...ctx, metrics: { ...ctx.metrics }, ledger: ctx.ledger.slice() };
}

function applyEffects(d: Draft, effects: readonly Effect[], cause: string, fallbackSources: readonly string[]) {
  for (const effect of effects) {
    recordChange(d, effect.metric, effect.delta, cause, effect.sources.length ? effect.sources : fallbackSources);
  }
}

function ruleSources(id: keyof typeof FORMULA_RULES): readonly string[] {
  return FORMULA_RULES[id].sources;
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

function committed(c: CompiledScenario, ctx: GameContext): GameContext {
  const d = draft(ctx);
  const chosen = chosenOptions(c, d);
  for (const decision of c.decisions) {
    for (const id of d.choices[decision.id] ?? []) {
      const option = c.options.get(decision.id)!.get(id)!;
      applyEffects(d, option.effects, `option:${decision.id}.${id}`, option.sources);
    }
  }
  for (const rule of COMMIT_RULES) {
    if (evaluate(rule.when, d)) recordChange(d, rule.metric, rule.delta, `rule:${rule.id}`, rule.sources);
  }
  const vendors = chosen.filter((o) => o.vendor !== undefined);
  const capability = Math.max(0, ...vendors.map((o) => o.vendor!.capability));
  if (capability > 0) {
    recordChange(d, 'publicSafety', capability * P.capabilitySafetyPerLevel, 'rule:vendor-capability', ruleSources('vendor-capability'));
  }
  const packagePrice = vendors.reduce((sum, o) => sum + o.vendor!.priceUsdM, 0);
  const loans: LoanState[] = [];
  for (const decision of c.decisions) {
    for (const id of d.choices[decision.id] ?? []) {
      const option = c.options.get(decision.id)!.get(id)!;
      if (!option.loan) continue;
      const principal = round2(option.loan.share * packagePrice);
      if (principal <= 0) continue;
      loans.push({
        option: `${decision.id}.${id}`,
        principal,
        balance: principal,
        annualRatePct: option.loan.annualRatePct,
        graceYears: option.loan.graceYears,
        tenorYears: option.loan.tenorYears,
        yearsElapsed: 0,
      });
      recordChange(d, 'debt', principal, `option:${decision.id}.${id}`, option.sources.length ? option.sources : ruleSources('loan-drawdown'));
    }
  }
  d.loans = loans;
  if (d.tags.includes('budget') && packagePrice > 0) {
    const strain = Math.min(P.budgetOutlayMax, Math.round(packagePrice / c.scenario.fiscal.serviceCapacityUsdM));
    if (strain > 0) recordChange(d, 'backlash', strain, 'rule:budget-outlay', ruleSources('budget-outlay'));
  }
  return d;
}

function turnBegun(c: CompiledScenario, ctx: GameContext): GameContext {
  const d = draft(ctx);
  d.turn = ctx.turn + 1;
  const dt = c.turnYears;
  const fiscal = c.scenario.fiscal;

  let service = 0;
  d.loans = ctx.loans.map((loan) => {
    const interest = (loan.balance * loan.annualRatePct * dt) / 100;
    const yearsElapsed = loan.yearsElapsed + dt;
    const installment =
      yearsElapsed > loan.graceYears
        ? Math.min(loan.balance, (loan.principal * dt) / (loan.tenorYears - loan.graceYears))
        : 0;
    service += interest + installment;
    if (installment > 0) recordChange(d, 'debt', -installment, 'rule:loan-repayment', ruleSources('loan-repayment'));
    return { ...loan, yearsElapsed, balance: round2(loan.balance - installment) };
  });
  d.debtService = round2(service);
  if (service > fiscal.serviceCapacityUsdM * dt) {
    recordChange(d, 'backlash', P.debtServiceStrainBacklash, 'rule:debt-service-strain', ruleSources('debt-service-strain'));
  }
  if (d.metrics.debt > fiscal.unsustainableDebtUsdM) {
    recordChange(d, 'backlash', P.unsustainableBacklash, 'rule:debt-unsustainable', ruleSources('debt-unsustainable'));
    recordChange(d, 'standing', P.unsustainableStanding, 'rule:debt-unsustainable', ruleSources('debt-unsustainable'));
  }

  for (const decision of c.decisions) {
    for (const id of d.choices[decision.id] ?? []) {
      const option = c.options.get(decision.id)!.get(id)!;
      applyEffects(d, option.perTurn, `option:${decision.id}.${id}`, option.sources);
    }
  }

  const risk = Math.min(P.accumulationMax, Math.max(P.accumulationMin, exposureRisk(d) * P.accumulationShare));
  const accumulation = Math.round(risk * c.scopeFactor * dt * 10) / 10;
  if (accumulation !== 0) {
    recordChange(d, 'dataExposure', accumulation, 'rule:exposure-accumulation', ruleSources('exposure-accumulation'));
  }
  if (!d.tags.includes('safeguard:transparency')) {
    recordChange(d, 'backlash', P.opacityDrift * dt, 'rule:opacity-drift', ruleSources('opacity-drift'));
  }
  const excess = d.metrics.backlash - P.attentionFloor;
  if (excess > 0) {
    const fade = Math.round(excess * P.attentionFadeShare * dt * 10) / 10;
    if (fade > 0) recordChange(d, 'backlash', -fade, 'rule:attention-fades', ruleSources('attention-fades'));
  }

  const eligible = c.events.filter((e) => isEventEligible(e, d));
  if (eligible.length === 0) {
    d.currentEvent = null;
    return d;
  }
  const [index, rng] = pickWeighted(d.rng, eligible.map((e) => e.weight));
  const event = eligible[index]!;
  d.rng = rng;
  d.currentEvent = event.id;
  d.seen = [...ctx.seen, event.id];
  applyEffects(d, event.effects, `event:${event.id}`, event.sources);
  return d;
}

function responded(c: CompiledScenario, ctx: GameContext, responseId: string): GameContext {
  const event = c.eventById.get(ctx.currentEvent!)!;
  const response = event.responses.find((r) => r.id === responseId)!;
  const d = draft(ctx);
  applyEffects(d, response.effects, `response:${event.id}.${response.id}`, response.sources.length ? response.sources : event.sources);
  if (response.flags.length) d.flags = [...new Set([...ctx.flags, ...response.flags])].sort();
  d.responses = [...ctx.responses, { turn: ctx.turn, event: event.id, response: response.id }];
  d.currentEvent = null;
  return d;
}

// ---------------------------------------------------------------------------

export function compileScenario(c: CompiledScenario) {
  const turns = c.scenario.turns;
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
        always: { guard: 'areDecisionsComplete', target: 'turn', actions: 'commitDecisions' },
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

export type GameMachine = ReturnType<typeof compileScenario>;
export type GameSnapshot = SnapshotFrom<GameMachine>;

// The model made visible: every rule the engine applies by itself, each in
// one record — its parameters, the function that applies them, its sources.
// The explanation a player reads lives in the locale files under
// `rules.<id>`, with these parameters filled in, so no prose restates a
// number and a new language needs no code. Weights are the project's
// modelling choices, not facts; content adds case-specific effects on top.
import { evaluate, when, type ConditionState } from './conditions.ts';
import { newLoan, loanYear, packagePrice, type LoanState } from './loans.ts';
import { recordChange, type Cause, type LedgerDraft, type Metrics } from './metrics.ts';
import type { Condition, DataScope, MetricId, Option, Scenario, Tag } from './schema.ts';

/** The part of the game a rule reads and writes. */
export interface RuleState extends LedgerDraft, ConditionState {
  turn: number;
  metrics: Metrics;
  tags: Tag[];
  loans: LoanState[];
  /** Interest and repayments paid in the last turn, USD millions. */
  debtService: number;
}

/** What a rule may know about the scenario and the choices, fixed for one application. */
export interface RuleScope {
  readonly scenario: Scenario;
  /** The chosen options, in decision order, each with its `<decision>.<option>` id. */
  readonly chosen: readonly { readonly id: string; readonly decision: string; readonly option: Option }[];
  /** Multiplier for exposure accumulation from the breadth of data collected. */
  readonly scopeFactor: number;
  /** Debt service of this turn, unrounded, as the repayment rule found it. */
  service: number;
}

export type RuleStage = 'commit' | 'turn-start' | 'turn-end';

export interface ModelRule {
  readonly id: string;
  /** Once when the decisions are committed; or every year, before or after the choices' own yearly effects. */
  readonly stage: RuleStage;
  readonly metrics: readonly MetricId[];
  /** The numbers the rule uses; its text interpolates them by name. */
  readonly params: Readonly<Record<string, number>>;
  readonly sources: readonly string[];
  /** For a fixed change under a condition (params.delta when it holds). */
  readonly when?: Condition;
  /** Tags a rule without a condition needs to act (so a stand-in that gave the tag can be named as the cause). */
  readonly needsTags?: readonly Tag[];
  apply(state: RuleState, scope: RuleScope): void;
}

const ruleCause = (rule: string): Cause => ({ kind: 'rule', rule });

/** A fixed change to one measure, applied once at commit when the condition holds. */
function tagRule(id: string, condition: Condition, metric: MetricId, delta: number, sources: string[]): ModelRule {
  return {
    id,
    stage: 'commit',
    metrics: [metric],
    params: { delta },
    sources,
    when: condition,
    apply(state) {
      if (evaluate(condition, state)) recordChange(state, metric, delta, ruleCause(id), sources);
    },
  };
}

const foreign = when.any(when.tag('jurisdiction:cn'), when.tag('jurisdiction:ru'), when.tag('jurisdiction:us'), when.tag('jurisdiction:eu'));

export const SENSITIVE_SCOPES: readonly DataScope[] = ['faces', 'biometrics', 'students', 'medical', 'telecom', 'state-records'];

const capability = { perLevel: 3 };
const budgetOutlay = { max: 8 };
const strain = { backlash: 3 };
const unsustainable = { backlash: 4, standing: -3 };
const accumulation = { share: 0.15, min: -2, max: 5, scopeWeight: 0.2 };
const opacityDrift = { perYear: 1 };
const attention = { floor: 20, fadeShare: 0.08 };

/** In the order the engine applies them within each stage. */
export const MODEL_RULES: readonly ModelRule[] = [
  tagRule('foreign-jurisdiction', foreign, 'dataExposure', 6, ['F094', 'F252']),
  tagRule('state-access-law-cn', when.tag('jurisdiction:cn'), 'dataExposure', 8, ['F103', 'F223']),
  tagRule('remote-access', when.tag('remote-access'), 'dataExposure', 12, ['F026']),
  tagRule('remote-access-sovereignty', when.tag('remote-access'), 'sovereignty', -6, ['F026', 'F131']),
  tagRule('localisation', when.tag('safeguard:localisation'), 'dataExposure', -6, ['F023', 'F069']),
  tagRule('key-custody', when.tag('safeguard:key-custody'), 'dataExposure', -10, ['F026']),
  tagRule('oversight-office', when.tag('safeguard:oversight-office'), 'dataExposure', -8, ['F096', 'F097', 'F098', 'F099']),
  tagRule('law-enforcement', when.tag('safeguard:law-enforcement'), 'dataExposure', -5, ['F100', 'F101', 'F102']),
  tagRule('retention-limit', when.tag('safeguard:retention-limit'), 'dataExposure', -5, ['F249']),
  tagRule('moratorium-exposure', when.tag('safeguard:moratorium'), 'dataExposure', -8, ['F027', 'F250']),
  tagRule('moratorium-backlash', when.tag('safeguard:moratorium'), 'backlash', -6, ['F027', 'F226']),
  tagRule('moratorium-safety', when.tag('safeguard:moratorium'), 'publicSafety', -4, ['F017', 'F033']),
  tagRule('transparency', when.tag('safeguard:transparency'), 'backlash', -5, ['F009']),
  tagRule('opacity', when.not(when.tag('safeguard:transparency')), 'backlash', 4, ['F023']),
  tagRule('open-bidding', when.tag('safeguard:open-bidding'), 'backlash', -3, ['F124', 'F126']),
  tagRule('civil-society-backlash', when.tag('safeguard:civil-society'), 'backlash', -4, ['F247']),
  tagRule('civil-society-exposure', when.tag('safeguard:civil-society'), 'dataExposure', -2, ['F247']),
  tagRule('sanctioned-vendor', when.tag('sanctioned'), 'standing', -6, ['F002', 'F254']),
  tagRule('commodity-backed', when.tag('commodity-backed'), 'sovereignty', -8, ['F111', 'F125']),
  tagRule('loan-dependence', when.tag('loan'), 'sovereignty', -3, ['F114', 'F130']),
  tagRule('free-equipment-lock-in', when.all(when.tag('grant'), foreign), 'sovereignty', -4, ['F129', 'F131']),
  tagRule('domestic-build', when.tag('jurisdiction:domestic'), 'sovereignty', 5, ['F092']),
  {
    id: 'vendor-capability',
    stage: 'commit',
    metrics: ['publicSafety'],
    params: capability,
    sources: ['F033', 'F139'],
    apply(state, scope) {
      const level = Math.max(0, ...scope.chosen.map((c) => c.option.vendor?.capability ?? 0));
      if (level > 0) recordChange(state, 'publicSafety', level * capability.perLevel, ruleCause(this.id), this.sources);
    },
  },
  {
    // The drawdown is booked to the financing choice itself, so the ledger names the loan the player took.
    id: 'loan-drawdown',
    stage: 'commit',
    metrics: ['debt'],
    params: {},
    sources: ['F114', 'F120'],
    apply(state, scope) {
      const price = packagePrice(scope.chosen.map((c) => c.option));
      const loans: LoanState[] = [];
      for (const { id, decision, option } of scope.chosen) {
        if (!option.loan) continue;
        const loan = newLoan(id, option.loan, price);
        if (loan.principal <= 0) continue;
        loans.push(loan);
        recordChange(state, 'debt', loan.principal, { kind: 'option', decision, option: option.id }, option.sources.length ? option.sources : this.sources);
      }
      state.loans = loans;
    },
  },
  {
    id: 'budget-outlay',
    stage: 'commit',
    metrics: ['backlash'],
    params: budgetOutlay,
    needsTags: ['budget'],
    // An assumption of the model: no source measures public reaction to a budget outlay (F010 is the opposite case).
    sources: [],
    apply(state, scope) {
      const price = packagePrice(scope.chosen.map((c) => c.option));
      if (!state.tags.includes('budget') || price <= 0) return;
      const points = Math.min(budgetOutlay.max, Math.round(price / scope.scenario.fiscal.serviceCapacityUsdM));
      if (points > 0) recordChange(state, 'backlash', points, ruleCause(this.id), this.sources);
    },
  },
  {
    id: 'loan-repayment',
    stage: 'turn-start',
    metrics: ['debt'],
    params: {},
    // The schedule is the model's: no source gives the terms of the scenarios' loans.
    sources: [],
    apply(state, scope) {
      let service = 0;
      state.loans = state.loans.map((loan) => {
        const year = loanYear(loan);
        service += year.interest + year.instalment;
        if (year.instalment > 0) recordChange(state, 'debt', -year.instalment, ruleCause(this.id), this.sources);
        return year.loan;
      });
      state.debtService = Math.round(service * 100) / 100;
      scope.service = service;
    },
  },
  {
    id: 'debt-service-strain',
    stage: 'turn-start',
    metrics: ['backlash'],
    params: strain,
    sources: ['F078'],
    apply(state, scope) {
      if (scope.service > scope.scenario.fiscal.serviceCapacityUsdM) recordChange(state, 'backlash', strain.backlash, ruleCause(this.id), this.sources);
    },
  },
  {
    id: 'debt-unsustainable',
    stage: 'turn-start',
    metrics: ['backlash', 'standing'],
    params: unsustainable,
    sources: ['F078', 'F130'],
    apply(state, scope) {
      if (state.metrics.debt <= scope.scenario.fiscal.unsustainableDebtUsdM) return;
      recordChange(state, 'backlash', unsustainable.backlash, ruleCause(this.id), this.sources);
      recordChange(state, 'standing', unsustainable.standing, ruleCause(this.id), this.sources);
    },
  },
  {
    id: 'exposure-accumulation',
    stage: 'turn-end',
    metrics: ['dataExposure'],
    params: accumulation,
    sources: ['F086', 'F249'],
    apply(state, scope) {
      const risk = Math.min(accumulation.max, Math.max(accumulation.min, exposureRisk(state) * accumulation.share));
      const growth = Math.round(risk * scope.scopeFactor * 10) / 10;
      if (growth !== 0) recordChange(state, 'dataExposure', growth, ruleCause(this.id), this.sources);
    },
  },
  {
    id: 'opacity-drift',
    stage: 'turn-end',
    metrics: ['backlash'],
    params: opacityDrift,
    sources: ['F023'],
    apply(state) {
      if (!state.tags.includes('safeguard:transparency')) recordChange(state, 'backlash', opacityDrift.perYear, ruleCause(this.id), this.sources);
    },
  },
  {
    id: 'attention-fades',
    stage: 'turn-end',
    metrics: ['backlash'],
    params: attention,
    sources: ['F025'],
    apply(state) {
      const excess = state.metrics.backlash - attention.floor;
      if (excess <= 0) return;
      const fade = Math.round(excess * attention.fadeShare * 10) / 10;
      if (fade > 0) recordChange(state, 'backlash', -fade, ruleCause(this.id), this.sources);
    },
  },
];

export const RULE_BY_ID: ReadonlyMap<string, ModelRule> = new Map(MODEL_RULES.map((r) => [r.id, r]));

export function rulesAt(stage: RuleStage): readonly ModelRule[] {
  return MODEL_RULES.filter((r) => r.stage === stage);
}

/** Multiplier for exposure accumulation: more sensitive kinds of data, faster growth. */
export function scopeFactorOf(scopes: readonly DataScope[]): number {
  return 1 + accumulation.scopeWeight * scopes.filter((s) => SENSITIVE_SCOPES.includes(s)).length;
}

/** Net exposure risk of the committed choices: the fixed commit rules on data exposure that hold. */
export function exposureRisk(state: ConditionState): number {
  let risk = 0;
  for (const rule of MODEL_RULES) {
    if (rule.when && rule.metrics[0] === 'dataExposure' && evaluate(rule.when, state)) risk += rule.params['delta']!;
  }
  return risk;
}

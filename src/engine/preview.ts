// What a choice is likely to do, before it is made: the measures once the
// choices so far are in force, each option's expected outcome over seeded
// playthroughs of the model, and why an option is not on offer. Pure and
// deterministic: the same content, choices and samples give the same numbers.
import { committed, chosenOptions, isOptionAvailable, scenarioMachine, type CompiledScenario, type GameContext, type GameMachine } from './compile.ts';
import { visitCondition } from './conditions.ts';
import type { Metrics } from './metrics.ts';
import { runScenario } from './run.ts';
import type { Condition, Decision, MetricId, Option } from './schema.ts';

/** The three outcomes a player weighs. */
export const OUTCOMES = ['debt', 'dataExposure', 'backlash'] as const satisfies readonly MetricId[];
export type Outcome = (typeof OUTCOMES)[number];

/** The measures as they would stand with the choices so far in force (and the changes that takes). */
export function projectChoices(c: CompiledScenario, ctx: GameContext): Pick<GameContext, 'metrics' | 'ledger'> {
  const after = committed(c, { ...ctx, ledger: [] });
  return { metrics: after.metrics, ledger: after.ledger };
}

export interface Expectation {
  option: string;
  /** Mean final value of each outcome over the playthroughs with this option. */
  mean: Record<Outcome, number>;
  /** Compared with the other options' mean: the model's expected direction. */
  direction: Record<Outcome, 'up' | 'down' | 'flat'>;
}

const machines = new WeakMap<CompiledScenario, GameMachine>();
const cache = new WeakMap<CompiledScenario, Map<string, Expectation[]>>();

/** A change smaller than this (debt: a share of the level the budget can carry) reads as flat. */
function threshold(c: CompiledScenario, metric: Outcome): number {
  return metric === 'debt' ? Math.max(1, c.scenario.fiscal.unsustainableDebtUsdM * 0.02) : 1;
}

/**
 * Each available option of the decision now before the player, played to the
 * end `samples` times (seeds 1…samples) with the choices so far fixed and the
 * rest at random. A single choice is compared with the other options; an
 * option of a multi-select decision with choosing none of them.
 */
export function expectations(c: CompiledScenario, ctx: GameContext, decision: Decision, samples = 12): Expectation[] {
  const key = `${decision.id}|${samples}|${JSON.stringify(ctx.choices)}`;
  let byKey = cache.get(c);
  if (!byKey) cache.set(c, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  let machine = machines.get(c);
  if (!machine) machines.set(c, (machine = scenarioMachine(c)));
  const options = decision.options.filter((o) => isOptionAvailable(o, ctx));
  const meanOf = (picked: string[]): Record<Outcome, number> => {
    const sum = { debt: 0, dataExposure: 0, backlash: 0 };
    for (let seed = 1; seed <= samples; seed++) {
      const result = runScenario(c, { seed, policy: 'random', choices: { ...ctx.choices, [decision.id]: picked } }, machine);
      for (const m of OUTCOMES) sum[m] += result.metrics[m];
    }
    return { debt: sum.debt / samples, dataExposure: sum.dataExposure / samples, backlash: sum.backlash / samples };
  };
  const means = options.map((o) => ({ option: o.id, mean: meanOf(decision.multi ? [o.id] : [o.id]) }));
  const none = decision.multi && decision.min === 0 ? meanOf([]) : null;
  const result = means.map(({ option, mean }) => {
    const others = means.filter((m) => m.option !== option);
    const base = (m: Outcome) => (none ? none[m] : others.length ? others.reduce((s, x) => s + x.mean[m], 0) / others.length : mean[m]);
    const direction = Object.fromEntries(
      OUTCOMES.map((m) => {
        const d = mean[m] - base(m);
        return [m, Math.abs(d) < threshold(c, m) ? 'flat' : d > 0 ? 'up' : 'down'];
      }),
    ) as Expectation['direction'];
    return { option, mean, direction };
  });
  byKey.set(key, result);
  return result;
}

/** Why an option is not on offer: the earlier choices that rule it out, or the ones it needs. */
export interface Exclusion {
  /** Chosen options (`decision.option`) that rule it out. */
  blockedBy: string[];
  /** Options (`decision.option`) of which one would have to be chosen. */
  needs: string[];
}

export function exclusionOf(c: CompiledScenario, ctx: GameContext, option: Option): Exclusion | null {
  if (!option.requires || isOptionAvailable(option, ctx)) return null;
  const chosen = chosenOptions(c, ctx);
  const chosenIds = c.decisions.flatMap((d) => (ctx.choices[d.id] ?? []).map((id) => `${d.id}.${id}`));
  const withTag = (tag: string, among: 'chosen' | 'all') =>
    among === 'chosen'
      ? chosenIds.filter((_, i) => chosen[i]!.tags.includes(tag as never))
      : c.decisions.flatMap((d) => d.options.filter((o) => o.tags.includes(tag as never)).map((o) => `${d.id}.${o.id}`));
  const out: Exclusion = { blockedBy: [], needs: [] };
  // Walk the condition: a negated leaf that holds blocks; a plain leaf that fails is needed.
  const walk = (cond: Condition, negated: boolean): void =>
    visitCondition<void>(cond, {
      all: (parts) => parts.forEach((p) => walk(p, negated)),
      any: (parts) => parts.forEach((p) => walk(p, negated)),
      not: (inner) => walk(inner, !negated),
      metric: () => {},
      chose: (d, o) => {
        const held = ctx.choices[d]?.includes(o) ?? false;
        if (negated && held) out.blockedBy.push(`${d}.${o}`);
        if (!negated && !held) out.needs.push(`${d}.${o}`);
      },
      tag: (tag) => {
        if (negated) out.blockedBy.push(...withTag(tag, 'chosen'));
        else if (!ctx.tags.includes(tag)) out.needs.push(...withTag(tag, 'all'));
      },
      flag: () => {},
      seen: () => {},
      responded: () => {},
      turn: () => {},
    });
  walk(option.requires, false);
  return { blockedBy: [...new Set(out.blockedBy)], needs: [...new Set(out.needs)] };
}

export type { Metrics };

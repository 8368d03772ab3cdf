// Four teams of a workshop, as the deck's checks play them: maximum
// safeguards, the cheapest loan, no Chinese vendor, and the real government's
// path. Each is a set of decisions (a valid combination of the scenario) and a
// policy for the responses; `deckShare` measures how many turn cards two of
// them met in common.
import type { CompiledScenario } from './compile.ts';
import { decisionCombinations } from './explore.ts';
import type { PolicyName } from './policies.ts';
import type { RunOptions } from './run.ts';

export const STRATEGY_NAMES = ['max-safeguards', 'cheapest-loan', 'no-chinese-vendor', 'historical'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

export interface Strategy {
  name: StrategyName;
  choices: Record<string, string[]>;
  policy: PolicyName;
}

function tagsOf(c: CompiledScenario, combo: Record<string, string[]>): string[] {
  return Object.entries(combo).flatMap(([d, ids]) => ids.flatMap((id) => c.options.get(d)!.get(id)!.tags));
}

function loanRate(c: CompiledScenario, combo: Record<string, string[]>): number {
  const rates = Object.entries(combo).flatMap(([d, ids]) => ids.map((id) => c.options.get(d)!.get(id)!.loan?.annualRatePct).filter((r) => r !== undefined));
  return rates.length ? Math.min(...rates) : Infinity;
}

/** The first combination that scores best (lowest), so the choice is stable. */
function best<T>(items: readonly T[], score: (t: T) => number): T | undefined {
  let found: T | undefined;
  let low = Infinity;
  for (const item of items) {
    const s = score(item);
    if (s < low) [found, low] = [item, s];
  }
  return found;
}

/**
 * The four strategies for a scenario. Where a scenario has no loan, the
 * cheapest loan is the cheapest financing it offers (the first combination);
 * where every vendor is Chinese, "no Chinese vendor" takes the fewest Chinese
 * options. Responses are the seeded random player's, except on the real path.
 */
export function workshopStrategies(c: CompiledScenario): Strategy[] {
  const combos = decisionCombinations(c);
  const safeguards = (combo: Record<string, string[]>) => new Set(tagsOf(c, combo).filter((t) => t.startsWith('safeguard:'))).size;
  const chinese = (combo: Record<string, string[]>) => tagsOf(c, combo).filter((t) => t === 'jurisdiction:cn').length;
  const first = combos[0]!;
  return [
    { name: 'max-safeguards', choices: best(combos, (x) => -safeguards(x)) ?? first, policy: 'random' },
    { name: 'cheapest-loan', choices: best(combos, (x) => loanRate(c, x)) ?? first, policy: 'random' },
    { name: 'no-chinese-vendor', choices: best(combos, chinese) ?? first, policy: 'random' },
    { name: 'historical', choices: {}, policy: 'historical' },
  ];
}

/** The strategy as options for `runScenario` in a session with this seed. */
export function strategyRun(s: Strategy, seed: number): RunOptions {
  return { seed, choices: s.choices, policy: s.policy };
}

/**
 * The share of turns at which two teams met the same card, over the turns
 * both played (an early ending is the team's own outcome, not the draw's); a
 * quiet turn matches a quiet turn.
 */
export function deckShare(a: readonly { turn: number; event: string }[], b: readonly { turn: number; event: string }[], turnsA: number, turnsB: number): number {
  const turns = Math.min(turnsA, turnsB);
  if (turns === 0) return 1;
  let same = 0;
  for (let turn = 1; turn <= turns; turn++) {
    if (a.find((x) => x.turn === turn)?.event === b.find((x) => x.turn === turn)?.event) same++;
  }
  return same / turns;
}

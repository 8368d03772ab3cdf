// The golden playthroughs: for each scenario, the documented path and two
// fixed seeds under the random policy, reduced to what a model change would
// move — the ending, the final measures, the events met and answered, and the
// ledger summed by measure and cause. Committed under tests/golden/ so that a
// changed weight or rule shows up as a reviewable diff.
import { causeKey, compileScenario, runScenario, type ContentBundle, type PolicyName, type RunResult } from '../src/engine/index.ts';

export const GOLDEN_DIR = 'tests/golden';

export const GOLDEN_RUNS: readonly { name: string; policy: PolicyName; seed: number }[] = [
  { name: 'historical', policy: 'historical', seed: 1 },
  { name: 'random-7', policy: 'random', seed: 7 },
  { name: 'random-2024', policy: 'random', seed: 2024 },
];

export interface GoldenRun {
  name: string;
  policy: PolicyName;
  seed: number;
  ending: string;
  choices: RunResult['choices'];
  responses: string[];
  metrics: RunResult['metrics'];
  /** metric → cause → summed delta, keys sorted. */
  totals: Record<string, Record<string, number>>;
}

function totalsOf(result: RunResult): GoldenRun['totals'] {
  const sums = new Map<string, Map<string, number>>();
  for (const e of result.ledger) {
    const byCause = sums.get(e.metric) ?? new Map<string, number>();
    sums.set(e.metric, byCause);
    const key = causeKey(e.cause);
    byCause.set(key, Math.round(((byCause.get(key) ?? 0) + e.delta) * 100) / 100);
  }
  const out: GoldenRun['totals'] = {};
  for (const metric of [...sums.keys()].sort()) {
    const byCause = sums.get(metric)!;
    out[metric] = Object.fromEntries([...byCause.keys()].sort().map((k) => [k, byCause.get(k)!]));
  }
  return out;
}

export function goldenFor(bundle: ContentBundle, scenarioId: string): { scenario: string; runs: GoldenRun[] } {
  const scenario = bundle.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`no scenario "${scenarioId}"`);
  const c = compileScenario(scenario, bundle.shared);
  return {
    scenario: scenarioId,
    runs: GOLDEN_RUNS.map(({ name, policy, seed }) => {
      const result = runScenario(c, { seed, policy });
      return {
        name,
        policy,
        seed,
        ending: result.ending,
        choices: result.choices,
        responses: result.responses.map((r) => `${r.turn}: ${r.event}.${r.response}`),
        metrics: result.metrics,
        totals: totalsOf(result),
      };
    }),
  };
}

export function goldenText(bundle: ContentBundle, scenarioId: string): string {
  return `${JSON.stringify(goldenFor(bundle, scenarioId), null, 2)}\n`;
}

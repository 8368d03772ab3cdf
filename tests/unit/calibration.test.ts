// Calibration and fairness: the scenarios move the way the documented cases
// moved, the model's levers point the way the sources say they do, and no
// single strategy wins everything. Runs over every real scenario.
import { describe, expect, it } from 'vitest';
import {
  scenarioMachine,
  decisionCombinations,
  compileScenario,
  runScenario,
  type CompiledScenario,
  type RunResult,
} from '../../src/engine/index.ts';
import type { Option, Scenario, Tag } from '../../src/engine/schema.ts';
import { realContent } from '../support/content.ts';

const bundle = realContent();
const OUTCOMES = ['debt', 'dataExposure', 'backlash'] as const;
/** Within this many points a measure counts as unchanged ("flat"). */
const FLAT = 2;
const SEEDS = Array.from({ length: 24 }, (_, i) => i + 1);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

interface Prepared {
  scenario: Scenario;
  c: CompiledScenario;
  machine: ReturnType<typeof scenarioMachine>;
  combos: Record<string, string[]>[];
}

const prepared = new Map<string, Prepared>();
function prepare(scenario: Scenario): Prepared {
  let p = prepared.get(scenario.id);
  if (!p) {
    const c = compileScenario(scenario, bundle.shared);
    p = { scenario, c, machine: scenarioMachine(c), combos: decisionCombinations(c) };
    prepared.set(scenario.id, p);
  }
  return p;
}

/** Play with every decision fixed; responses come from the seeded random player. */
function play(p: Prepared, choices: Record<string, string[]>, seed: number): RunResult {
  return runScenario(p.c, { seed, policy: 'random', choices }, p.machine);
}

/** The first option carrying a tag, looking in safeguards decisions first (a financing option may carry a safeguard tag too). */
function optionWithTag(s: Scenario, tag: Tag): { decision: string; option: Option } | undefined {
  const ordered = [...s.decisions].sort((a, b) => Number(b.kind === 'safeguards') - Number(a.kind === 'safeguards'));
  for (const d of ordered) {
    const option = d.options.find((o) => o.tags.includes(tag));
    if (option) return { decision: d.id, option };
  }
  return undefined;
}

const sameCombo = (a: Record<string, string[]>, b: Record<string, string[]>) =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([k, v]) => {
    const w = b[k];
    return w !== undefined && v.length === w.length && v.every((x) => w.includes(x));
  });

/**
 * Pairs of valid combinations that differ only in `decision`: `with` picks
 * what `pick(without)` returns. Both must be valid in the game.
 */
function pairs(p: Prepared, decision: string, transform: (current: string[]) => { with: string[]; without: string[] } | null) {
  const out: { with: Record<string, string[]>; without: Record<string, string[]> }[] = [];
  const seen = new Set<string>();
  for (const combo of p.combos) {
    const t = transform(combo[decision]!);
    if (!t) continue;
    const w = { ...combo, [decision]: t.with };
    const wo = { ...combo, [decision]: t.without };
    const key = JSON.stringify([w, wo]);
    if (seen.has(key)) continue;
    if (p.combos.some((x) => sameCombo(x, w)) && p.combos.some((x) => sameCombo(x, wo))) {
      seen.add(key);
      out.push({ with: w, without: wo });
    }
  }
  return out;
}

/** Mean of a final measure over pairs × seeds, for both sides of each pair. */
function compare(p: Prepared, list: ReturnType<typeof pairs>, metric: (typeof OUTCOMES)[number], seeds: number[]) {
  const withValues: number[] = [];
  const withoutValues: number[] = [];
  for (const pair of list) {
    for (const seed of seeds) {
      withValues.push(play(p, pair.with, seed).metrics[metric]);
      withoutValues.push(play(p, pair.without, seed).metrics[metric]);
    }
  }
  return { with: mean(withValues), without: mean(withoutValues), runs: withValues.length };
}

/** A deterministic spread of at most `n` items. */
const spread = <T,>(xs: T[], n: number) => (xs.length <= n ? xs : Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]!));

describe('calibration: the historical path moves the way the sources document', () => {
  for (const scenario of bundle.scenarios) {
    const directions = Object.entries(scenario.historical.directions).filter(([, d]) => d && d.expect !== 'undocumented');
    it(`${scenario.id} documents at least one direction or says why none is documented`, () => {
      expect(OUTCOMES.every((m) => scenario.historical.directions[m] !== undefined)).toBe(true);
    });
    for (const [metric, direction] of directions) {
      it(`${scenario.id}: ${metric} goes ${direction!.expect} on the historical path (sources ${direction!.sources.join(', ')})`, { timeout: 60_000 }, () => {
        const p = prepare(scenario);
        const deltas = SEEDS.map((seed) => {
          const r = runScenario(p.c, { seed, policy: 'historical' }, p.machine);
          return r.metrics[metric as (typeof OUTCOMES)[number]] - scenario.initialMetrics[metric as (typeof OUTCOMES)[number]];
        });
        const m = median(deltas);
        if (direction!.expect === 'up') expect(m).toBeGreaterThan(FLAT);
        if (direction!.expect === 'down') expect(m).toBeLessThan(-FLAT);
        if (direction!.expect === 'flat') expect(Math.abs(m)).toBeLessThanOrEqual(FLAT);
      });
    }
  }
});

describe('calibration: all else equal, the levers point the way the sources say', () => {
  const seeds = SEEDS.slice(0, 6);
  for (const scenario of bundle.scenarios) {
    const loan = optionWithTag(scenario, 'loan');
    const budget = optionWithTag(scenario, 'budget');
    if (loan && budget && loan.decision === budget.decision) {
      it(`${scenario.id}: a loan ("${loan.option.id}") ends with more debt than budget financing ("${budget.option.id}")`, { timeout: 60_000 }, () => {
        const p = prepare(scenario);
        const list = spread(
          pairs(p, loan.decision, (cur) => (cur[0] === loan.option.id ? { with: [loan.option.id], without: [budget.option.id] } : null)),
          40,
        );
        expect(list.length).toBeGreaterThan(0);
        const r = compare(p, list, 'debt', seeds);
        expect(r.with).toBeGreaterThan(r.without);
      });
    }

    const keys = optionWithTag(scenario, 'safeguard:key-custody');
    const office = optionWithTag(scenario, 'safeguard:oversight-office');
    if (keys && office && keys.decision === office.decision) {
      it(`${scenario.id}: key custody plus an oversight office end with less data exposure than no safeguards`, { timeout: 60_000 }, () => {
        const p = prepare(scenario);
        const list = spread(
          pairs(p, keys.decision, (cur) => (cur.length === 0 ? { with: [keys.option.id, office.option.id], without: [] } : null)),
          40,
        );
        expect(list.length).toBeGreaterThan(0);
        const r = compare(p, list, 'dataExposure', seeds);
        expect(r.with).toBeLessThan(r.without);
      });
    }

    const bidding = optionWithTag(scenario, 'safeguard:open-bidding');
    const published = optionWithTag(scenario, 'safeguard:transparency');
    if (bidding && published && bidding.decision === published.decision) {
      it(`${scenario.id}: open bidding plus a published contract end with less backlash than neither`, { timeout: 60_000 }, () => {
        const p = prepare(scenario);
        const ids = [bidding.option.id, published.option.id];
        const list = spread(
          pairs(p, bidding.decision, (cur) =>
            cur.some((id) => ids.includes(id)) ? null : { with: [...cur, ...ids], without: cur },
          ),
          40,
        );
        expect(list.length).toBeGreaterThan(0);
        const r = compare(p, list, 'backlash', seeds);
        expect(r.with).toBeLessThan(r.without);
      });
    }
  }
});

describe('fairness: trade-offs are real, and the flag on the vendor does not decide the ending', () => {
  const seeds = SEEDS.slice(0, 3);
  for (const scenario of bundle.scenarios) {
    it(`${scenario.id}: no single combination of choices is best on debt, data exposure and backlash at once`, { timeout: 120_000 }, () => {
      const p = prepare(scenario);
      const scored = p.combos.map((combo) => {
        const runs = seeds.map((seed) => play(p, combo, seed));
        return { combo, ...Object.fromEntries(OUTCOMES.map((m) => [m, mean(runs.map((r) => r.metrics[m]))])) } as {
          combo: Record<string, string[]>;
        } & Record<(typeof OUTCOMES)[number], number>;
      });
      const best = Object.fromEntries(OUTCOMES.map((m) => [m, Math.min(...scored.map((s) => s[m]))]));
      const winners = scored.filter((s) => OUTCOMES.every((m) => s[m] <= best[m]! + 1e-9));
      expect(winners.map((w) => w.combo)).toEqual([]);
    });

    const vendorDecision = scenario.decisions.find((d) => d.kind === 'vendor');
    const cn = vendorDecision?.options.filter((o) => o.tags.includes('jurisdiction:cn')) ?? [];
    const other = vendorDecision?.options.filter((o) => !o.tags.includes('jurisdiction:cn')) ?? [];
    if (vendorDecision && cn.length > 0 && other.length > 0) {
      it(`${scenario.id}: a good ending is reachable with a Chinese vendor, and a bad one with a non-Chinese vendor`, { timeout: 120_000 }, () => {
        const p = prepare(scenario);
        const tone = new Map(scenario.endings.map((e) => [e.id, e.tone]));
        const cnIds = new Set(cn.map((o) => o.id));
        let goodWithCn = false;
        let badWithOther = false;
        for (const combo of p.combos) {
          const isCn = cnIds.has(combo[vendorDecision.id]![0]!);
          if ((isCn && goodWithCn) || (!isCn && badWithOther)) continue;
          // One deck per session: every combination of a seed meets the same deck, so
          // the search needs more seeds (decks) than when each game drew on its own;
          // with the cards' variants, one-data-centre's non-Chinese bad ending needs more than 12.
          for (const seed of SEEDS) {
            const t = tone.get(play(p, combo, seed).ending);
            if (isCn && t === 'good') goodWithCn = true;
            if (!isCn && t === 'bad') badWithOther = true;
          }
          if (goodWithCn && badWithOther) break;
        }
        expect({ goodWithCn, badWithOther }).toEqual({ goodWithCn: true, badWithOther: true });
      });
    }
  }
});

// Seeded random playthroughs of every scenario (the real content in scenarios/
// plus the mini fixture), checking invariants that must hold on every path;
// determinism; and save/resume through a JSON round trip of the persisted
// XState snapshot.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  causeKey,
  scenarioMachine,
  enabledEvents,
  formatProblem,
  initialMetrics,
  makePolicy,
  METRIC_IDS,
  METRIC_RANGES,
  MODEL_RULES,
  phaseOf,
  cardVersion,
  compileScenario,
  versionMet,
  resultOf,
  runScenario,
  type CompiledScenario,
  type GameEvent,
  type GameMachine,
  type RunResult,
} from '../../src/engine/index.ts';
import { loadContent } from '../../src/engine/validate.ts';
import { readContentFiles } from '../../tools/content-files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOTAL_PLAYTHROUGHS = 10_000;

function load(dir: string) {
  return loadContent(readContentFiles(join(ROOT, dir)));
}

const fixtureReport = load('tests/fixtures/mini');
const realReport = load('scenarios');

interface Target {
  label: string;
  compiled: CompiledScenario;
  machine: GameMachine;
}

function targetsOf(report: ReturnType<typeof load>, label: string): Target[] {
  if (!report.bundle) return [];
  return report.bundle.scenarios.map((s) => {
    const compiled = compileScenario(s, report.bundle!.shared);
    return { label: `${label}/${s.id}`, compiled, machine: scenarioMachine(compiled) };
  });
}

const TARGETS: Target[] = [...targetsOf(fixtureReport, 'fixture'), ...targetsOf(realReport, 'scenarios')];
const RULE_IDS = new Set<string>(MODEL_RULES.map((r) => r.id));

/** Distinct seeds for one scenario, including the 32-bit extremes. */
function seedsFor(count: number): number[] {
  const special = [0, -1, 2 ** 31 - 1, -(2 ** 31), 123_456_789];
  const seeds = special.slice(0, Math.min(count, special.length));
  for (let i = 1; seeds.length < count; i++) seeds.push(i * 7919 + 17);
  return seeds;
}

/** Every invariant of one finished playthrough; returns what is wrong. */
function violations(t: Target, seed: number, r: RunResult): string[] {
  const c = t.compiled;
  const s = c.scenario;
  const out: string[] = [];
  const bad = (msg: string) => out.push(`${t.label} seed ${seed}: ${msg}`);

  for (const m of METRIC_IDS) {
    const v = r.metrics[m];
    const [lo, hi] = METRIC_RANGES[m];
    if (!Number.isFinite(v) || v < lo || v > hi) bad(`${m} = ${v} outside [${lo}, ${hi}]`);
  }
  if (!s.endings.some((e) => e.id === r.ending)) bad(`ending ${String(r.ending)} is not one of the scenario's endings`);
  if (r.responses.length > s.turns) bad(`${r.responses.length} responses in ${s.turns} turns`);

  const start = initialMetrics(s.initialMetrics);
  for (const m of METRIC_IDS) {
    const sum = r.ledger.filter((e) => e.metric === m).reduce((acc, e) => acc + e.delta, 0);
    if (!(Math.abs(start[m] + sum - r.metrics[m]) <= 0.01)) bad(`ledger of ${m}: ${start[m]} + ${sum} != ${r.metrics[m]}`);
  }

  const chosen = new Set<string>();
  for (const d of s.decisions) {
    const picked = r.choices[d.id];
    if (picked === undefined) bad(`no choice for decision ${d.id}`);
    for (const id of typeof picked === 'string' ? [picked] : (picked ?? [])) chosen.add(`${d.id}.${id}`);
  }
  const responded = new Set(r.responses.map((x) => `${x.event}.${x.response}`));
  const respondedEvents = new Set(r.responses.map((x) => x.event));

  let lastTurn = 0;
  for (const x of r.responses) {
    const event = c.eventById.get(x.event);
    if (!event) bad(`response to unknown event ${x.event}`);
    // The answer comes from the version of the card this team met (its variant, if any).
    else if (!versionMet(event, r.cards, x.turn).responses.some((y) => y.id === x.response)) bad(`unknown response ${x.event}.${x.response}`);
    if (x.turn < 1 || x.turn > s.turns || x.turn <= lastTurn) bad(`response at turn ${x.turn} after turn ${lastTurn}`);
    lastTurn = x.turn;
    if (event?.once && r.responses.filter((y) => y.event === x.event).length > 1) bad(`once-only event ${x.event} drawn twice`);
  }

  let prevTurn = 0;
  for (const entry of r.ledger) {
    if (entry.turn < prevTurn || entry.turn > s.turns) bad(`ledger turn ${entry.turn} out of order`);
    prevTurn = entry.turn;
    const key = String(causeKey(entry.cause));
    const match = /^(option|response|event|rule):(.+)$/.exec(key);
    if (!match) {
      bad(`ledger cause "${key}" has no known kind`);
      continue;
    }
    const [, kind, name] = match as unknown as [string, string, string];
    if (kind === 'option') {
      const [d, o] = name.split('.');
      if (!c.options.get(d!)?.has(o!)) bad(`cause ${key} names no option`);
      else if (!chosen.has(name)) bad(`cause ${key} names an option that was not chosen`);
    } else if (kind === 'response') {
      const [e, resp] = name.split('.');
      const base = c.eventById.get(e!);
      const variant = entry.cause.kind === 'response' ? entry.cause.variant : undefined;
      if (variant !== undefined && r.cards.find((k) => k.event === e)?.variant !== variant) bad(`cause ${key} names a variant the team did not meet`);
      if (!base || !cardVersion(base, variant).responses.some((y) => y.id === resp)) bad(`cause ${key} names no response`);
      else if (!responded.has(name)) bad(`cause ${key} names a response not given`);
    } else if (kind === 'event') {
      if (!c.eventById.has(name)) bad(`cause ${key} names no event`);
      else if (!respondedEvents.has(name)) bad(`cause ${key} names an event that was never answered`);
    } else if (!RULE_IDS.has(name)) {
      bad(`cause ${key} names no rule in MODEL_RULES`);
    }
    if (!Number.isFinite(entry.delta) || entry.delta === 0) bad(`ledger delta ${entry.delta} for ${key}`);
  }
  return out;
}

describe('the scenarios under test', () => {
  it('include the fixture, and the real content in scenarios/ loads without problems', () => {
    expect(fixtureReport.problems.map(formatProblem)).toEqual([]);
    expect(realReport.problems.map(formatProblem)).toEqual([]);
    expect(TARGETS.length).toBe(fixtureReport.bundle!.scenarios.length + realReport.bundle!.scenarios.length);
  });
});

describe('random playthroughs', () => {
  const perScenario = Math.ceil(TOTAL_PLAYTHROUGHS / Math.max(1, TARGETS.length));

  it(`${TOTAL_PLAYTHROUGHS}+ seeded random games keep every invariant`, { timeout: 120_000 }, () => {
    expect(TARGETS.length).toBeGreaterThan(0);
    const failures: string[] = [];
    let games = 0;
    for (const t of TARGETS) {
      const endings = new Set<string>();
      const outcomes = new Set<string>();
      for (const seed of seedsFor(perScenario)) {
        let result: RunResult;
        try {
          result = runScenario(t.compiled, { seed, policy: 'random' }, t.machine);
        } catch (error) {
          failures.push(`${t.label} seed ${seed}: threw ${(error as Error).message}`);
          continue;
        }
        games++;
        failures.push(...violations(t, seed, result));
        endings.add(result.ending);
        outcomes.add(JSON.stringify([result.choices, result.responses, result.metrics]));
        if (failures.length > 50) break;
      }
      // Random play explores: a constant outcome would mean the seed is ignored.
      if (outcomes.size < 2) failures.push(`${t.label}: every random game had the same outcome`);
    }
    expect(failures.slice(0, 50)).toEqual([]);
    expect(games).toBeGreaterThanOrEqual(TOTAL_PLAYTHROUGHS);
  });

  it('the invariant checker itself catches a tampered result', () => {
    const t = TARGETS[0]!;
    const r = runScenario(t.compiled, { seed: 5, policy: 'random' }, t.machine);
    expect(violations(t, 5, r)).toEqual([]);
    const tampered: RunResult[] = [
      { ...r, ending: 'no-such-ending' },
      { ...r, metrics: { ...r.metrics, backlash: 101 } },
      { ...r, metrics: { ...r.metrics, debt: Number.NaN } },
      { ...r, ledger: [...r.ledger, { turn: 0, metric: 'debt', delta: 1, cause: { kind: 'rule', rule: 'made-up' }, sources: [] }] },
      { ...r, ledger: r.ledger.map((e, i) => (i === 0 ? { ...e, cause: { kind: 'magic' } as never } : e)) },
      { ...r, ledger: r.ledger.map((e, i) => (i === 0 ? { ...e, cause: { kind: 'option', decision: 'vendor', option: 'no-such-option' } as const } : e)) },
      {
        ...r,
        responses: Array.from({ length: t.compiled.scenario.turns + 1 }, (_, i) => ({
          turn: i + 1,
          event: t.compiled.events[0]!.id,
          response: t.compiled.events[0]!.responses[0]!.id,
        })),
      },
    ];
    for (const x of tampered) expect(violations(t, 5, x).length).toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  it('the same seed gives deep-equal results, whatever ran before and whichever machine instance runs it', () => {
    for (const t of TARGETS) {
      for (const seed of [1, 2, 99, -7]) {
        const a = runScenario(t.compiled, { seed, policy: 'random' }, t.machine);
        runScenario(t.compiled, { seed: seed + 1000, policy: 'random' }, t.machine);
        const b = runScenario(t.compiled, { seed, policy: 'random' }, t.machine);
        const fresh = runScenario(compileScenario(t.compiled.scenario, sharedOf(t)), { seed, policy: 'random' });
        expect(b).toEqual(a);
        expect(fresh).toEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }
    }
  });
});

function sharedOf(t: Target) {
  const report = t.label.startsWith('fixture/') ? fixtureReport : realReport;
  return report.bundle!.shared;
}

// ---------------------------------------------------------------------------
// Save and resume

interface Played {
  moves: GameEvent[];
  /** The enabled moves before each move. */
  menus: GameEvent[][];
  result: RunResult;
}

/** Play to the end with an actor, choosing with the runner's random policy. */
function playThrough(t: Target, seed: number): Played {
  const policy = makePolicy('random', t.compiled, seed);
  const actor = createActor(t.machine, { input: { seed } });
  actor.start();
  const moves: GameEvent[] = [];
  const menus: GameEvent[][] = [];
  for (let i = 0; actor.getSnapshot().status !== 'done'; i++) {
    if (i > 1000) throw new Error('no ending');
    const snap = actor.getSnapshot();
    const menu = enabledEvents(t.compiled, phaseOf(snap.value), snap.context);
    const move = policy.pick(menu, snap.context);
    menus.push(menu);
    moves.push(move);
    actor.send(move);
  }
  const result = resultOf(t.compiled, actor.getSnapshot().context);
  actor.stop();
  return { moves, menus, result };
}

/** Play `cut` moves, save through JSON, restore into a new actor, play the rest. */
function playWithSave(t: Target, seed: number, played: Played, cut: number): RunResult {
  const first = createActor(t.machine, { input: { seed } });
  first.start();
  for (const move of played.moves.slice(0, cut)) first.send(move);
  const before = first.getSnapshot();
  const saved = JSON.parse(JSON.stringify(first.getPersistedSnapshot())) as unknown;
  first.stop();

  const actor = createActor(t.machine, { snapshot: saved as never, input: { seed } });
  actor.start();
  const restored = actor.getSnapshot();
  expect(restored.value).toEqual(before.value);
  expect(restored.context).toEqual(before.context);
  expect(restored.status).toBe(before.status);

  for (let i = cut; i < played.moves.length; i++) {
    const snap = actor.getSnapshot();
    expect(enabledEvents(t.compiled, phaseOf(snap.value), snap.context)).toEqual(played.menus[i]);
    actor.send(played.moves[i]!);
  }
  expect(actor.getSnapshot().status).toBe('done');
  const result = resultOf(t.compiled, actor.getSnapshot().context);
  actor.stop();
  return result;
}

describe('save and resume', () => {
  it('the actor-driven game matches the headless runner', () => {
    for (const t of TARGETS) {
      for (const seed of [3, 4]) {
        expect(playThrough(t, seed).result).toEqual(runScenario(t.compiled, { seed, policy: 'random' }, t.machine));
      }
    }
  });

  it('a game saved at any point, JSON round-tripped and restored, finishes exactly as an uninterrupted one', () => {
    for (const t of TARGETS) {
      for (const seed of [11, 12, 13]) {
        const played = playThrough(t, seed);
        expect(played.moves.length).toBeGreaterThan(t.compiled.decisions.length);
        // Every cut point: before the briefing, mid-decisions, in turns, just before the end.
        for (let cut = 0; cut < played.moves.length; cut++) {
          expect(playWithSave(t, seed, played, cut), `${t.label} seed ${seed} cut ${cut}`).toEqual(played.result);
        }
      }
    }
  });

  it('a finished game survives the round trip with its ending', () => {
    for (const t of TARGETS) {
      const played = playThrough(t, 21);
      const result = playWithSave(t, 21, played, played.moves.length);
      expect(result).toEqual(played.result);
    }
  });
});

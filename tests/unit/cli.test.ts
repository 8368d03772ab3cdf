// The command-line tools, run in-process through their exported main(argv,
// io) against the mini fixture and against whatever content scenarios/ holds
// right now; two subprocess smoke tests prove the real entry points, the npm
// scripts and the exit codes.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  exploreScenario,
  formatProblem,
  initialMetrics,
  METRIC_IDS,
  compileScenario,
  printableResult,
  runScenario,
  type ContentBundle,
  type PolicyName,
  type Scenario,
  WORKSHOP_DECK,
  type DeckLead,
} from '../../src/engine/index.ts';
import { encodeSession } from '../../src/app/codes.ts';
import { loadContent } from '../../src/engine/validate.ts';
import type { CliIo } from '../../tools/cli.ts';
import { readContentFiles } from '../../tools/content-files.ts';
import { main as explore } from '../../tools/explore.ts';
import { main as scenariosCheck } from '../../tools/scenarios-check.ts';
import { main as simulate } from '../../tools/simulate.ts';
import { ROOT } from '../support/content.ts';

/** A result as simulate prints it (causes as their stable keys). */
type RunResult = ReturnType<typeof printableResult>;

const FIXTURE_REL = 'tests/fixtures/mini';
const FIXTURE_ARGS = ['--dir', FIXTURE_REL] as const;

const TOOLS = {
  simulate,
  // One thread: the same report as the CLI's worker threads (the parts merge
  // into exactly one whole run), without starting workers for every case. The
  // "--seeds 3" case below runs the real workers.
  explore: (argv: readonly string[], io: CliIo) => explore(argv, io, { threads: 1 }),
  check: scenariosCheck,
} as const;

interface Output {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a tool's main in this process, collecting what it writes. */
async function cli(tool: keyof typeof TOOLS, args: readonly string[]): Promise<Output> {
  let stdout = '';
  let stderr = '';
  const code = await TOOLS[tool](args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Run an npm script as a child process, as a user would. */
function npmScript(script: string, args: readonly string[]): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Run a tool expecting success and one JSON value on stdout. */
async function cliJson<T>(tool: keyof typeof TOOLS, args: readonly string[]): Promise<{ out: Output; json: T }> {
  const out = await cli(tool, args);
  expect(out.stderr, `${tool} ${args.join(' ')} wrote to stderr`).toBe('');
  expect(out.code, `${tool} ${args.join(' ')}`).toBe(0);
  const json = JSON.parse(out.stdout) as T;
  expect(json).toBeTypeOf('object');
  expect(Array.isArray(json)).toBe(false);
  return { out, json };
}

function loadDir(dir: string) {
  const files = readContentFiles(join(ROOT, dir)).map((f) => ({ ...f, path: relative(ROOT, f.path) }));
  return loadContent(files);
}

function loadedBundle(dir: string): ContentBundle {
  const report = loadDir(dir);
  expect(report.problems.map(formatProblem)).toEqual([]);
  return report.bundle!;
}

function inProcessRun(bundle: ContentBundle, id: string, seed: number, policy: PolicyName, choices = {}, deck: DeckLead = 'weight'): RunResult {
  const scenario = bundle.scenarios.find((s) => s.id === id)!;
  return printableResult(runScenario(compileScenario(scenario, bundle.shared, 'full', deck), { seed, policy, choices }));
}

const RESULT_KEYS = ['scenario', 'seed', 'choices', 'responses', 'events', 'ending', 'metrics', 'ledger'];
/** A workshop session of the mini fixture (its only scenario, index 0) with seed 4242. */
const MINI_SESSION = encodeSession({ scenarioIndex: 0, seed: 4242, knowledgeCheck: true, timerMinutes: 0 });
const LEDGER_KEYS = ['turn', 'metric', 'delta', 'cause', 'sources'];
const EXPLORE_KEYS = ['scenario', 'paths', 'exhaustive', 'endings', 'metrics', 'deadEnds', 'unreachableEndings'];

function sorted<T>(xs: readonly T[]): T[] {
  return [...xs].sort();
}

/** Shape checks shared by every simulate result. */
function expectResultShape(result: RunResult, scenario: Scenario, seed: number) {
  expect(sorted(Object.keys(result))).toEqual(sorted(RESULT_KEYS));
  expect(result.scenario).toBe(scenario.id);
  expect(result.seed).toBe(seed);
  expect(sorted(Object.keys(result.choices))).toEqual(sorted(scenario.decisions.map((d) => d.id)));
  for (const d of scenario.decisions) {
    const picked = result.choices[d.id]!;
    if (d.multi) {
      expect(Array.isArray(picked)).toBe(true);
      for (const id of picked as string[]) expect(d.options.map((o) => o.id)).toContain(id);
    } else {
      expect(typeof picked).toBe('string');
      expect(d.options.map((o) => o.id)).toContain(picked);
    }
  }
  expect(scenario.endings.map((e) => e.id)).toContain(result.ending);
  expect(sorted(Object.keys(result.metrics))).toEqual(sorted(METRIC_IDS));
  for (const m of METRIC_IDS) expect(Number.isFinite(result.metrics[m])).toBe(true);
  expect(result.responses.length).toBeLessThanOrEqual(scenario.turns);
  for (const r of result.responses) expect(sorted(Object.keys(r))).toEqual(['event', 'response', 'turn']);
  // Every card met is answered before the game moves on: the events are the answered cards, turn by turn.
  expect(result.events).toEqual(result.responses.map(({ turn, event }) => ({ turn, event })));
  for (const entry of result.ledger) {
    expect(sorted(Object.keys(entry))).toEqual(sorted(LEDGER_KEYS));
    expect(Number.isInteger(entry.turn)).toBe(true);
    expect(METRIC_IDS).toContain(entry.metric);
    expect(Number.isFinite(entry.delta)).toBe(true);
    expect(entry.delta).not.toBe(0);
    expect(entry.cause).toMatch(/^(option|response|event|rule):\S+$/);
    expect(Array.isArray(entry.sources)).toBe(true);
  }
}

/** The ledger adds up, per metric, from the initial metrics to the final ones. */
function expectLedgerSums(result: RunResult, scenario: Scenario) {
  const start = initialMetrics(scenario.initialMetrics);
  for (const m of METRIC_IDS) {
    const sum = result.ledger.filter((e) => e.metric === m).reduce((acc, e) => acc + e.delta, 0);
    expect(Math.abs(start[m] + sum - result.metrics[m]), `ledger of ${m}`).toBeLessThanOrEqual(0.01);
  }
}

function expectHistoricalChoices(result: RunResult, scenario: Scenario) {
  for (const d of scenario.decisions) {
    const want = scenario.historical.choices[d.id]!.options;
    const got = result.choices[d.id]!;
    if (d.multi) expect(sorted(got as string[]), d.id).toEqual(sorted(want as string[]));
    else expect(got, d.id).toBe(want);
  }
  for (const r of result.responses) {
    const want = scenario.historical.responses[r.event]?.response;
    if (want !== undefined) expect(r.response, `response to ${r.event}`).toBe(want);
  }
}

interface ListOutput {
  scenarios: {
    id: string;
    title: string;
    decisions: { id: string; multi: boolean; options: { id: string; tags: string[] }[] }[];
    endings: string[];
  }[];
}

/** Exact --list shape: no extra keys anywhere, values as in the loaded bundle. */
function expectListMatches(list: ListOutput, bundle: ContentBundle) {
  expect(Object.keys(list)).toEqual(['scenarios']);
  expect(list.scenarios).toHaveLength(bundle.scenarios.length);
  for (const entry of list.scenarios) {
    expect(sorted(Object.keys(entry))).toEqual(['decisions', 'endings', 'id', 'title']);
    for (const d of entry.decisions) {
      expect(sorted(Object.keys(d))).toEqual(['id', 'multi', 'options']);
      expect(typeof d.multi).toBe('boolean');
      for (const o of d.options) expect(sorted(Object.keys(o))).toEqual(['id', 'tags']);
    }
  }
  const expected = bundle.scenarios.map((s) => ({
    id: s.id,
    title: s.title.en,
    decisions: s.decisions.map((d) => ({
      id: d.id,
      multi: d.multi,
      options: d.options.map((o) => ({ id: o.id, tags: o.tags })),
    })),
    endings: s.endings.map((e) => e.id),
  }));
  expect(sorted(list.scenarios.map((s) => s.id))).toEqual(sorted(expected.map((s) => s.id)));
  for (const s of expected) expect(list.scenarios.find((x) => x.id === s.id)).toEqual(s);
}

interface ExploreOutput {
  scenario: string;
  paths: number;
  exhaustive: boolean;
  endings: Record<string, number>;
  metrics: Record<string, { min: number; max: number }>;
  deadEnds: number;
  unreachableEndings: string[];
}

function expectExploreShape(report: ExploreOutput, scenario: Scenario) {
  expect(sorted(Object.keys(report))).toEqual(sorted(EXPLORE_KEYS));
  expect(report.scenario).toBe(scenario.id);
  expect(Number.isInteger(report.paths)).toBe(true);
  expect(report.paths).toBeGreaterThan(0);
  expect(typeof report.exhaustive).toBe('boolean');
  expect(report.deadEnds).toBe(0);
  expect(sorted(Object.keys(report.endings))).toEqual(sorted(scenario.endings.map((e) => e.id)));
  expect(Object.values(report.endings).reduce((a, b) => a + b, 0)).toBe(report.paths);
  expect(sorted(Object.keys(report.metrics))).toEqual(sorted(METRIC_IDS));
  for (const m of METRIC_IDS) {
    expect(sorted(Object.keys(report.metrics[m]!))).toEqual(['max', 'min']);
    expect(report.metrics[m]!.min).toBeLessThanOrEqual(report.metrics[m]!.max);
  }
  expect(sorted(report.unreachableEndings)).toEqual(
    sorted(Object.entries(report.endings).filter(([, n]) => n === 0).map(([id]) => id)),
  );
}

const TIMEOUT = 60_000;

// ---------------------------------------------------------------------------

describe.concurrent('simulate and explore on the mini fixture', () => {
  const bundle = loadedBundle(FIXTURE_REL);
  const mini = bundle.scenarios.find((s) => s.id === 'mini')!;
  const sim = (...args: string[]) => cliJson<RunResult>('simulate', [...FIXTURE_ARGS, ...args]);

  it('--list prints exactly the specified shape', { timeout: TIMEOUT }, async () => {
    const { json } = await cliJson<ListOutput>('simulate', [...FIXTURE_ARGS, '--list']);
    expectListMatches(json, bundle);
    expect(json.scenarios.map((s) => s.id)).toEqual(['mini']);
  });

  it('--scenario --seed prints one result object equal to the engine run, with a ledger that adds up', { timeout: TIMEOUT }, async () => {
    const { json } = await sim('--scenario', 'mini', '--seed', '7');
    expectResultShape(json, mini, 7);
    expectLedgerSums(json, mini);
    expect(json).toEqual(inProcessRun(bundle, 'mini', 7, 'random'));
  });

  it('--session plays as a team of that session: its scenario and seed, with the cards met turn by turn', { timeout: TIMEOUT }, async () => {
    const [alone, withScenario, other] = await Promise.all([
      sim('--session', MINI_SESSION),
      sim('--scenario', 'mini', '--session', MINI_SESSION),
      sim('--session', MINI_SESSION, '--choice', 'vendor=domestic'),
    ]);
    expectResultShape(alone.json, mini, 4242);
    // A team of a session plays the workshop's deck.
    expect(alone.json).toEqual(inProcessRun(bundle, 'mini', 4242, 'random', {}, WORKSHOP_DECK));
    expect(withScenario.out.stdout).toBe(alone.out.stdout);
    expect(other.json).toEqual(inProcessRun(bundle, 'mini', 4242, 'random', { vendor: ['domestic'] }, WORKSHOP_DECK));
    expect(alone.json.events.length).toBeGreaterThan(0);
  });

  it('gives byte-identical stdout for the same arguments', { timeout: TIMEOUT }, async () => {
    const args = ['--scenario', 'mini', '--seed', '42', '--choice', 'safeguards=keys', '--policy', 'random'];
    const [a, b] = await Promise.all([sim(...args), sim(...args)]);
    expect(a.out.stdout.length).toBeGreaterThan(0);
    expect(a.out.stdout).toBe(b.out.stdout);
  });

  it('gives different results for different seeds', { timeout: TIMEOUT }, async () => {
    const seeds = [1, 2, 3];
    const runs = await Promise.all(seeds.map((s) => sim('--scenario', 'mini', '--seed', String(s))));
    const bodies = runs.map(({ json }, i) => {
      expect(json.seed).toBe(seeds[i]);
      expectLedgerSums(json, mini);
      return JSON.stringify({ ...json, seed: null });
    });
    expect(new Set(bodies).size).toBeGreaterThan(1);
  });

  it('--choice fixes a single-choice decision and a multi-select decision', { timeout: TIMEOUT }, async () => {
    const { json } = await sim('--scenario', 'mini', '--seed', '3', '--choice', 'vendor=domestic', '--choice', 'safeguards=office,publish');
    expect(json.choices['vendor']).toBe('domestic');
    expect(sorted(json.choices['safeguards'] as string[])).toEqual(['office', 'publish']);
    expectLedgerSums(json, mini);
    expect(json).toEqual(inProcessRun(bundle, 'mini', 3, 'random', { vendor: ['domestic'], safeguards: ['office', 'publish'] }));
    // Unfixed decisions are still played: financing is one of the options available with a domestic vendor.
    expect(['loan', 'budget']).toContain(json.choices['financing']);
  });

  it('--policy first, random and historical each match the engine; historical reproduces the record', { timeout: TIMEOUT }, async () => {
    const cases: [PolicyName, number][] = [
      ['first', 5],
      ['first', 6],
      ['random', 7],
      ['historical', 5],
      ['historical', 6],
    ];
    const runs = await Promise.all(cases.map(([p, seed]) => sim('--scenario', 'mini', '--seed', String(seed), '--policy', p)));
    for (const [i, { json }] of runs.entries()) {
      const [policy, seed] = cases[i]!;
      expectResultShape(json, mini, seed);
      expect(json, `${policy} ${seed}`).toEqual(inProcessRun(bundle, 'mini', seed, policy));
      if (policy === 'historical') expectHistoricalChoices(json, mini);
    }
    // The first policy ignores the seed when choosing.
    expect(runs[0]!.json.choices).toEqual(runs[1]!.json.choices);
    // Following the record, the historical choices do not depend on the seed.
    expect(runs[3]!.json.choices).toEqual(runs[4]!.json.choices);
  });

  it.each([
    ['an unknown scenario', ['--scenario', 'no-such-scenario', '--seed', '1'], 'no-such-scenario'],
    ['an unknown decision', ['--scenario', 'mini', '--seed', '1', '--choice', 'no-such-decision=x'], 'no-such-decision'],
    ['an unknown option', ['--scenario', 'mini', '--seed', '1', '--choice', 'vendor=no-such-vendor'], 'no-such-vendor'],
    ['an unknown policy', ['--scenario', 'mini', '--seed', '1', '--policy', 'greedy'], 'greedy'],
    ['a --choice without "="', ['--scenario', 'mini', '--seed', '1', '--choice', 'vendor'], 'vendor'],
    ['a fractional seed', ['--scenario', 'mini', '--seed', '1.5'], '1.5'],
    ['a non-numeric seed', ['--scenario', 'mini', '--seed', 'abc'], 'abc'],
    ['a negative seed', ['--scenario', 'mini', '--seed=-1'], '"-1"'],
    ['a seed beyond 32 bits (it would repeat another seed\'s game)', ['--scenario', 'mini', '--seed', '4294967297'], '4294967297'],
    ['a decision named like an Object.prototype key', ['--scenario', 'mini', '--seed', '1', '--choice', 'constructor=x'], 'constructor'],
    ['an unavailable option', ['--scenario', 'mini', '--seed', '1', '--choice', 'vendor=domestic', '--choice', 'financing=gift'], 'gift'],
    ['a --session that is no code', ['--session', 'not-a-code!'], 'not-a-code!'],
    ['a --session with a mistyped character', ['--session', MINI_SESSION.slice(0, -1) + (MINI_SESSION.endsWith('0') ? '1' : '0')], 'check character'],
    ['a --session and a --seed', ['--session', MINI_SESSION, '--seed', '3'], 'not both'],
    ['a --session of another scenario than --scenario', ['--scenario', 'other', '--session', MINI_SESSION], '"other"'],
  ])('simulate with %s exits 2 naming the bad value on stderr only', { timeout: TIMEOUT }, async (_label, args, bad) => {
    const out = await cli('simulate', [...FIXTURE_ARGS, ...args]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(bad);
    expect(out.stderr).toMatch(/^simulate: /);
  });

  it.each([
    ['an unknown scenario', ['--scenario', 'no-such-scenario'], 'no-such-scenario'],
    ['a bad --seeds', ['--scenario', 'mini', '--seeds', 'many'], 'many'],
  ])('explore with %s exits 2 naming the bad value on stderr only', { timeout: TIMEOUT }, async (_label, args, bad) => {
    const out = await cli('explore', [...FIXTURE_ARGS, ...args]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(bad);
    expect(out.stderr).toMatch(/^explore: /);
  });

  it('explore --seeds 3 prints the specified report, equal to the engine, from worker threads as from one', { timeout: TIMEOUT }, async () => {
    const args = [...FIXTURE_ARGS, '--scenario', 'mini', '--seeds', '3'];
    const { json, out } = await cliJson<ExploreOutput>('explore', args);
    expectExploreShape(json, mini);
    expect(json).toEqual(exploreScenario(compileScenario(mini, bundle.shared), { seeds: 3 }));
    // The CLI's own path: the seeds split between two worker threads and merged.
    let stdout = '';
    let stderr = '';
    const code = await explore(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { threads: 2 });
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe(out.stdout);
  });

});

describe.concurrent('scenarios:check', () => {
  const temps: string[] = [];
  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 on the fixture with a summary', { timeout: TIMEOUT }, async () => {
    const out = await cli('check', ['--dir', FIXTURE_REL]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^scenarios:check: ok .*\(mini\)/);
  });

  it('exits non-zero on a copy with two injected errors, one line per problem', { timeout: TIMEOUT }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safe-city-check-'));
    temps.push(dir);
    cpSync(join(ROOT, FIXTURE_REL), dir, { recursive: true });
    const file = join(dir, 'mini.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.decisions[1].options[0].sources[0] = 'F999';
    data.historical.choices.vendor.options = 'no-such-vendor';
    writeFileSync(file, JSON.stringify(data, null, 1));

    const out = await cli('check', ['--dir', dir]);
    expect(out.code).not.toBe(0);
    expect(out.code).not.toBeNull();
    const lines = out.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    const shape = /^(.+\.json): (\$(?:\.[A-Za-z0-9_$-]+|\[\d+\])*): (.+)$/;
    for (const line of lines) {
      const m = shape.exec(line);
      expect(m, line).not.toBeNull();
      expect(m![1]).toBe(file);
    }
    expect(lines[0]!.split(': ')[1]).toBe('$.decisions[1].options[0].sources[0]');
    expect(lines[0]).toContain('F999');
    expect(lines[1]!.split(': ')[1]).toBe('$.historical.choices.vendor.options');
    expect(lines[1]).toContain('no-such-vendor');
    expect(out.stderr).toContain('2 problem');

    // The tools refuse to run on broken content, listing the same problems.
    const sim = await cli('simulate', ['--dir', dir, '--list']);
    expect(sim.code).toBe(1);
    expect(sim.stdout).toBe('');
    for (const line of lines) expect(sim.stderr).toContain(line);
  });
});

// ---------------------------------------------------------------------------
// Real content: whatever scenarios/ holds at the time of the run.

describe.concurrent('the tools on the real content in scenarios/', () => {
  const report = loadDir('scenarios');
  const bundle = report.bundle;
  const problems = report.problems.map(formatProblem);

  it('simulate --list lists every real scenario, or refuses broken content listing its problems', { timeout: TIMEOUT }, async () => {
    const out = await cli('simulate', ['--list']);
    if (bundle) {
      expect(out.code).toBe(0);
      expectListMatches(JSON.parse(out.stdout) as ListOutput, bundle);
    } else {
      // The content is not loadable (e.g. still being written): the tool must
      // say exactly why, on stderr, and print nothing else.
      expect(problems.length).toBeGreaterThan(0);
      expect(out.code).toBe(1);
      expect(out.stdout).toBe('');
      for (const line of problems) expect(out.stderr).toContain(line);
    }
  });

  it('scenarios:check agrees with loadContent on the real content', { timeout: TIMEOUT }, async () => {
    const out = await cli('check', []);
    if (bundle) {
      expect(out.code).toBe(0);
      for (const s of bundle.scenarios) expect(out.stdout).toContain(s.id);
    } else {
      expect(out.code).toBe(1);
      expect(out.stdout.split('\n').filter((l) => l !== '')).toEqual(problems);
    }
  });

  // explore's contract is checked on one real scenario: that every scenario has
  // no dead end over every combination is the model tests' job
  // (tests/model/scenario-graph.test.ts), which explore the same way.
  it('simulate on every real scenario: deterministic, historical, ledger adds up; explore has no dead ends on a real scenario', { timeout: 600_000 }, async () => {
    if (!bundle) {
      // Without loadable content every scenario-level command must refuse too.
      const out = await cli('simulate', ['--scenario', 'any', '--seed', '1']);
      expect(out.code).toBe(1);
      expect(out.stdout).toBe('');
      expect(problems.length).toBeGreaterThan(0);
      return;
    }
    for (const [index, s] of bundle.scenarios.entries()) {
      const args = ['--scenario', s.id, '--seed', '3'];
      const [a, b, hist, first] = await Promise.all([
        cliJson<RunResult>('simulate', args),
        cliJson<RunResult>('simulate', args),
        cliJson<RunResult>('simulate', ['--scenario', s.id, '--seed', '3', '--policy', 'historical']),
        cliJson<RunResult>('simulate', ['--scenario', s.id, '--seed', '3', '--policy', 'first']),
      ]);
      expect(a.out.stdout).toBe(b.out.stdout);
      for (const r of [a.json, hist.json, first.json]) {
        expectResultShape(r, s, 3);
        expectLedgerSums(r, s);
      }
      expect(a.json).toEqual(inProcessRun(bundle, s.id, 3, 'random'));
      expectHistoricalChoices(hist.json, s);
      if (index === 0) expectExploreShape((await cliJson<ExploreOutput>('explore', ['--scenario', s.id, '--seeds', '1'])).json, s);
    }
  });
});

// ---------------------------------------------------------------------------
// The real entry points: npm script → tsx → the file's entry guard → exit code.
// Exactly two child processes; every argument case above runs in-process.

describe.concurrent('the npm scripts, as child processes', () => {
  const temps: string[] = [];
  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  it('npm run simulate -- --list exits 0 printing what main prints', { timeout: TIMEOUT }, async () => {
    const [child, inProcess] = await Promise.all([npmScript('simulate', [...FIXTURE_ARGS, '--list']), cli('simulate', [...FIXTURE_ARGS, '--list'])]);
    expect(child).toEqual({ code: 0, stdout: inProcess.stdout, stderr: '' });
    expect(child.stdout).toMatch(/^\{\n {2}"scenarios": \[/);
  });

  it('npm run scenarios:check on a broken copy exits 1, problems on stdout and the count on stderr', { timeout: TIMEOUT }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safe-city-check-'));
    temps.push(dir);
    cpSync(join(ROOT, FIXTURE_REL), dir, { recursive: true });
    const file = join(dir, 'mini.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.historical.choices.vendor = 'no-such-vendor';
    writeFileSync(file, JSON.stringify(data, null, 1));

    const child = await npmScript('scenarios:check', ['--dir', dir]);
    expect(child).toEqual({ code: 1, stdout: (await cli('check', ['--dir', dir])).stdout, stderr: 'scenarios:check: 1 problem(s)\n' });
    expect(child.stdout).toContain('$.historical.choices.vendor');
  });
});

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { fixtureContent } from '../../tests/support/content.ts';
import { scenarioMachine, compileScenario, type GameEvent } from './compile.ts';
import { runScenario } from './run.ts';
import { MODEL_RULES } from './model-rules.ts';
import { causeKey } from './metrics.ts';
import { newLoan, repaymentSchedule } from './loans.ts';
import type { Scenario } from './schema.ts';

const content = fixtureContent();
const base = content.scenarios[0]!;

function compiled(patch: (s: Scenario) => void = () => {}) {
  const scenario = structuredClone(base);
  patch(scenario);
  return compileScenario(scenario, content.shared);
}

function play(c = compiled(), seed = 1, events: GameEvent[] = []) {
  const actor = createActor(scenarioMachine(c), { input: { seed } });
  actor.start();
  for (const e of events) actor.send(e);
  return actor;
}

const choose = (decision: string, ...options: string[]): GameEvent => ({ type: 'decision.choose', decision, options });
const start: GameEvent = { type: 'briefing.start' };

describe('compiled machine', () => {
  it('is built with setup(): named guards and actions', () => {
    const machine = scenarioMachine(compiled());
    expect(Object.keys(machine.implementations.guards)).toEqual(
      expect.arrayContaining(['isChoiceValid', 'areDecisionsComplete', 'isResponseAvailable', 'isEarlyEndingReached', 'hasMoreTurns']),
    );
    expect(Object.keys(machine.implementations.actions)).toEqual(
      expect.arrayContaining(['recordChoice', 'commitDecisions', 'beginTurn', 'recordResponse', 'recordEnding']),
    );
  });

  it('goes briefing → deciding → turns, one decision at a time', () => {
    const actor = play();
    expect(actor.getSnapshot().value).toBe('briefing');
    actor.send(start);
    expect(actor.getSnapshot().value).toBe('deciding');
    actor.send(choose('financing', 'loan'));
    expect(actor.getSnapshot().context.decisionIndex).toBe(0); // out of order: ignored
    actor.send(choose('vendor', 'cn-free'));
    actor.send(choose('financing', 'gift'));
    actor.send(choose('safeguards'));
    const s = actor.getSnapshot();
    expect(['awaitingResponse', 'quietTurn']).toContain(s.value);
    expect(s.context.turn).toBe(1);
    expect(s.context.choices).toEqual({ vendor: ['cn-free'], financing: ['gift'], safeguards: [] });
  });

  it('refuses an option whose requirement does not hold', () => {
    const actor = play(compiled(), 1, [start, choose('vendor', 'domestic'), choose('financing', 'gift')]);
    expect(actor.getSnapshot().context.decisionIndex).toBe(1);
  });

  it('refuses a safeguard set over the budget and accepts one within it', () => {
    const actor = play(compiled(), 1, [start, choose('vendor', 'cn-free'), choose('financing', 'budget')]);
    actor.send(choose('safeguards', 'keys', 'office')); // cost 4 > 3
    expect(actor.getSnapshot().value).toBe('deciding');
    actor.send(choose('safeguards', 'publish', 'keys')); // cost 3
    expect(actor.getSnapshot().value).not.toBe('deciding');
  });

  it('offers a response only when its condition holds', () => {
    // The "ports" event is eligible only with remote access; "refer" needs an oversight office.
    const c = compiled((s) => {
      s.events = s.events.filter((e) => e.id === 'ports');
      s.excludeSharedEvents = ['shared-audit'];
    });
    const actor = play(c, 1, [start, choose('vendor', 'cn-free'), choose('financing', 'gift'), choose('safeguards')]);
    expect(actor.getSnapshot().context.currentEvent).toBe('ports');
    actor.send({ type: 'event.respond', response: 'refer' });
    expect(actor.getSnapshot().value).toBe('awaitingResponse');
    actor.send({ type: 'event.respond', response: 'refuse' });
    expect(actor.getSnapshot().context.responses).toEqual([{ turn: 1, event: 'ports', response: 'refuse' }]);
  });

  it('passes a quiet turn when no event is eligible', () => {
    const c = compiled((s) => {
      s.events = [];
      s.excludeSharedEvents = ['shared-audit'];
    });
    const actor = play(c, 1, [start, choose('vendor', 'domestic'), choose('financing', 'budget'), choose('safeguards')]);
    expect(actor.getSnapshot().value).toBe('quietTurn');
    for (let i = 0; i < c.scenario.turns; i++) actor.send({ type: 'turn.continue' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context.ending).toBeTruthy();
  });

  it('ends early when an early ending holds, before the last turn', () => {
    const c = compiled((s) => {
      s.events = s.events.filter((e) => e.id === 'protest');
      s.events[0]!.once = false;
      s.excludeSharedEvents = ['shared-audit'];
    });
    const actor = play(c, 1, [start, choose('vendor', 'cn-free'), choose('financing', 'gift'), choose('safeguards')]);
    let turns = 0;
    while (actor.getSnapshot().status !== 'done') {
      actor.send({ type: 'event.respond', response: 'fine' });
      turns++;
    }
    const ctx = actor.getSnapshot().context;
    expect(ctx.ending).toBe('collapse');
    expect(ctx.metrics.backlash).toBeGreaterThanOrEqual(45);
    expect(turns).toBeLessThan(c.scenario.turns);
  });

  it('chooses the first regular ending whose condition holds, else the fallback', () => {
    const r = runScenario(compiled(), { seed: 4, choices: { vendor: ['domestic'], financing: ['budget'], safeguards: ['publish'] }, policy: 'first' });
    const scenario = compiled().scenario;
    const ending = scenario.endings.find((e) => e.id === r.ending)!;
    expect(ending.early).toBe(false);
    const m = r.metrics;
    const holds = { exposed: m.dataExposure >= 40, indebted: m.debt >= 10, steady: true } as Record<string, boolean>;
    const expected = ['exposed', 'indebted', 'steady'].find((id) => holds[id]);
    expect(r.ending).toBe(expected);
  });
});

describe('metrics model', () => {
  const fixed = (financing: string, safeguards: string[] = [], vendor = 'cn-free') => ({ vendor: [vendor], financing: [financing], safeguards });

  it('a loan adds the financed share of the package price to debt, then repays it after the grace period', () => {
    const c = compiled((s) => {
      s.events = [];
      s.excludeSharedEvents = ['shared-audit'];
    });
    const r = runScenario(c, { seed: 1, choices: fixed('loan', [], 'domestic'), policy: 'first' });
    const price = c.options.get('vendor')!.get('domestic')!.vendor!.priceUsdM;
    const loan = c.options.get('financing')!.get('loan')!.loan!;
    const drawdown = r.ledger.find((e) => e.metric === 'debt' && causeKey(e.cause) === 'option:financing.loan')!;
    expect(drawdown.delta).toBe(price * loan.share);
    const repayments = r.ledger.filter((e) => causeKey(e.cause) === 'rule:loan-repayment');
    // grace 1 year of a 3-turn game: repayments in turns 2 and 3, each principal / (tenor - grace)
    expect(repayments.map((e) => e.turn)).toEqual([2, 3]);
    for (const e of repayments) expect(e.delta).toBeCloseTo(-(price * loan.share) / (loan.tenorYears - loan.graceYears), 2);
    expect(r.metrics.debt).toBeCloseTo(price + repayments.reduce((s, e) => s + e.delta, 0), 2);
  });

  it('charges exactly the repayment schedule the player is shown', () => {
    const c = compiled((s) => {
      s.events = [];
      s.excludeSharedEvents = ['shared-audit'];
      s.turns = 3;
    });
    const r = runScenario(c, { seed: 1, choices: fixed('loan', [], 'domestic'), policy: 'first' });
    const terms = c.options.get('financing')!.get('loan')!.loan!;
    const shown = repaymentSchedule(newLoan('financing.loan', terms, c.options.get('vendor')!.get('domestic')!.vendor!.priceUsdM));
    const charged = r.ledger.filter((e) => causeKey(e.cause) === 'rule:loan-repayment');
    const drawdown = r.ledger.find((e) => causeKey(e.cause) === 'option:financing.loan')!;
    expect(drawdown.delta).toBe(shown.reduce((sum, row) => sum + row.principal, 0));
    for (const row of shown.filter((x) => x.year <= c.scenario.turns)) {
      const paid = charged.filter((e) => e.turn === row.year).reduce((sum, e) => sum - e.delta, 0);
      expect(paid, `year ${row.year}`).toBeCloseTo(row.principal, 2);
    }
  });

  it('budget financing adds no debt; a loan does', () => {
    const noEvents = compiled((s) => {
      s.events = [];
      s.excludeSharedEvents = ['shared-audit'];
    });
    const budget = runScenario(noEvents, { seed: 2, choices: fixed('budget'), policy: 'first' });
    const loan = runScenario(noEvents, { seed: 2, choices: fixed('loan'), policy: 'first' });
    expect(budget.metrics.debt).toBe(0);
    expect(loan.metrics.debt).toBeGreaterThan(budget.metrics.debt);
  });

  it('key custody and an oversight office lower data exposure, each with its rule in the ledger', () => {
    const c = compiled((s) => {
      s.decisions[2]!.budget = 10;
      s.events = [];
      s.excludeSharedEvents = ['shared-audit'];
    });
    const none = runScenario(c, { seed: 3, choices: fixed('gift'), policy: 'first' });
    const guarded = runScenario(c, { seed: 3, choices: fixed('gift', ['keys', 'office']), policy: 'first' });
    expect(guarded.metrics.dataExposure).toBeLessThan(none.metrics.dataExposure);
    const causes = guarded.ledger.filter((e) => e.metric === 'dataExposure').map((e) => causeKey(e.cause));
    expect(causes).toEqual(expect.arrayContaining(['rule:key-custody', 'rule:oversight-office']));
    expect(none.ledger.map((e) => causeKey(e.cause))).not.toContain('rule:key-custody');
  });

  it('applies each commit rule exactly when its condition holds', () => {
    const r = runScenario(compiled(), { seed: 5, choices: fixed('gift', ['publish']), policy: 'first' });
    const applied = new Set(r.ledger.flatMap((e) => (e.turn === 0 && e.cause.kind === 'rule' ? [e.cause.rule] : [])));
    // cn-free: cn jurisdiction, remote access, sanctioned; gift: grant; publish: transparency
    for (const id of ['foreign-jurisdiction', 'state-access-law-cn', 'remote-access', 'sanctioned-vendor', 'free-equipment-lock-in', 'transparency'])
      expect(applied).toContain(id);
    for (const id of ['opacity', 'key-custody', 'domestic-build', 'loan-dependence']) expect(applied).not.toContain(id);
    expect(MODEL_RULES.filter((rule) => rule.stage === 'commit').map((rule) => rule.id)).toEqual(expect.arrayContaining([...applied]));
  });

  it('charges per-turn option effects every turn', () => {
    const c = compiled((s) => {
      s.events = [];
      s.excludeSharedEvents = ['shared-audit'];
    });
    const r = runScenario(c, { seed: 1, choices: fixed('gift'), policy: 'first' });
    const fees = r.ledger.filter((e) => causeKey(e.cause) === 'option:financing.gift' && e.metric === 'debt');
    expect(fees.map((e) => e.turn)).toEqual([1, 2, 3]);
  });

  it('clamps every metric to its range and records only the applied delta', () => {
    const c = compiled((s) => {
      s.initialMetrics.backlash = 95;
      s.events = s.events.filter((e) => e.id === 'protest');
      s.endings = s.endings.filter((e) => !e.early);
      s.excludeSharedEvents = ['shared-audit'];
    });
    const r = runScenario(c, { seed: 1, choices: fixed('gift'), policy: { pick: (events) => events.find((e) => e.type === 'event.respond' && e.response === 'fine') ?? events[0]! } });
    expect(r.metrics.backlash).toBeLessThanOrEqual(100);
    const sum = r.ledger.filter((e) => e.metric === 'backlash').reduce((s, e) => s + e.delta, 0);
    expect(95 + sum).toBeCloseTo(r.metrics.backlash, 5);
    expect(r.ledger.every((e) => e.delta !== 0)).toBe(true);
  });
});

describe('ledger totals', () => {
  it('sums each cause once per metric and keeps the grand total', async () => {
    const { totalsByCause } = await import('./metrics.ts');
    const r = runScenario(compiled(), { seed: 11, choices: { vendor: ['cn-free'], financing: ['gift'] }, policy: 'random' });
    const totals = totalsByCause(r.ledger);
    const keys = totals.map((t) => `${t.metric} ${causeKey(t.cause)}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const metric of ['debt', 'dataExposure', 'backlash'] as const) {
      const fromLedger = r.ledger.filter((e) => e.metric === metric).reduce((s, e) => s + e.delta, 0);
      const fromTotals = totals.filter((t) => t.metric === metric).reduce((s, t) => s + t.delta, 0);
      expect(fromTotals).toBeCloseTo(fromLedger, 2);
    }
    const accumulation = totals.find((t) => causeKey(t.cause) === 'rule:exposure-accumulation');
    expect(accumulation?.turns.length).toBe(r.ledger.filter((e) => causeKey(e.cause) === 'rule:exposure-accumulation').length);
    expect(totals.map((t) => Math.abs(t.delta))).toEqual([...totals.map((t) => Math.abs(t.delta))].sort((a, b) => b - a));
  });
});

// The facilitator's comparison on the real scenarios: teams with known
// strategies are played, handed in as result codes and compared.
import { describe, expect, it } from 'vitest';
import { realContent } from '../../tests/support/content.ts';
import { fourTeams, team } from '../../tests/support/workshop-teams.ts';
import { decompose, discussionPrompts, pathRows, questionLinks, turnCards, whatMadeTheDifference } from './comparison.ts';

const ids = realContent().scenarios.map((s) => s.id).sort();

describe('the comparison of a session', () => {
  const { c, results } = fourTeams();
  const rows = pathRows(c, results, ids.length);

  it('replays every team and adds the real path, played with the session seed, as the last row', () => {
    expect(rows.map((r) => [r.team, r.historical])).toEqual([
      ['Max safeguards', false],
      ['Cheapest loan', false],
      ['No Chinese vendor', false],
      ['Real path', false],
      ['', true],
    ]);
    rows.slice(0, 4).forEach((r, i) => expect(r.ctx.metrics).toEqual(results[i]!.metrics));
    // A team that played the real path ends where the real-path row does.
    expect(rows[4]!.ctx.metrics).toEqual(rows[3]!.ctx.metrics);
    expect(rows[4]!.ctx.responses).toEqual(rows[3]!.ctx.responses);
  });

  it('splits each measure into start, decisions, events and responses, and yearly rules, which add up to the final value', () => {
    for (const r of rows) {
      const parts = decompose(c, r.ctx);
      expect(parts.map((p) => p.metric)).toEqual(['debt', 'dataExposure', 'backlash', 'publicSafety', 'sovereignty', 'standing']);
      for (const p of parts) expect(p.start + p.decisions + p.events + p.rules).toBeCloseTo(p.final, 1);
    }
    // The crackdown the real path takes shows in the events-and-responses part of backlash.
    const real = rows[4]!.ctx;
    expect(real.responses.some((x) => x.response === 'crack-down')).toBe(real.ledger.some((e) => e.cause.kind === 'response' && e.cause.response === 'crack-down'));
  });

  it('names the choices that separate the best and the worst team, and the lines add up to the gap', () => {
    const diffs = whatMadeTheDifference(c, rows);
    const debt = diffs.find((d) => d.metric === 'debt')!;
    expect(rows[debt.best]!.ctx.metrics.debt).toBe(Math.min(...rows.slice(0, 4).map((r) => r.ctx.metrics.debt)));
    expect(rows[debt.worst]!.ctx.metrics.debt).toBe(Math.max(...rows.slice(0, 4).map((r) => r.ctx.metrics.debt)));
    expect(debt.lines.length).toBeGreaterThan(0);
    // Debt is the loans taken: the financing decision leads.
    expect(debt.lines[0]!.about).toEqual({ kind: 'decision', decision: 'financing' });
    for (const d of diffs) {
      const named = d.lines.reduce((s, l) => s + l.worst - l.best, 0);
      expect(named + d.events + d.rules + d.others).toBeCloseTo(d.gap, 1);
      expect(rows[d.best]!.historical || rows[d.worst]!.historical).toBe(false);
    }
  });

  it('two teams that differ only in safeguards: the difference names those safeguards', () => {
    const safe = team(c, 'A', 31, { safeguards: ['local-key-custody', 'enforce-data-law', 'fr-moratorium'] }, 0);
    const bare = team(c, 'B', 31, { safeguards: [] }, 0);
    const two = pathRows(c, [safe, bare], ids.length);
    const exposure = whatMadeTheDifference(c, two).find((d) => d.metric === 'dataExposure')!;
    expect([exposure.best, exposure.worst]).toEqual([0, 1]);
    // The safeguards' own rules (key custody −10, the law −5, the moratorium −8) are booked to the safeguards decision.
    expect(exposure.lines[0]).toEqual({ about: { kind: 'decision', decision: 'safeguards' }, best: -23, worst: 0 });
    const backlash = whatMadeTheDifference(c, two).find((d) => d.metric === 'backlash');
    expect(backlash?.lines.some((l) => l.about.kind === 'decision' && l.about.decision === 'safeguards')).toBe(true);
  });

  it('puts each year’s card in a table as the game recorded it: one session card per year, a substitute only where it could not apply', () => {
    for (const r of rows) expect(r.cards).toHaveLength(c.turns);
    for (const r of rows) {
      for (const card of r.cards.filter((x) => x.event !== null)) {
        const record = r.ctx.cards.find((x) => x.turn === card.turn)!;
        expect(card).toMatchObject({ event: record.event, substitute: record.substitute });
        expect(card.variant).toBe(record.variant);
      }
    }
    // Teams of one session that did not get a substitute met the same card that year.
    for (let turn = 1; turn <= c.turns; turn++) {
      const session = new Set(rows.flatMap((r) => r.cards.filter((x) => x.turn === turn && x.played && x.event && !x.substitute).map((x) => x.event)));
      expect(session.size).toBeLessThanOrEqual(1);
    }
    const quiet = { ...rows[0]!.ctx, turn: 2, cards: [{ turn: 1, event: 'a', substitute: true, variant: 'v' }] };
    expect(turnCards([quiet], 3)[0]).toEqual([
      { turn: 1, event: 'a', variant: 'v', played: true, substitute: true },
      { turn: 2, event: null, played: true, substitute: false },
      { turn: 3, event: null, played: false, substitute: false },
    ]);
  });

  it('links the crackdown question to the crackdown response through its flag, and asks it only when a team cracked down', () => {
    const crackdown = c.scenario.discussion.find((q) => q.en.startsWith('When critics are silenced'))!;
    expect(questionLinks(c, crackdown)).toEqual([{ kind: 'response', event: 'china-activists-crackdown', response: 'crack-down' }]);
    const asked = (rs: typeof rows) => discussionPrompts(c, rs).find((p) => p.question === crackdown);
    const crackedDown = rows.slice(0, 4).flatMap((r, i) => (r.ctx.responses.some((x) => x.response === 'crack-down') ? [i] : []));
    expect(crackedDown.length).toBeGreaterThan(0);
    expect(asked(rows)?.because[0]!.rows).toEqual(crackedDown);
    // Without those teams (the real path's row does not count), the question is not asked.
    const others = rows.filter((_, i) => !crackedDown.includes(i));
    expect(asked(others)).toBeUndefined();
    // The questions about nothing in particular stay, after the linked ones.
    const prompts = discussionPrompts(c, rows);
    expect(prompts[0]!.question).toBe(crackdown);
    expect(prompts.filter((p) => p.because.length === 0)).toHaveLength(c.scenario.discussion.length - 1);
  });
});

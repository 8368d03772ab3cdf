// @vitest-environment happy-dom
// The compare screen drawn from the app's snapshot with four imported teams:
// the tables, the difference panel in words, the questions, the clock the
// app machine keeps, and a team's handout.
import { afterEach, describe, expect, it } from 'vitest';
import { appHarness, type Harness } from '../../../tests/support/app-harness.ts';
import { realContent } from '../../../tests/support/content.ts';
import { fourTeams, team } from '../../../tests/support/workshop-teams.ts';
import { pathRows } from '../../app/comparison.ts';
import { setLanguage } from '../../text/i18n.ts';
import { renderApp, type Rendered } from '../render.ts';
import './compare-screen.ts';

const real = realContent();
let open: Harness | null = null;
afterEach(() => {
  open?.actor.stop();
  setLanguage('en');
});

const render = (h: Harness): Rendered => renderApp(h.snapshot(), (e) => h.actor.send(e));
const root = (r: Rendered) => {
  const div = document.createElement('div');
  div.append(...r.screen.body);
  return div;
};
const texts = (el: Element, selector: string) => [...el.querySelectorAll(selector)].map((n) => n.textContent ?? '');

async function comparing(): Promise<Harness> {
  const h = await appHarness(real);
  open = h;
  h.actor.send({ type: 'nav.workshop' });
  h.actor.send({ type: 'workshop.compare' });
  // The desk first replays what this browser kept, then takes imports.
  await h.settle();
  const { results } = fourTeams();
  h.actor.send({ type: 'results.import', codes: results.map((r) => `${r.team}: ${r.code}`).join('\n'), files: [] });
  await h.settle();
  return h;
}

describe('the compare screen', () => {
  it('shows every team and the real path with all six measures, and the card of each year with substitutes said in words', async () => {
    const h = await comparing();
    const page = root(render(h));
    expect(texts(page, 'table.side-by-side tbody th')).toEqual(['Max safeguards', 'Cheapest loan', 'No Chinese vendor', 'Real path']);
    expect(texts(page, 'table.side-by-side tfoot th')).toEqual(["The real government's path"]);
    expect(texts(page, 'table.side-by-side thead th')).toEqual(expect.arrayContaining(['Public safety', 'Sovereignty', 'International standing']));
    expect(page.querySelectorAll('table.side-by-side tbody tr')[0]!.querySelectorAll('td')).toHaveLength(7);
    const cards = page.querySelector('table.cards-by-year')!;
    expect(cards.querySelector('caption')?.textContent).toBe('Event cards by year');
    expect(texts(cards, 'thead th').slice(1)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    expect(cards.querySelectorAll('tbody tr')).toHaveLength(5);
    for (const cell of cards.querySelectorAll('td.card-substitute')) expect(cell.textContent).toMatch(/\(substitute\)$/);
    // As many marked cells as the games recorded substitutes (in this session, with the cards' variants, none).
    const { c, results } = fourTeams();
    const recorded = pathRows(c, results, real.scenarios.length).flatMap((r) => r.cards.filter((k) => k.played && k.event && k.substitute));
    expect(cards.querySelectorAll('td.card-substitute')).toHaveLength(recorded.length);
    // Every team met the same card each year: one title per column.
    for (let col = 1; col <= 6; col++) expect(new Set([...cards.querySelectorAll(`tbody tr td:nth-of-type(${col})`)].map((td) => td.getAttribute('data-event'))).size).toBe(1);
  });

  it('says what made the difference in words, with labels and no ids, and asks the crackdown question because a team cracked down', async () => {
    const h = await comparing();
    const page = root(render(h));
    const panel = page.querySelector('section.difference')!;
    const debt = panel.querySelector('[data-metric="debt"]')!;
    // Max safeguards and the real path end level on debt ($750.01 million): the first of them is named.
    expect(debt.querySelector('h3')?.textContent).toBe('Debt — best: No Chinese vendor ($285 million); worst: Max safeguards ($750.01 million)');
    expect(debt.querySelector('li')?.textContent).toMatch(/^Financing — No Chinese vendor: Partner-backed loan with conditions \(hypothetical\) \(\+\d/);
    // Every pick is named (an answer given to a card's variant takes that version's label).
    for (const li of texts(panel, 'li')) expect(li).not.toMatch(/: \([+−±]/);
    // No ids reach the panel.
    expect(panel.textContent).not.toMatch(/[a-z]+-[a-z]+-[a-z]+|financing\.|option:/);
    const questions = texts(page, 'ol.discussion > li');
    expect(questions[0]).toMatch(/^When critics are silenced.*Asked because of: Crack down on the activists — Cheapest loan and Real path$/);
    // A team without the safeguards' rules pays for it: their absence is booked to the safeguards decision, in words.
    expect(texts(panel, '[data-metric="backlash"] li')[0]).toMatch(/^Safeguards — Max safeguards: Publish the contract and loan terms, .*; Real path: none \(\+4\)$/);
  });

  it('keeps the session clock in the app machine: started, paused and resumed with the services’ time', async () => {
    const h = await comparing();
    h.actor.send({ type: 'clock.start', phase: 'debrief', minutes: 15 });
    let r = render(h);
    expect(r.timer).toEqual({ deadline: h.clock.now + 15 * 60_000, pausedAt: null, clock: true });
    expect(root(r).querySelector('.clock-phase')?.textContent).toBe('Debrief · Running');
    h.clock.now += 60_000;
    h.actor.send({ type: 'clock.pause' });
    h.clock.now += 5 * 60_000;
    h.actor.send({ type: 'clock.start', phase: 'debrief', minutes: 15 });
    r = render(h);
    // Fourteen minutes left after the pause, as before it.
    expect(r.timer!.deadline - h.clock.now).toBe(14 * 60_000);
    h.actor.send({ type: 'teams.expected', count: 6 });
    const page = root(render(h));
    expect(page.querySelector('.handed-in h2')?.textContent).toBe('Handed in (4/6)');
    expect(page.querySelector('.handed-in .missing')?.textContent).toBe('2 teams still to hand in.');
    h.actor.send({ type: 'clock.reset' });
    expect(render(h).timer).toBeNull();
  });

  it('opens a one-page handout for a team with its path, measures, causes and questions, and comes back', async () => {
    const h = await comparing();
    root(render(h)).querySelector<HTMLButtonElement>('[data-action="handout-1"]')!.click();
    const r = render(h);
    expect(r.key).toBe('handout:1');
    const page = root(r);
    expect(page.querySelector('h1')?.textContent).toBe('Handout: Cheapest loan');
    expect(page.querySelector('table.decomposition caption')?.textContent).toBe('Where the measures came from: Cheapest loan');
    expect(texts(page, '.team-choices dd')).toContain('A loan repaid in gas (hypothetical)');
    expect(page.querySelectorAll('ul.changes li').length).toBe(6);
    expect(texts(page, 'ol.discussion > li')[0]).toMatch(/^When critics are silenced/);
    page.querySelector<HTMLButtonElement>('[data-action="handout-back"]')!.click();
    expect(render(h).key).toBe('compare');
  });

  it('shows the learning gain in percentage points over players, per question, naming the team left out', async () => {
    const h = await appHarness(real);
    open = h;
    h.actor.send({ type: 'nav.workshop' });
    h.actor.send({ type: 'workshop.compare' });
    await h.settle();
    // The desk kept the earlier tests' teams in this browser: cleared, with its confirmation.
    h.actor.send({ type: 'results.clear', confirm: true });
    const { c } = fourTeams();
    const questions = c.scenario.knowledgeCheck;
    const wrong = (q: (typeof questions)[number]) => q.choices.find((x) => x.id !== q.answer)!.id;
    const all = (pick: (q: (typeof questions)[number]) => string) => Object.fromEntries(questions.map((q) => [q.id, pick(q)]));
    // Three players wrong before and right after; one player right both times; a team without answers.
    const learnt = team(c, 'Learnt', 3, {}, 'historical', { players: 3, knowledge: { before: all(wrong), after: all((q) => q.answer) } });
    const knew = team(c, 'Knew', 3, {}, 0, { knowledge: { before: all((q) => q.answer), after: all((q) => q.answer) } });
    const silent = team(c, 'Silent', 3, {}, 1);
    h.actor.send({ type: 'results.import', codes: [learnt, knew, silent].map((r) => `${r.team}: ${r.code}`).join('\n'), files: [] });
    await h.settle();
    const page = root(render(h));
    expect(page.querySelector('.learning-gain')?.getAttribute('data-gain-n')).toBe('4');
    expect(page.querySelector('.learning-gain')?.textContent).toMatch(/^Learning gain: \+75(\.0)? percentage points \(correct before 25%, after 100%; n = 4 players, 2 teams\)\..*Counted as one player each[^:]*: Knew\..*Not included[^:]*: Silent\./);
    const table = page.querySelector('table.knowledge-gain')!;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(questions.length);
    for (const row of table.querySelectorAll('tbody tr, tfoot tr')) expect(texts(row, 'td')).toEqual(['25%', '100%', expect.stringMatching(/^\+75(\.0)?/)]);
    expect(texts(table, 'tbody th')[0]).toBe(questions[0]!.question.en);
  });
});

// @vitest-environment happy-dom
// The page without a browser: every screen rendered from the app's snapshot
// in happy-dom, and the render's purity — drawing again announces, plays and
// saves nothing. The three bugs of the old controller (a language change on a
// turn re-announced it and showed "no changes"; the ending sound replayed;
// the workshop code changed) each have a test here.
import { afterEach, describe, expect, it } from 'vitest';
import { appHarness, type Harness } from '../../tests/support/app-harness.ts';
import { fixtureContent, realContent } from '../../tests/support/content.ts';
import { enabledMoves, phaseOfGame } from '../app/game.ts';
import { setLanguage } from '../text/i18n.ts';
import { renderApp, type Rendered } from './render.ts';
import { useCompare } from './render-compare.ts';

const mini = fixtureContent();
const real = realContent();
let open: Harness[] = [];

async function harness(...args: Parameters<typeof appHarness>): Promise<Harness> {
  const h = await appHarness(...args);
  open.push(h);
  return h;
}

afterEach(() => {
  for (const h of open) h.actor.stop();
  open = [];
  setLanguage('en');
});

function render(h: Harness): Rendered {
  return renderApp(h.snapshot(), (e) => h.actor.send(e));
}

function text(r: Rendered): string {
  return r.screen.body.map((n) => n.textContent ?? '').join(' ');
}

function buttons(r: Rendered): HTMLButtonElement[] {
  return r.screen.body.flatMap((n) => (n instanceof HTMLElement ? [...n.querySelectorAll('button'), ...(n instanceof HTMLButtonElement ? [n] : [])] : []));
}

function click(r: Rendered, selector: string) {
  const b = r.screen.body.map((n) => (n instanceof HTMLElement ? (n.matches(selector) ? n : n.querySelector<HTMLElement>(selector)) : null)).find(Boolean);
  if (!b) throw new Error(`no ${selector} on ${r.screen.name}: ${text(r).slice(0, 200)}`);
  b.click();
}

/** Play with the first offered move until the predicate holds. */
function playUntil(h: Harness, done: () => boolean) {
  for (let i = 0; i < 200 && !done(); i++) {
    const game = h.snapshot().context.game!;
    // A response's outcome is shown first; go on to the next year.
    if (game.outcome) h.actor.send({ type: 'outcome.continue' });
    else h.actor.send({ type: 'game.move', move: enabledMoves(game)[0]! });
  }
  expect(done()).toBe(true);
}

const phase = (h: Harness) => (h.snapshot().context.game!.outcome ? 'outcome' : phaseOfGame(h.snapshot().context.game!));

describe('every screen renders from a snapshot', () => {
  it('title, map, briefing, decision, turn, ending and debrief, with their buttons', async () => {
    const h = await harness(mini);
    let r = render(h);
    expect(r.screen.name).toBe('title');
    expect(buttons(r).map((b) => b.dataset['action'])).toEqual(expect.arrayContaining(['play', 'classroom', 'workshop', 'guide', 'settings']));
    click(r, '[data-action="play"]');
    r = render(h);
    expect(r.screen.name).toBe('map');
    click(r, '[data-scenario="mini"]');
    await h.settle();
    r = render(h);
    expect(r.screen.name).toBe('briefing');
    click(r, '[data-action="begin"]');
    r = render(h);
    expect(r.screen.name).toBe('decision');
    expect(buttons(r).filter((b) => b.dataset['option']).length).toBeGreaterThan(1);
    playUntil(h, () => phase(h) === 'awaitingResponse' || phase(h) === 'quietTurn');
    r = render(h);
    expect(r.screen.name).toBe('turn');
    expect(r.key).toMatch(/^turn:1:/);
    playUntil(h, () => phase(h) === 'ended');
    r = render(h);
    expect(r.screen.name).toBe('ending');
    click(r, '[data-action="debrief"]');
    r = render(h);
    expect(r.screen.name).toBe('debrief');
    expect(buttons(r).map((b) => b.dataset['action'])).toEqual(expect.arrayContaining(['replay', 'replay-same', 'another', 'print-debrief']));
  });

  it('the workshop hub, set-up, join and compare screens', async () => {
    const h = await harness(real);
    h.actor.send({ type: 'nav.workshop' });
    expect(render(h).screen.name).toBe('workshop');
    h.actor.send({ type: 'workshop.setup' });
    expect(render(h).screen.name).toBe('setup');
    h.actor.send({ type: 'workshop.join' });
    expect(render(h).screen.name).toBe('join');
    h.actor.send({ type: 'workshop.compare' });
    // Until its chunk is in, the compare screen says it is loading; the chunk registers itself when imported (modules are shared between test files, so set it by hand here).
    const { compareScreen } = await import('./screens/compare-screen.ts');
    useCompare(null);
    expect(render(h).screen.name).toBe('compare');
    expect(buttons(render(h))).toEqual([]);
    useCompare(compareScreen);
    const r = render(h);
    expect(r.screen.name).toBe('compare');
    expect(buttons(r).map((b) => b.dataset['action'])).toEqual(expect.arrayContaining(['import', 'clock-start', 'set-expected']));
  });
});

describe('rendering is pure', () => {
  it('draws the same page twice, and the second time announces, plays and saves nothing', async () => {
    const h = await harness(mini, { start: { scenario: 'mini', seed: 3 } });
    playUntil(h, () => phase(h) === 'awaitingResponse' || phase(h) === 'quietTurn');
    const counts = () => [h.log.announced.length, h.log.played.length, h.log.writes];
    const before = counts();
    const a = render(h);
    const b = render(h);
    expect(counts()).toEqual(before);
    expect(text(b)).toBe(text(a));
    expect(b.key).toBe(a.key);
  });

  it('a change of language on a turn re-announces nothing, plays nothing, and still shows the turn\'s changes', async () => {
    const h = await harness(mini, { start: { scenario: 'mini', seed: 3 } });
    playUntil(h, () => phase(h) === 'awaitingResponse');
    const changes = h.snapshot().context.game!.fresh.length;
    expect(changes).toBeGreaterThan(0);
    const announced = h.log.announced.length;
    const played = h.log.played.length;
    h.actor.send({ type: 'settings.update', patch: { lang: 'ru' } });
    setLanguage('ru');
    const r = render(h);
    expect(h.log.announced.length).toBe(announced);
    expect(h.log.played.length).toBe(played);
    expect(h.snapshot().context.game!.fresh.length).toBe(changes);
    const list = r.screen.body.map((n) => (n instanceof HTMLElement ? n.querySelector('.turn-changes details .changes:not(.summary)') : null)).find(Boolean);
    expect(list?.querySelectorAll(':scope > li').length).toBe(changes);
  });

  it('the ending sound plays once, when the game ends, not again on a redraw or a change of language', async () => {
    const h = await harness(mini, { start: { scenario: 'mini', seed: 5 } });
    playUntil(h, () => phase(h) === 'ended');
    expect(h.log.played.filter((p) => p === 'ending')).toHaveLength(1);
    render(h);
    h.actor.send({ type: 'settings.update', patch: { lang: 'ru' } });
    render(h);
    h.actor.send({ type: 'vote.change', key: 'x', delta: 1 });
    render(h);
    expect(h.log.played.filter((p) => p === 'ending')).toHaveLength(1);
    expect(h.log.announced.filter((a) => a.politeness === 'assertive')).toHaveLength(1);
  });

  it('the workshop set-up keeps its seed and its code through a redraw and a change of language', async () => {
    const h = await harness(real, { seed: 777 });
    h.actor.send({ type: 'nav.workshop' });
    h.actor.send({ type: 'workshop.setup' });
    h.actor.send({ type: 'setup.makeCode' });
    const code = h.snapshot().context.workshop.code;
    const seed = h.snapshot().context.workshop.setup.seed;
    expect(code).toMatch(/^[0-9A-Z-]+$/);
    const first = render(h);
    h.actor.send({ type: 'settings.update', patch: { lang: 'ru' } });
    const second = render(h);
    expect(h.snapshot().context.workshop.code).toBe(code);
    expect(h.snapshot().context.workshop.setup.seed).toBe(seed);
    const shown = (r: Rendered) => r.screen.body.map((n) => (n instanceof HTMLElement ? n.querySelector('[data-session-code]')?.textContent : null)).find(Boolean);
    expect(shown(second)).toBe(shown(first));
    expect(shown(first)).toBe(code);
  });
});

describe('a response is felt at once', () => {
  it('shows each response\'s changes before the next year, and the last one before the ending', async () => {
    const h = await harness(real, { start: { scenario: 'cameras-on-credit', seed: 9 } });
    playUntil(h, () => phase(h) === 'awaitingResponse');
    let outcomes = 0;
    for (let i = 0; i < 50 && phase(h) !== 'ended'; i++) {
      const game = h.snapshot().context.game!;
      if (phaseOfGame(game) === 'awaitingResponse') {
        const ledger = game.snapshot.context.ledger.length;
        h.actor.send({ type: 'game.move', move: enabledMoves(game)[0]! });
        const after = h.snapshot().context.game!;
        // The next screen is the response's outcome, with exactly the changes the response made.
        expect(render(h).screen.name).toBe('outcome');
        expect(after.outcome!.changes).toEqual(after.snapshot.context.ledger.slice(ledger).filter((e) => e.cause.kind === 'response' || e.turn === game.snapshot.context.turn));
        outcomes++;
        h.actor.send({ type: 'outcome.continue' });
      } else h.actor.send({ type: 'game.move', move: enabledMoves(game)[0]! });
    }
    expect(outcomes).toBeGreaterThan(1);
    expect(render(h).screen.name).toBe('ending');
  });

  it('projects the measures on a decision screen as the choices so far would leave them', async () => {
    const h = await harness(real, { start: { scenario: 'cameras-on-credit', seed: 9 } });
    h.actor.send({ type: 'game.move', move: { type: 'briefing.start' } });
    h.actor.send({ type: 'game.move', move: { type: 'decision.choose', decision: 'vendor', options: ['huawei-deal'] } });
    h.actor.send({ type: 'game.move', move: { type: 'decision.choose', decision: 'financing', options: ['soft-loan'] } });
    const r = render(h);
    expect(r.screen.name).toBe('decision');
    const debt = r.screen.body.map((n) => (n instanceof HTMLElement ? n.querySelector('.meter-debt .meter-value')?.textContent : null)).find(Boolean);
    // The loan is not drawn until the decisions are in force; the bar shows what it will be.
    expect(h.snapshot().context.game!.snapshot.context.metrics.debt).toBe(0);
    expect(debt).toBe('$1,000m');
  });
});

describe('glossary terms in the text', () => {
  it('finds a term by its name, its short form in brackets or a quoted phrase', async () => {
    const { phrasesOf } = await import('./glossary-links.ts');
    expect(phrasesOf('Export-Import Bank of China (Exim Bank)')).toEqual(['Export-Import Bank of China', 'Exim Bank']);
    expect(phrasesOf('Remote access and "open ports"')).toEqual(['Remote access and open ports', 'open ports']);
  });

  it('links the first mention of a term in a memo, and opens the glossary at it', async () => {
    const h = await harness(real, { start: { scenario: 'cameras-on-credit', seed: 9 } });
    const { linkedText } = await import('./glossary-links.ts');
    const ui = { app: h.snapshot().context, send: (e: Parameters<typeof h.actor.send>[0]) => h.actor.send(e) } as never;
    const nodes = linkedText(ui, { en: 'The Exim Bank lends; the Exim Bank lends again.' }, 'en');
    const buttons = nodes.filter((n): n is HTMLButtonElement => n instanceof HTMLButtonElement);
    expect(buttons.map((b) => b.textContent)).toEqual(['Exim Bank']);
    buttons[0]!.click();
    await h.settle();
    expect(h.snapshot().context.panel).toMatchObject({ name: 'glossary', term: buttons[0]!.dataset['term'] });
  });
});

describe('the record and its stand-ins', () => {
  it('shows documented rows and stand-ins differently in the debrief, in both languages', async () => {
    for (const lang of ['en', 'ru']) {
      const h = await harness(real, { start: { scenario: 'cameras-on-credit', seed: 9 }, settings: { lang } });
      setLanguage(lang);
      playUntil(h, () => phase(h) === 'ended');
      h.actor.send({ type: 'debrief.open' });
      h.actor.send({ type: 'debrief.tab', tab: 'path' });
      const r = render(h);
      const panel = r.screen.body.map((n) => (n instanceof HTMLElement && n.id === 'tabpanel-path' ? n : null)).find(Boolean)!;
      // cameras-on-credit: the Huawei deal is documented; its financing is a stand-in (the soft loans paid for 5G).
      expect(panel.querySelectorAll('td.documented').length).toBeGreaterThan(0);
      expect(panel.querySelectorAll('td.stand-in').length).toBeGreaterThan(0);
      expect(panel.querySelector('td.stand-in')!.textContent).toMatch(lang === 'en' ? /Not documented/ : /Не задокументировано/);
      expect(panel.querySelector('td.documented .sources')).not.toBeNull();
      h.actor.stop();
    }
  });

  it('marks the real path\'s ledger lines that a stand-in is behind', async () => {
    const { standInBehind, compileScenario } = await import('../engine/index.ts');
    const c = compileScenario(real.scenarios.find((s) => s.id === 'cameras-on-credit')!, real.shared);
    expect(standInBehind(c, { kind: 'option', decision: 'financing', option: 'soft-loan' })?.status).toBe('stand-in');
    expect(standInBehind(c, { kind: 'option', decision: 'vendor', option: 'huawei-deal' })).toBeUndefined();
    // The loan's own rule acts only because the stand-in financing gave the path the "loan" tag.
    expect(standInBehind(c, { kind: 'rule', rule: 'loan-dependence' })?.id).toBe('financing');
  });

  it('has a page about the sources, with what comes from outside the five documents marked', async () => {
    const h = await harness(real);
    h.actor.send({ type: 'nav.sources' });
    await h.settle();
    await new Promise((r) => setTimeout(r, 0));
    const r = render(h);
    expect(r.screen.name).toBe('sources');
    const all = r.screen.body.map((n) => n.textContent).join(' ');
    for (const id of ['S0', 'S1', 'S2', 'S3', 'S4']) expect(all).toContain(`${id}:`);
    expect(r.screen.body.flatMap((n) => (n instanceof HTMLElement ? [...n.querySelectorAll('p.outside')] : [])).length).toBeGreaterThan(0);
  });
});

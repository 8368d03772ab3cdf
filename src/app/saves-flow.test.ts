// @vitest-environment happy-dom
// The failures of issue 17, each through the app machine in Node (the
// recording harness) and the page as rendered from its snapshot: a damaged
// snapshot, a scenario link over a saved game, storage that fills up during
// play, copies that cannot be made, notices that must reach the landing
// screen, and a new version offered at the right moment.
import { afterEach, describe, expect, it } from 'vitest';
import { appHarness, playFirstMoves, type Harness } from '../../tests/support/app-harness.ts';
import { fixtureContent, realContent } from '../../tests/support/content.ts';
import { renderApp } from '../ui/render.ts';
import { memoryBackend, saveStore, type SaveBackend } from './save-store.ts';
import { readUrlParams } from './url-params.ts';

const real = realContent();
const mini = fixtureContent();
const SCENARIO = real.scenarios[0]!.id;
const OTHER = real.scenarios[1]!.id;
let open: Harness[] = [];
afterEach(() => {
  for (const h of open) h.actor.stop();
  open = [];
});

async function boot(options: Parameters<typeof appHarness>[1] & { backend?: SaveBackend } = {}, bundle = real): Promise<Harness> {
  const h = await appHarness(bundle, { ...options, saves: options.saves ?? saveStore(options.backend ?? memoryBackend()) });
  open.push(h);
  return h;
}

const play = playFirstMoves;

const page = (h: Harness) => renderApp(h.snapshot(), (e) => h.actor.send(e));
const text = (h: Harness) => page(h).screen.body.map((n) => n.textContent ?? '').join(' ');
const screen = (h: Harness) => page(h).screen.name;

/** A saved mid-game (8 moves) of the first real scenario, in a backend of its own. */
async function savedGame(moves = 8) {
  const backend = memoryBackend();
  const h = await boot({ backend, start: { scenario: SCENARIO, seed: 17 } });
  await play(h, moves);
  const context = h.snapshot().context.game!.snapshot.context;
  h.actor.stop();
  return { backend, text: backend.data.get('current')!, at: { turn: context.turn, decisionIndex: context.decisionIndex, moves } };
}

function mutate(text: string, change: (save: { snapshot: { value: unknown; context: Record<string, unknown> } | null; events: unknown[] }) => void): string {
  const save = JSON.parse(text);
  change(save);
  return JSON.stringify(save);
}

describe('a saved snapshot that is inconsistent but whose fingerprint matches', () => {
  it.each([
    ['metrics = null', (s: Parameters<Parameters<typeof mutate>[1]>[0]) => (s.snapshot!.context['metrics'] = null)],
    ['deciding with decisionIndex 99', (s: Parameters<Parameters<typeof mutate>[1]>[0]) => ((s.snapshot!.value = 'deciding'), (s.snapshot!.context['decisionIndex'] = 99))],
    ['ledger = "x"', (s: Parameters<Parameters<typeof mutate>[1]>[0]) => (s.snapshot!.context['ledger'] = 'x')],
    ['an unknown state value', (s: Parameters<Parameters<typeof mutate>[1]>[0]) => (s.snapshot!.value = 'somewhere')],
    ['snapshot = null, moves intact', (s: Parameters<Parameters<typeof mutate>[1]>[0]) => (s.snapshot = null)],
    // A snapshot of state version 2 (before one deck per session): a generator state, no cards.
    ['the shape of an older engine (rng, no cards)', (s: Parameters<Parameters<typeof mutate>[1]>[0]) => ((s.snapshot!.context['rng'] = [1, 2, 3, 4]), delete s.snapshot!.context['cards'])],
  ])('%s: Continue rebuilds the game from its moves, at the same point, and says so', async (_label, change) => {
    const { backend, text: saved, at } = await savedGame();
    backend.data.set('current', mutate(saved, change));
    const h = await boot({ backend });
    expect(screen(h)).toBe('title');
    h.actor.send({ type: 'save.resume' });
    await h.settle();
    const game = h.snapshot().context.game!;
    expect(game.moves).toHaveLength(at.moves);
    expect({ turn: game.snapshot.context.turn, decisionIndex: game.snapshot.context.decisionIndex }).toEqual({ turn: at.turn, decisionIndex: at.decisionIndex });
    expect(text(h)).toMatch(/rebuilt from the moves you made/);
  });

  it('with its moves damaged too, is set aside with the reason, and a copy is kept', async () => {
    const { backend, text: saved } = await savedGame();
    const broken = mutate(saved, (s) => {
      s.snapshot!.context['metrics'] = null;
      s.events = [{ type: 'event.respond', response: 'nope' }];
    });
    backend.data.set('current', broken);
    const h = await boot({ backend });
    expect(text(h)).toMatch(/could not be restored \(its saved position is damaged \(snapshot\.context\.metrics: .*\) and its moves do not replay\)/);
    expect(h.snapshot().context.resumable).toBeNull();
    expect(await h.saves.keptText(h.snapshot().context.kept[0]!.key)).toBe(broken);
  });
});

describe('a scenario link while a game is saved', () => {
  it('asks first; "start" keeps the old game as a copy; "continue" goes back to it', async () => {
    const { backend, text: saved, at } = await savedGame();
    const h = await boot({ backend, start: { scenario: OTHER, seed: 3 } });
    expect(screen(h)).toBe('replace');
    expect(text(h)).toMatch(/You have a saved game/);
    expect(backend.data.get('current')).toBe(saved);
    h.actor.send({ type: 'save.resume' });
    await h.settle();
    expect(h.snapshot().context.game!.moves).toHaveLength(at.moves);

    const again = await boot({ backend, start: { scenario: OTHER, seed: 3 } });
    again.actor.send({ type: 'replace.confirm' });
    await again.settle();
    expect(screen(again)).toBe('briefing');
    expect(again.snapshot().context.game!.compiled.scenario.id).toBe(OTHER);
    expect(text(again)).toMatch(/earlier saved game was kept as a copy/);
    const kept = again.snapshot().context.kept;
    expect(kept).toHaveLength(1);
    expect(JSON.parse((await again.saves.keptText(kept[0]!.key))!).events).toHaveLength(at.moves);
  });

  it('from the map asks too, and the question is a screen reached by keyboard, in both languages', async () => {
    const { backend } = await savedGame();
    const h = await boot({ backend, settings: { lang: 'ru' } });
    h.actor.send({ type: 'nav.map' });
    h.actor.send({ type: 'scenario.start', id: OTHER });
    await h.settle();
    const r = page(h);
    expect(r.screen.name).toBe('replace');
    const buttons = r.screen.body.flatMap((n) => (n instanceof HTMLElement ? [...n.querySelectorAll('button')] : []));
    expect(buttons.map((b) => b.dataset['action'])).toEqual(['replace-confirm', 'continue', 'replace-back']);
  });

  it('does not ask over a save with no moves, but still keeps a copy of it', async () => {
    const backend = memoryBackend();
    await boot({ backend, start: { scenario: SCENARIO, seed: 1 } });
    const h = await boot({ backend, start: { scenario: OTHER, seed: 2 } });
    expect(screen(h)).toBe('briefing');
    expect(h.snapshot().context.kept).toHaveLength(1);
  });
});

describe('storage that fills up during play', () => {
  it('tells the player at once, keeps playing in memory, offers the game as a file, and Continue keeps every move', async () => {
    let full = false;
    const backend = memoryBackend((op, key) => (op === 'set' && key === 'current' && full ? Object.assign(new Error('quota'), { name: 'QuotaExceededError' }) : null));
    const h = await boot({ backend, start: { scenario: SCENARIO, seed: 5 } });
    await play(h, 4);
    expect(h.snapshot().context.saveProblem).toBeNull();
    full = true;
    await play(h, 1);
    expect(h.snapshot().context.saveProblem).toMatchObject({ kind: 'write', reason: expect.stringMatching(/QuotaExceededError/) });
    expect(h.log.announced.filter((a) => a.politeness === 'assertive').map((a) => a.message)).toEqual([expect.stringMatching(/could not be saved/)]);
    expect(text(h)).toMatch(/could not be saved in this browser/);
    await play(h, 3);
    expect(h.log.announced.filter((a) => /could not be saved/.test(a.message))).toHaveLength(1);
    h.actor.send({ type: 'save.download' });
    await h.settle();
    expect(JSON.parse(h.log.downloads.at(-1)!.text).events).toHaveLength(8);
    h.actor.send({ type: 'nav.title' });
    h.actor.send({ type: 'save.resume' });
    await h.settle();
    expect(h.snapshot().context.game!.moves).toHaveLength(8);
    // Space again: the next write holds and the message goes.
    full = false;
    await play(h, 1);
    expect(h.snapshot().context.saveProblem).toBeNull();
    expect(JSON.parse(backend.data.get('current')!).events).toHaveLength(9);
  });
});

describe('a save that cannot be set aside', () => {
  it('(too large to be stored twice) stays where it is after a reload, and the player can download it', async () => {
    const backend = memoryBackend((op, key) => (op === 'set' && key.startsWith('kept:') ? Object.assign(new Error('quota'), { name: 'QuotaExceededError' }) : null));
    const huge = JSON.stringify({ version: 1, junk: 'x'.repeat(2_100_000) });
    backend.data.set('current', huge);
    const h = await boot({ backend });
    expect(text(h)).toMatch(/no copy of it could be made/);
    expect(backend.data.get('current')).toBe(huge);
    h.actor.send({ type: 'save.download' });
    await h.settle();
    expect(h.log.downloads.at(-1)!.text).toBe(huge);
    h.actor.stop();
    const reloaded = await boot({ backend });
    expect(backend.data.get('current')).toBe(huge);
    expect(text(reloaded)).toMatch(/no copy of it could be made/);
  });

  it('two unreadable saves in a row are both kept', async () => {
    const backend = memoryBackend();
    backend.data.set('current', '{"first');
    const a = await boot({ backend });
    a.clock.now += 1000;
    backend.data.set('current', '{"second');
    const b = await boot({ backend });
    const kept = b.snapshot().context.kept;
    expect(kept).toHaveLength(2);
    expect(await Promise.all(kept.map((k) => b.saves.keptText(k.key)))).toEqual(['{"second', '{"first']);
  });
});

describe('notices reach the screen the player lands on, once, and capped', () => {
  const known = { scenarios: real.scenarios.map((s) => s.id), languages: ['en', 'ru'] };

  it('a valid ?scenario= with a bad seed, language and key: the briefing shows all three, until the first move', async () => {
    const params = readUrlParams(`?scenario=${SCENARIO}&seed=abc&lang=xx&colour=red`, known);
    const h = await boot({ start: { scenario: SCENARIO, seed: 9 }, notices: params.notices });
    expect(screen(h)).toBe('briefing');
    const shown = text(h);
    for (const bad of ['abc', 'xx', 'colour']) expect(shown).toContain(bad);
    await play(h, 1);
    expect(text(h)).not.toContain('colour');
  });

  it('the join screen shows the notices of other bad parameters', async () => {
    const params = readUrlParams('?join=ABCD&colour=red&seed=x', known);
    const h = await boot({ start: { join: 'ABCD' }, notices: params.notices });
    expect(screen(h)).toBe('join');
    expect(text(h)).toContain('colour');
    expect(text(h)).toContain('"x"');
  });

  it('200 unknown parameters make one notice that counts them', async () => {
    const search = `?${Array.from({ length: 200 }, (_, i) => `p${i}=1`).join('&')}`;
    const params = readUrlParams(search, known);
    expect(params.notices).toEqual([{ key: 'notice.unknownParams', values: { count: 200, keys: '"p0", "p1", "p2", …' } }]);
    const h = await boot({ notices: params.notices });
    const alerts = page(h).screen.body.filter((n) => n instanceof HTMLElement && n.getAttribute('role') === 'alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.textContent).toMatch(/200 parameters/);
  });

  it('the same notice twice is shown once, and many are capped with a count', async () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ key: 'notice.badSeed', values: { value: String(i) } }));
    const h = await boot({ notices: [...many, many[0]!] });
    const alerts = page(h).screen.body.filter((n) => n instanceof HTMLElement && n.getAttribute('role') === 'alert');
    expect(alerts).toHaveLength(5);
    expect(alerts[4]!.textContent).toMatch(/5 more messages/);
  });

  it('a save replayed onto newer content shows its "older version" notice on the game screen', async () => {
    const { backend, text: saved } = await savedGame(3);
    backend.data.set('current', mutate(saved, (s) => Object.assign(s, { fingerprint: 'older' })));
    const h = await boot({ backend });
    h.actor.send({ type: 'save.resume' });
    await h.settle();
    expect(h.snapshot().context.game!.moves).toHaveLength(3);
    expect(text(h)).toMatch(/came from an older version and was updated/);
  });
});

describe('a new version', () => {
  const offered = (h: Harness) => h.snapshot().matches({ update: 'offered' });

  it('is offered at once on the title; "later" hides it until the title comes back', async () => {
    const h = await boot({}, mini);
    h.actor.send({ type: 'update.ready' });
    expect(offered(h)).toBe(true);
    expect(text(h)).toMatch(/A new version of Safe City is ready/);
    h.actor.send({ type: 'update.later' });
    expect(text(h)).not.toMatch(/new version/);
    h.actor.send({ type: 'nav.map' });
    h.actor.send({ type: 'nav.title' });
    expect(offered(h)).toBe(true);
    h.actor.send({ type: 'update.apply' });
    expect(h.log.updates).toEqual([false]);
  });

  it('during play waits for the next screen, never interrupts a choice, and reloads into the same game', async () => {
    const h = await boot({ start: { scenario: SCENARIO, seed: 4 } });
    await play(h, 2);
    const game = h.snapshot().context.game!;
    const multi = game.compiled.decisions[game.snapshot.context.decisionIndex];
    h.actor.send({ type: 'update.ready' });
    if (multi?.multi) h.actor.send({ type: 'decision.toggle', option: multi.options[0]!.id });
    expect(offered(h)).toBe(false);
    expect(text(h)).not.toMatch(/new version/);
    await play(h, 1);
    expect(offered(h)).toBe(true);
    expect(text(h)).toMatch(/Your game is saved and continues after the reload/);
    h.actor.send({ type: 'update.apply' });
    expect(h.log.updates).toEqual([true]);
  });

  it('after the reload, the page continues the saved game at once', async () => {
    const { backend, at } = await savedGame(5);
    const h = await boot({ backend, start: { resume: true }, notices: [{ key: 'notice.updated', values: { version: '9.9.9' } }] });
    expect(h.snapshot().context.game!.moves).toHaveLength(at.moves);
    expect(text(h)).toMatch(/updated to version 9\.9\.9/);
  });
});

// @vitest-environment happy-dom
// Issue 16, "nothing lost", through the app machine in Node: a join link
// reopened finds the team's game (mid-game or finished) instead of starting
// over; starting again over it asks first; the facilitator's results come
// back after a reload; clearing them asks first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { appHarness, playFirstMoves, type Harness } from '../../tests/support/app-harness.ts';
import { realContent } from '../../tests/support/content.ts';
import { teamCode } from '../../tests/support/team-codes.ts';
import { renderApp } from '../ui/render.ts';
import { encodeSession } from './codes.ts';
import { clearDesk } from './desk.ts';
import { memoryBackend, saveStore, type SaveBackend } from './save-store.ts';

const bundle = realContent();
const ids = bundle.scenarios.map((s) => s.id).sort();
const session = { scenarioIndex: 0, seed: 321, knowledgeCheck: false, timerMinutes: 0 };
const code = encodeSession(session);
let open: Harness[] = [];
afterEach(() => {
  for (const h of open) h.actor.stop();
  open = [];
});

async function boot(backend: SaveBackend, start: NonNullable<Parameters<typeof appHarness>[1]>['start'] = null) {
  const h = await appHarness(bundle, { saves: saveStore(backend), start });
  open.push(h);
  return h;
}

const play = playFirstMoves;

const screen = (h: Harness) => renderApp(h.snapshot(), (e) => h.actor.send(e)).screen.name;

describe('a team’s join link, reopened', () => {
  it('continues the team’s game mid-game and after the ending, and starting again asks first', async () => {
    const backend = memoryBackend();
    const team = await boot(backend, { join: code });
    expect(screen(team)).toBe('join');
    team.actor.send({ type: 'join.start', code, team: 'Team Blue', players: 3 });
    await team.settle();
    await play(team, 6);
    const mid = team.snapshot().context.game!.moves.length;
    team.actor.stop();

    const reloaded = await boot(backend, { join: code });
    expect(reloaded.snapshot().context.game?.moves.length).toBe(mid);
    expect(reloaded.snapshot().context.game?.meta).toMatchObject({ team: 'Team Blue', players: 3 });
    await play(reloaded, 200);
    expect(reloaded.snapshot().context.game!.snapshot.status).toBe('done');
    const done = reloaded.snapshot().context.game!.moves.length;
    reloaded.actor.stop();

    const after = await boot(backend, { join: code });
    expect(after.snapshot().context.game?.snapshot.status).toBe('done');
    expect(after.snapshot().context.game?.moves.length).toBe(done);
    // The join screen, by hand, over the finished game: Start asks before anything is replaced.
    after.actor.send({ type: 'nav.workshop' });
    after.actor.send({ type: 'workshop.join', code });
    after.actor.send({ type: 'join.start', code, team: 'Team Blue' });
    await after.settle();
    expect(after.snapshot().matches({ screen: 'confirmReplace' })).toBe(true);
    after.actor.send({ type: 'save.resume' });
    await after.settle();
    expect(after.snapshot().context.game?.moves.length).toBe(done);
  });

  it('opens the join screen when the saved game belongs to another session', async () => {
    const backend = memoryBackend();
    const other = await boot(backend, { join: encodeSession({ ...session, seed: 322 }) });
    other.actor.send({ type: 'join.start', code: encodeSession({ ...session, seed: 322 }), team: 'Team Red' });
    await other.settle();
    await play(other, 2);
    other.actor.stop();
    expect(screen(await boot(backend, { join: code }))).toBe('join');
  });
});

describe('the facilitator’s results', () => {
  it('come back after a reload, and clearing them asks first', async () => {
    await clearDesk();
    const a = teamCode(bundle, session, ids[0]!, () => 0);
    const b = teamCode(bundle, session, ids[0]!, (s) => s);
    const desk = await boot(memoryBackend());
    desk.actor.send({ type: 'nav.workshop' });
    desk.actor.send({ type: 'workshop.compare' });
    await desk.settle();
    desk.actor.send({ type: 'results.import', codes: `Red: ${a}\nBlue: ${b}\nRed again: ${a}`, files: [] });
    await desk.settle();
    expect(desk.snapshot().context.workshop.results.map((r) => r.team)).toEqual(['Red', 'Blue']);
    desk.actor.stop();

    const reloaded = await boot(memoryBackend());
    reloaded.actor.send({ type: 'nav.workshop' });
    reloaded.actor.send({ type: 'workshop.compare' });
    await reloaded.settle();
    expect(reloaded.snapshot().context.workshop.results.map((r) => r.team)).toEqual(['Red', 'Blue']);
    reloaded.actor.send({ type: 'results.clear' });
    expect(reloaded.snapshot().context.workshop.results).toHaveLength(2);
    reloaded.actor.send({ type: 'results.clear', confirm: false });
    reloaded.actor.send({ type: 'results.clear' });
    reloaded.actor.send({ type: 'results.clear', confirm: true });
    expect(reloaded.snapshot().context.workshop.results).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const cleared = await boot(memoryBackend());
    cleared.actor.send({ type: 'nav.workshop' });
    cleared.actor.send({ type: 'workshop.compare' });
    await cleared.settle();
    expect(cleared.snapshot().context.workshop.results).toEqual([]);
  });
});

// @vitest-environment happy-dom
// Save fuzzing: a real mid-game save of each of the seven scenarios, mutated
// in many seeded ways (nulls, wrong types, out-of-range indexes, unknown
// states, huge values, deleted fields, damaged moves, truncation), then booted
// through the app machine, continued, drawn and played one move. Boot never
// throws, and each save ends one of three ways: continued as saved, continued
// by replaying its moves (with a message), or set aside with a message and a
// copy kept that is the very text that was stored. No save is lost.
import { describe, expect, it } from 'vitest';
import { enabledMoves, phaseOfGame } from '../../src/app/game.ts';
import { memoryBackend, saveStore } from '../../src/app/save-store.ts';
import { renderApp } from '../../src/ui/render.ts';
import { appHarness, type Harness } from '../support/app-harness.ts';
import { realContent } from '../support/content.ts';

const bundle = realContent();
const PER_SCENARIO = 150;

/** Seeded and tiny (mulberry32): the same mutations every run. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}
type Rng = ReturnType<typeof random>;

/** Every path in a JSON value, with the container and key that hold it. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (at.length) out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

function setAt(root: Record<string, unknown>, path: (string | number)[], value: unknown, remove = false) {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
}

const WRONG: readonly unknown[] = [null, 'x', '', -1, 0, 1.5, 1e308, -1e308, 2 ** 53, true, false, [], {}, [null], { a: 1 }, 'deciding', '__proto__'];
const STATES = ['briefing', 'deciding', 'turn', 'awaitingResponse', 'quietTurn', 'betweenTurns', 'ended', 'nowhere', '', 'constructor'];

/** One mutation of a save's text, and what it was. */
function mutate(text: string, rng: Rng): { text: string; kind: string } {
  const save = JSON.parse(text) as Record<string, unknown> & { snapshot: { value: unknown; status: unknown; context: Record<string, unknown> }; events: unknown[] };
  const all = paths(save);
  const inSnapshot = all.filter((p) => p[0] === 'snapshot');
  switch (rng.int(9)) {
    case 0: {
      const path = rng.pick(all);
      setAt(save, path, null);
      return { text: JSON.stringify(save), kind: 'null' };
    }
    case 1: {
      const path = rng.pick(rng.next() < 0.8 ? inSnapshot : all);
      setAt(save, path, rng.pick(WRONG));
      return { text: JSON.stringify(save), kind: 'wrong type' };
    }
    case 2: {
      const field = rng.pick(['decisionIndex', 'turn', 'debtService', 'seed']);
      save.snapshot.context[field] = rng.pick([-1, 99, 1e6, 2 ** 31, 0.5, NaN]);
      return { text: JSON.stringify(save), kind: 'out-of-range index' };
    }
    case 3: {
      save.snapshot.value = rng.pick(STATES);
      if (rng.next() < 0.5) save.snapshot.status = rng.pick(['active', 'done', 'error', 'stopped']);
      return { text: JSON.stringify(save), kind: 'unknown state' };
    }
    case 4: {
      const path = rng.pick(inSnapshot.length ? inSnapshot : all);
      setAt(save, path, rng.next() < 0.5 ? 'x'.repeat(100_000 + rng.int(3_000_000)) : Array.from({ length: 5000 }, (_, i) => i));
      return { text: JSON.stringify(save), kind: 'huge value' };
    }
    case 5: {
      setAt(save, rng.pick(all), undefined, true);
      return { text: JSON.stringify(save), kind: 'deleted field' };
    }
    case 6: {
      const events = save.events;
      const i = rng.int(Math.max(1, events.length));
      const change = rng.int(4);
      if (change === 0) events.splice(i, 1);
      else if (change === 1) events.splice(i, 0, events[i] ?? { type: 'turn.continue' });
      else if (change === 2) events[i] = { type: 'event.respond', response: 'nope' };
      else events.length = Math.floor(events.length / 2);
      if (rng.next() < 0.5) save['fingerprint'] = 'older';
      return { text: JSON.stringify(save), kind: 'damaged moves' };
    }
    case 7: {
      const path = rng.pick(inSnapshot);
      const value = rng.pick([-1, 1e9, 'unknown-id', ['unknown-id'], { kind: 'rule', rule: 'nope' }]);
      setAt(save, path, value);
      save['fingerprint'] = rng.next() < 0.2 ? 'older' : save['fingerprint'];
      return { text: JSON.stringify(save), kind: 'unknown id' };
    }
    default:
      return { text: text.slice(0, rng.int(text.length)), kind: 'truncated' };
  }
}

/** A real save in the middle of a game: briefing read, every decision taken, some years played. */
async function midGame(id: string, seed: number): Promise<string> {
  const backend = memoryBackend();
  const h = await appHarness(bundle, { start: { scenario: id, seed }, saves: saveStore(backend) });
  const rng = random(seed);
  for (let i = 0; i < 60; i++) {
    const game = h.snapshot().context.game!;
    if (game.snapshot.context.turn >= 2 && phaseOfGame(game) !== 'deciding') break;
    const moves = enabledMoves(game);
    h.actor.send({ type: 'game.move', move: moves[rng.int(moves.length)]! });
  }
  await h.settle();
  h.actor.stop();
  return backend.data.get('current')!;
}

type Outcome = 'continued as saved' | 'continued by replay' | 'set aside, copy kept';

/** Boot on the mutated save, continue it if offered, draw, play a move: what became of it. */
async function outcomeOf(text: string): Promise<{ outcome: Outcome; errors: string[] }> {
  const backend = memoryBackend();
  backend.data.set('current', text);
  const errors: string[] = [];
  const h: Harness = await appHarness(bundle, { saves: saveStore(backend) });
  const sub = h.actor.subscribe({ error: (e) => errors.push(String(e)) });
  try {
    const draw = () => renderApp(h.snapshot(), (e) => h.actor.send(e));
    draw();
    const context = h.snapshot().context;
    if (context.kept.length > 0) {
      const kept = await h.saves.keptText(context.kept[0]!.key);
      if (kept !== text) errors.push('the kept copy is not the stored text');
      if (backend.data.has('current')) errors.push('the save was set aside but is still current');
      if (!context.notices.some((n) => n.key === 'notice.saveDiscarded')) errors.push('no message');
      return { outcome: 'set aside, copy kept', errors };
    }
    if (!context.resumable?.scenario) {
      errors.push(`no Continue and no copy (${JSON.stringify(context.resumable)})`);
      return { outcome: 'set aside, copy kept', errors };
    }
    h.actor.send({ type: 'save.resume' });
    await h.settle();
    const game = h.snapshot().context.game;
    if (!game) {
      errors.push(`Continue did nothing (${JSON.stringify(h.snapshot().value)})`);
      return { outcome: 'set aside, copy kept', errors };
    }
    draw();
    const saved = JSON.parse(text);
    const replayed = h.snapshot().context.notices.some((n) => n.key === 'notice.saveRebuilt' || n.key === 'notice.saveMigrated');
    if (replayed && game.moves.length !== saved.events.length) errors.push('replayed, but not every move');
    if (!replayed && JSON.stringify(game.snapshot.context) !== JSON.stringify(saved.snapshot.context)) errors.push('restored, but not as saved');
    if (phaseOfGame(game) !== 'ended') {
      h.actor.send({ type: 'game.move', move: enabledMoves(game)[0]! });
      await h.settle();
      draw();
      if (h.snapshot().context.game!.moves.length !== game.moves.length + 1) errors.push('the next move was not taken');
    }
    if (h.snapshot().status !== 'active') errors.push(`the app stopped: ${h.snapshot().status}`);
    return { outcome: replayed ? 'continued by replay' : 'continued as saved', errors };
  } finally {
    sub.unsubscribe();
    h.actor.stop();
  }
}

describe('save fuzzing', () => {
  it(`boots, continues or keeps ${PER_SCENARIO} mutated saves of each of the seven scenarios, with no uncaught error and no save lost`, async () => {
    expect(bundle.scenarios).toHaveLength(7);
    const tally: Record<string, number> = {};
    const byKind: Record<string, Record<Outcome, number>> = {};
    const failures: string[] = [];
    const uncaught: unknown[] = [];
    const onError = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onError);
    process.on('unhandledRejection', onError);
    try {
      for (const [index, scenario] of bundle.scenarios.entries()) {
        const original = await midGame(scenario.id, 1000 + index);
        const rng = random(index + 1);
        for (let i = 0; i < PER_SCENARIO; i++) {
          const { text, kind } = mutate(original, rng);
          let result: Awaited<ReturnType<typeof outcomeOf>>;
          try {
            result = await outcomeOf(text);
          } catch (error) {
            failures.push(`${scenario.id} #${i} (${kind}): threw ${error instanceof Error ? error.stack : String(error)}`);
            continue;
          }
          tally[result.outcome] = (tally[result.outcome] ?? 0) + 1;
          byKind[kind] ??= { 'continued as saved': 0, 'continued by replay': 0, 'set aside, copy kept': 0 };
          byKind[kind][result.outcome]++;
          for (const e of result.errors) failures.push(`${scenario.id} #${i} (${kind}): ${e}`);
        }
      }
    } finally {
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
    }
    console.log(`save fuzz: ${bundle.scenarios.length * PER_SCENARIO} mutations`, JSON.stringify(tally), JSON.stringify(byKind));
    expect(failures.slice(0, 20)).toEqual([]);
    expect(uncaught).toEqual([]);
    expect(Object.values(tally).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1000);
    // Every way out is exercised.
    expect(Object.keys(tally).sort()).toEqual(['continued as saved', 'continued by replay', 'set aside, copy kept']);
  }, 600_000);
});

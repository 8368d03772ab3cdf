// The app machine in Node, with services that record what they were asked to
// do: what was announced, played, saved, downloaded. For unit tests of the
// page's behaviour without a browser.
import { createActor, waitFor } from 'xstate';
import { appMachine, type AppActor, type AppSnapshot } from '../../src/app/app-machine.ts';
import type { AppInput, AppServices, ContentStore, SoundEffect } from '../../src/app/app-types.ts';
import type { ScenarioSummary } from '../../src/app/catalog.ts';
import { keyValueBackend, saveStore, type SaveStore } from '../../src/app/save-store.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/app/settings.ts';
import { enabledMoves, phaseOfGame } from '../../src/app/game.ts';
import { memoryStore, type KeyValueStore } from '../../src/app/storage.ts';
import type { ContentBundle } from '../../src/engine/index.ts';

export function catalogOf(bundle: ContentBundle): ScenarioSummary[] {
  return bundle.scenarios.map((s) => ({ file: `${s.id}.json`, id: s.id, title: s.title, place: s.place, years: s.years, turns: s.turns, teaser: s.briefing.text }));
}

/** A content store over an already loaded bundle (each load answers with the shared files and the one scenario). */
export function bundleContent(bundle: ContentBundle): ContentStore {
  return {
    load: (id) =>
      Promise.resolve(
        id !== null && !bundle.scenarios.some((s) => s.id === id)
          ? { bundle: null, problems: [{ file: 'scenarios/', path: '$.id', expected: `a scenario (got "${id}")` }] }
          : { bundle: { ...bundle, scenarios: bundle.scenarios.filter((s) => s.id === id) }, problems: [] },
      ),
    loadAll: () => Promise.resolve({ bundle, problems: [] }),
  };
}

export interface Recorded {
  announced: { message: string; politeness: 'polite' | 'assertive' }[];
  played: SoundEffect[];
  writes: number;
  downloads: { name: string; text: string }[];
  applied: Settings[];
  /** Each time the app asked to take a new version, and whether it would continue the game after. */
  updates: boolean[];
}

export interface Harness {
  actor: AppActor;
  store: KeyValueStore;
  saves: SaveStore;
  log: Recorded;
  clock: { now: number };
  /** Wait until the app is no longer loading and every save it asked for has been written and answered. */
  settle(): Promise<AppSnapshot>;
  snapshot(): AppSnapshot;
}

/** A store that counts its writes (the save is one). */
function countingStore(inner: KeyValueStore, log: Recorded): KeyValueStore {
  return {
    get problem() {
      return inner.problem;
    },
    get: (k) => inner.get(k),
    set: (k, v) => {
      log.writes++;
      return inner.set(k, v);
    },
    remove: (k) => inner.remove(k),
    keys: () => inner.keys?.() ?? [],
  };
}

const BUSY = ['booting', 'checkingSave', 'keepingSave', 'route', 'starting', 'replacing', 'loading', 'resuming'];

export async function appHarness(
  bundle: ContentBundle,
  options: { store?: KeyValueStore; saves?: SaveStore; start?: AppInput['start']; settings?: Partial<Settings>; notices?: AppInput['notices']; seed?: number } = {},
): Promise<Harness> {
  const log: Recorded = { announced: [], played: [], writes: 0, downloads: [], applied: [], updates: [] };
  const clock = { now: 1_700_000_000_000 };
  const store = countingStore(options.store ?? memoryStore(), log);
  // Saves go to the same store as the settings (as with localStorage) unless a test brings its own.
  const saves = options.saves ?? saveStore(keyValueBackend(store, 'memory'));
  const services: AppServices = {
    store,
    saves,
    content: bundleContent(bundle),
    announce: (message, politeness = 'polite') => log.announced.push({ message, politeness }),
    play: (effect) => log.played.push(effect),
    applySettings: (s) => log.applied.push(s),
    guide: (lang) => Promise.resolve({ text: '# Guide\n\nText.', lang, requested: lang }),
    randomSeed: (max) => Math.min(max, options.seed ?? 4242),
    now: () => clock.now,
    download: (name, text) => log.downloads.push({ name, text }),
    print: () => {},
    applyUpdate: (resume) => log.updates.push(resume),
  };
  const actor = createActor(appMachine, {
    input: { services, catalog: catalogOf(bundle), settings: { ...DEFAULT_SETTINGS, ...options.settings }, notices: options.notices ?? [], start: options.start ?? null },
  });
  actor.start();
  const busy = (s: AppSnapshot) => BUSY.some((state) => s.matches({ screen: state } as never)) || s.matches({ panel: 'loading' }) || s.matches({ screen: { workshop: { compare: 'importing' } } }) || s.matches({ screen: { workshop: { compare: 'loading' } } });
  const settle = async () => {
    for (let i = 0; i < 100; i++) {
      await waitFor(actor, (s) => !busy(s));
      await saves.idle();
      // The answers to the writes arrive as events: let them in, then look again.
      await new Promise((resolve) => setImmediate(resolve));
      if (!busy(actor.getSnapshot())) break;
    }
    return actor.getSnapshot();
  };
  await settle();
  return { actor, store, saves, log, clock, settle, snapshot: () => actor.getSnapshot() };
}

/** Play `n` moves with the first one offered, waiting for each to settle (and its save). */
export async function playFirstMoves(h: Harness, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const game = h.snapshot().context.game!;
    if (phaseOfGame(game) === 'ended') break;
    h.actor.send({ type: 'game.move', move: enabledMoves(game)[0]! });
    await h.settle();
  }
}

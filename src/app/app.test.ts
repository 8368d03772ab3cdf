// The page's plain-data parts, in Node: URL parameters, settings, storage
// that fails, and saves that are corrupted, old, or made on other content.
import { describe, expect, it } from 'vitest';
import { fixtureContent } from '../../tests/support/content.ts';
import { LANGUAGES, localized, setLanguage, t } from '../text/i18n.ts';
import { readSave } from './restore.ts';
import { fingerprint, SAVE_KEY, SAVE_VERSION } from './saves.ts';
import { appHarness } from '../../tests/support/app-harness.ts';
import { enabledMoves } from './game.ts';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, SETTINGS_KEY } from './settings.ts';
import { memoryStore, webStore } from './storage.ts';
import { readUrlParams } from './url-params.ts';
import { compileScenario } from '../engine/index.ts';

const bundle = fixtureContent();
const known = { scenarios: ['mini'], languages: ['en', 'ru'] };

describe('URL parameters', () => {
  it('reads scenario, seed and language', () => {
    expect(readUrlParams('?scenario=mini&seed=42&lang=ru', known)).toEqual({ scenario: 'mini', seed: 42, lang: 'ru', notices: [] });
  });

  it('turns every unknown or bad value into a notice naming it, and keeps the good ones', () => {
    const r = readUrlParams('?scenario=nope&seed=-3&lang=xx&colour=red&seed2=1', known);
    expect(r.scenario).toBeUndefined();
    expect(r.seed).toBeUndefined();
    expect(r.lang).toBeUndefined();
    expect(r.notices.map((n) => n.key).sort()).toEqual(['notice.badSeed', 'notice.unknownLang', 'notice.unknownParam', 'notice.unknownParam', 'notice.unknownScenario']);
    expect(JSON.stringify(r.notices)).toContain('colour');
    expect(readUrlParams('?seed=4294967296', known).notices[0]).toMatchObject({ key: 'notice.badSeed', values: { value: '4294967296' } });
    expect(readUrlParams('?seed=4294967295', known).seed).toBe(4294967295);
  });
});

describe('storage', () => {
  it('falls back to memory when storage is unavailable, and says why', () => {
    const store = webStore(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(store.problem).toMatch(/insecure/);
    expect(store.set('k', 'v')).toBe(true);
    expect(store.get('k')).toBe('v');
  });

  it('keeps a value in memory when a write hits the quota, and reports it', () => {
    const data = new Map<string, string>();
    let full = false;
    const fake = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => {
        if (full) throw new DOMException('quota', 'QuotaExceededError');
        data.set(k, v);
      },
      removeItem: (k: string) => void data.delete(k),
    } as unknown as Storage;
    const store = webStore(() => fake);
    expect(store.problem).toBeNull();
    full = true;
    expect(store.set('k', 'v')).toBe(false);
    expect(store.get('k')).toBe('v');
    expect(store.problem).toBe('QuotaExceededError');
  });
});

describe('settings', () => {
  it('round-trips, and falls back to defaults with the reason on a broken value', () => {
    const store = memoryStore();
    expect(loadSettings(store)).toEqual({ value: DEFAULT_SETTINGS, problem: null });
    saveSettings(store, { ...DEFAULT_SETTINGS, lang: 'ru', textScale: 2 });
    expect(loadSettings(store).value).toMatchObject({ lang: 'ru', textScale: 2 });
    store.set(SETTINGS_KEY, '{not json');
    expect(loadSettings(store)).toEqual({ value: DEFAULT_SETTINGS, problem: 'not valid JSON' });
    store.set(SETTINGS_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, music: 7 }));
    expect(loadSettings(store).problem).toMatch(/^music: /);
  });
});

describe('save and resume', () => {
  const c = compileScenario(bundle.scenarios[0]!, bundle.shared);

  /** A game started through the app, briefing read and one decision taken. */
  async function playedGame(store = memoryStore()) {
    const app = await appHarness(bundle, { store, start: { scenario: 'mini', seed: 9 } });
    app.actor.send({ type: 'game.move', move: { type: 'briefing.start' } });
    app.actor.send({ type: 'game.move', move: enabledMoves(app.snapshot().context.game!)[0]! });
    await app.settle();
    return { app, store, saves: app.saves };
  }

  it('saves after every accepted step, and restores the same snapshot', async () => {
    const { app, store } = await playedGame();
    const writes = app.log.writes;
    app.actor.send({ type: 'game.move', move: { type: 'turn.continue' } }); // not accepted while deciding: nothing saved
    expect(app.log.writes).toBe(writes);
    const game = app.snapshot().context.game!;
    const restored = readSave(store.get(SAVE_KEY), bundle);
    expect(restored.kind).toBe('restored');
    if (restored.kind !== 'restored') return;
    expect(restored.game.migrated).toBe(false);
    expect((restored.game.persisted as { context: unknown }).context).toEqual(game.snapshot.context);
    expect(restored.game.moves).toEqual(game.moves);
  });

  it('continues a saved game through the app, at the same point', async () => {
    const { app, store } = await playedGame();
    const before = app.snapshot().context.game!.snapshot.context;
    app.actor.stop();
    const again = await appHarness(bundle, { store });
    expect(again.snapshot().context.resumable).toMatchObject({ scenario: 'mini' });
    again.actor.send({ type: 'save.resume' });
    await again.settle();
    expect(again.snapshot().matches({ screen: 'game' })).toBe(true);
    expect(again.snapshot().context.game!.snapshot.context).toEqual(before);
  });

  it('replays the moves when the scenario content changed since the save (migration)', async () => {
    const { app, store } = await playedGame();
    const save = JSON.parse(store.get(SAVE_KEY)!);
    save.fingerprint = 'older';
    save.snapshot = { status: 'active', value: 'nonsense' };
    store.set(SAVE_KEY, JSON.stringify(save));
    const restored = readSave(store.get(SAVE_KEY), bundle);
    expect(restored).toMatchObject({ kind: 'restored', game: { migrated: true } });
    if (restored.kind === 'restored') expect((restored.game.persisted as { context: { choices: unknown } }).context.choices).toEqual(app.snapshot().context.game!.snapshot.context.choices);
  });

  it.each([
    ['invalid JSON', (s: string) => s.slice(0, 20), /not valid JSON/],
    ['a newer version', (s: string) => JSON.stringify({ ...JSON.parse(s), version: SAVE_VERSION + 1 }), /newer version/],
    ['an unknown scenario', (s: string) => JSON.stringify({ ...JSON.parse(s), scenarioId: 'gone' }), /"gone" is no longer/],
    ['a wrong field type', (s: string) => JSON.stringify({ ...JSON.parse(s), seed: 'x' }), /^seed: /],
    ['moves that no longer fit', (s: string) => JSON.stringify({ ...JSON.parse(s), fingerprint: 'x', events: [{ type: 'event.respond', response: 'nope' }] }), /no longer fit/],
    ['an oversized file', (s: string) => s + ' '.repeat(2_000_001), /larger than/],
  ])('discards a save with %s, with the reason, and sets it aside without losing it', async (_label, corrupt, reason) => {
    const { store, saves } = await playedGame();
    const broken = corrupt(store.get(SAVE_KEY)!);
    store.set(SAVE_KEY, broken);
    const restored = readSave(store.get(SAVE_KEY), bundle);
    expect(restored.kind).toBe('discarded');
    if (restored.kind === 'discarded') expect(restored.reason).toMatch(reason);
    expect(await saves.setAside(String(_label), new Date())).toBeNull();
    expect(store.get(SAVE_KEY)).toBeNull();
    const kept = await saves.kept();
    expect(await saves.keptText(kept[0]!.key)).toBe(broken);
  });

  it('fingerprints content: any change to the scenario changes it', () => {
    const changed = structuredClone(bundle.scenarios[0]!);
    changed.turns += 1;
    expect(fingerprint(compileScenario(changed, bundle.shared))).not.toBe(fingerprint(c));
  });
});

describe('interface text', () => {
  it('finds the locale files and translates, falling back to English with a flag for missing scenario text', () => {
    expect(LANGUAGES).toEqual(expect.arrayContaining(['en', 'ru']));
    setLanguage('ru');
    expect(t('title.play')).toBe('Играть');
    expect(localized({ en: 'Hello', ru: 'Привет' })).toEqual({ text: 'Привет', fallback: false });
    expect(localized({ en: 'Hello' })).toEqual({ text: 'Hello', fallback: true });
    setLanguage('en');
    expect(t('title.play')).toBe('Play');
  });

  it('uses each language\'s plural forms for counted things', () => {
    try {
      setLanguage('ru');
      expect([1, 2, 5, 21].map((count) => t('decision.cost', { count }))).toEqual([
        'Стоимость: 1 балл',
        'Стоимость: 2 балла',
        'Стоимость: 5 баллов',
        'Стоимость: 21 балл',
      ]);
      expect(t('decision.years', { count: 25 })).toBe('25 лет');
    } finally {
      setLanguage('en');
    }
    expect([1, 3].map((count) => t('decision.graceYears', { count }))).toEqual(['1 year’s grace', '3 years’ grace']);
    expect(t('workshop.imported', { count: 1 })).toBe('1 result');
    expect(t('workshop.imported', { count: 2 })).toBe('2 results');
  });
});

describe('scenario catalog', () => {
  it('lists every scenario with the same id, title, place, years and turns as its full file', async () => {
    const { CATALOG } = await import('./catalog.ts');
    const { realContent } = await import('../../tests/support/content.ts');
    const full = realContent().scenarios;
    expect(CATALOG.map((c) => c.id).sort()).toEqual(full.map((s) => s.id).sort());
    for (const s of full) {
      const c = CATALOG.find((x) => x.id === s.id)!;
      expect({ title: c.title, place: c.place, years: c.years, turns: c.turns, teaser: c.teaser, file: c.file }).toEqual({
        title: s.title,
        place: s.place,
        years: s.years,
        turns: s.turns,
        teaser: s.briefing.text,
        file: `${s.id}.json`,
      });
    }
  });
});

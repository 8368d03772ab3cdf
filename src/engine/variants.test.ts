// Card variants: one card id, a version for each kind of team. The version is
// the first variant whose condition holds, else the card itself where its own
// condition holds; the game records which version a team met, books the
// ledger to the card (naming the variant), and offers that version's answers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureContent } from '../../tests/support/content.ts';
import { compileScenario, isEventEligible } from './compile.ts';
import { causeKey } from './metrics.ts';
import { turnsEventCanArrive } from './history.ts';
import { runScenario } from './run.ts';
import { EventCard, EventVariant } from './schema.ts';
import { formatProblem, loadContent } from './validate.ts';
import { allVersions, cardVersion, everyResponse, versionFor } from './variants.ts';

const text = (en: string) => ({ en, ru: en });
const variant = EventVariant.parse({
  id: 'domestic',
  when: { chose: 'vendor.domestic' },
  headline: text('The domestic version'),
  memo: text('Memo for teams with the domestic vendor.'),
  effects: [{ metric: 'backlash', delta: 7, sources: ['F002'] }],
  responses: [{ id: 'answer', label: text('Answer'), effects: [{ metric: 'standing', delta: 3 }] }],
});

/** The fixture with its `protest` card (no condition of its own) limited to the cn vendor, and a variant for the domestic one. */
function withVariant() {
  const content = fixtureContent();
  const scenario = structuredClone(content.scenarios[0]!);
  const protest = scenario.events.find((e) => e.id === 'protest')!;
  protest.when = EventCard.parse({ ...protest, when: { chose: 'vendor.cn-free' } }).when;
  protest.variants = [variant];
  protest.weight = 1000;
  return { c: compileScenario(scenario, content.shared), protest };
}

describe('a card with a variant', () => {
  it('gives each team its version: the variant where its condition holds, the card where its own holds, nothing otherwise', () => {
    const { protest } = withVariant();
    const state = (vendor: string) => ({ metrics: { debt: 0, dataExposure: 0, backlash: 0, publicSafety: 50, sovereignty: 50, standing: 50 }, choices: { vendor: [vendor] }, tags: [], flags: [], seen: [], responses: [], turn: 1 });
    expect(versionFor(protest, state('domestic'))?.variant?.id).toBe('domestic');
    expect(versionFor(protest, state('domestic'))?.card.headline.en).toBe('The domestic version');
    expect(versionFor(protest, state('cn-free'))?.card).toBe(protest);
    expect(versionFor(protest, state('neither'))).toBeNull();
    // The merged version keeps the card's id, weight and sources where the variant names none.
    const merged = cardVersion(protest, 'domestic');
    expect([merged.id, merged.weight, merged.sources]).toEqual([protest.id, protest.weight, protest.sources]);
    expect(cardVersion(protest, 'domestic')).toBe(merged);
    expect(allVersions(protest)).toHaveLength(2);
    expect(everyResponse(protest).map((r) => r.id)).toEqual([...protest.responses.map((r) => r.id), 'answer']);
  });

  it('is dealt to both kinds of team in the same turn, each meeting its own version, answering from it and booking it to the card', () => {
    const { c } = withVariant();
    for (const seed of [1, 2, 3, 4, 5]) {
      const cn = runScenario(c, { seed, policy: 'first', choices: { vendor: ['cn-free'] } });
      const home = runScenario(c, { seed, policy: 'first', choices: { vendor: ['domestic'] } });
      const a = cn.cards.find((x) => x.event === 'protest');
      const b = home.cards.find((x) => x.event === 'protest');
      expect(a, `seed ${seed}`).toBeDefined();
      expect(b?.turn, `seed ${seed}`).toBe(a!.turn);
      expect(a!.variant).toBeUndefined();
      expect(b!.variant).toBe('domestic');
      expect(home.responses.find((r) => r.event === 'protest')?.response).toBe('answer');
      expect(cn.responses.find((r) => r.event === 'protest')?.response).not.toBe('answer');
      const lines = home.ledger.filter((l) => l.cause.kind !== 'rule' && l.cause.kind !== 'option' && l.cause.event === 'protest');
      expect(lines.map((l) => [causeKey(l.cause), l.delta, 'variant' in l.cause ? l.cause.variant : null])).toEqual([
        ['event:protest', 7, 'domestic'],
        ['response:protest.answer', 3, 'domestic'],
      ]);
    }
  });

  it('is not eligible once met, whichever version the team met', () => {
    const { c, protest } = withVariant();
    const run = runScenario(c, { seed: 1, policy: 'first', choices: { vendor: ['domestic'] } });
    expect(run.cards.filter((x) => x.event === 'protest')).toHaveLength(1);
    const ctx = { metrics: run.metrics, choices: { vendor: ['domestic'] }, tags: [], flags: [], seen: [] as string[], responses: [], turn: 2 } as unknown as Parameters<typeof isEventEligible>[1];
    expect(isEventEligible(protest, ctx)).toBe(true);
    expect(isEventEligible(protest, { ...ctx, seen: ['protest'] })).toBe(false);
  });
});

const FILES = ['sources.json', 'shared-events.json', 'glossary.json', 'mini.json'].map((name) => ({
  path: `tests/fixtures/mini/${name}`,
  text: readFileSync(new URL(`../../tests/fixtures/mini/${name}`, import.meta.url), 'utf8'),
}));

/** The fixture's problems once the mini scenario's `protest` card has these variants (and the scenario this change). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function problemsWith(variants: unknown[], change: (s: any) => void = () => {}): string[] {
  const files = FILES.map((f) => {
    if (!f.path.endsWith('mini.json')) return f;
    const data = JSON.parse(f.text);
    data.events.find((e: { id: string }) => e.id === 'protest').variants = variants;
    change(data);
    return { ...f, text: JSON.stringify(data) };
  });
  return loadContent(files).problems.map(formatProblem);
}

describe('the validator on variants', () => {
  const good = { id: 'domestic', when: { chose: 'vendor.domestic' }, headline: text('H'), memo: text('M'), responses: [{ id: 'answer', label: text('A') }] };

  it('accepts a well-formed variant, and a condition naming a response only the variant offers', () => {
    expect(problemsWith([good], (s) => (s.endings[0].when = { responded: 'protest.answer' }))).toEqual([]);
  });

  it('reports a missing translation, an unknown fact, an unknown option and a duplicate id inside variants', () => {
    const lines = problemsWith([
      { ...good, memo: { en: 'Only English' }, sources: ['F999'] },
      { ...good, when: { chose: 'vendor.nowhere' } },
    ]);
    expect(lines).toContainEqual(expect.stringMatching(/mini\.json: \$\.events\[\d\]\.variants\[0\]\.memo: a Russian translation/));
    expect(lines).toContainEqual(expect.stringMatching(/mini\.json: \$\.events\[\d\]\.variants\[0\]\.sources\[0\]: .*\(got "F999"\)/));
    expect(lines).toContainEqual(expect.stringMatching(/variants\[1\]\.when.*: an option of decision "vendor" \(got "nowhere"\)/));
    expect(lines).toContainEqual(expect.stringMatching(/\.variants: unique variant ids \("domestic" appears twice\)/));
  });

  it('reports a variant that replaces nothing, and a new headline without a memo', () => {
    expect(problemsWith([{ id: 'empty', when: { turn: { gte: 2 } } }])).toEqual([expect.stringMatching(/variants\[0\]: at least one part/)]);
    expect(problemsWith([{ id: 'half', when: { turn: { gte: 2 } }, headline: text('H') }])).toEqual([expect.stringMatching(/variants\[0\]\.memo: a memo beside a new headline/)]);
  });
});

describe('the historical path and variants', () => {
  it('lets a card arrive through a variant the path meets, and names which answers can arrive', () => {
    const content = fixtureContent();
    const scenario = structuredClone(content.scenarios[0]!);
    const protest = scenario.events.find((e) => e.id === 'protest')!;
    // The real path chose cn-free and published: the card itself is for the domestic vendor, the variant for publishing teams.
    protest.when = EventCard.parse({ ...protest, when: { chose: 'vendor.domestic' } }).when;
    const c0 = compileScenario(scenario, content.shared);
    expect(turnsEventCanArrive(c0, c0.eventById.get('protest')!)).toEqual([]);
    protest.variants = [EventVariant.parse({ ...variant, when: { tag: 'safeguard:transparency' } })];
    const c = compileScenario(scenario, content.shared);
    const card = c.eventById.get('protest')!;
    expect(turnsEventCanArrive(c, card)).toEqual([1, 2, 3]);
    expect(turnsEventCanArrive(c, card, 'answer')).toEqual([1, 2, 3]);
    // A card for everyone: its own answers cannot arrive on the path, since the variant, first, certainly holds there.
    delete protest.when;
    const open = compileScenario(scenario, content.shared);
    expect(turnsEventCanArrive(open, open.eventById.get('protest')!, 'answer')).toEqual([1, 2, 3]);
    expect(turnsEventCanArrive(open, open.eventById.get('protest')!, protest.responses[0]!.id)).toEqual([]);
    // Without the variant the same answer can.
    protest.variants = [];
    const plain = compileScenario(scenario, content.shared);
    expect(turnsEventCanArrive(plain, plain.eventById.get('protest')!, protest.responses[0]!.id)).toEqual([1, 2, 3]);
  });
});

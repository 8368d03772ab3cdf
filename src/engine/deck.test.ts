import { describe, expect, it } from 'vitest';
import { evaluate, type ConditionState } from './conditions.ts';
import { couldArriveAt, drawCard, forEveryoneAt, sessionDeck, turnRanking, type DeckSource } from './deck.ts';
import { Decision, EventCard } from './schema.ts';

const text = { en: 'x', ru: 'x' };
const card = (id: string, weight: number, when?: unknown) =>
  EventCard.parse({ id, headline: text, memo: text, weight, when, responses: [{ id: 'ok', label: text }], sources: ['F001'] });
const vendor = Decision.parse({
  id: 'vendor',
  kind: 'vendor',
  title: text,
  prompt: text,
  options: [
    { id: 'a', label: text, summary: text, tags: ['loan'] },
    { id: 'b', label: text, summary: text },
  ],
});

function state(turn: number, over: Partial<ConditionState> = {}): ConditionState {
  return {
    metrics: { debt: 0, dataExposure: 0, backlash: 0, publicSafety: 50, sovereignty: 50, standing: 50 },
    choices: {},
    tags: [],
    flags: [],
    seen: [],
    responses: [],
    turn,
    ...over,
  };
}

const eligible = (e: EventCard, s: ConditionState) => !(e.once && s.seen.includes(e.id)) && evaluate(e.when, s);

describe('the session deck', () => {
  const events = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => card(id, 1));
  const source: DeckSource = { events, turns: 5, decisions: [vendor] };

  it('ranks the whole deck per turn from the seed and the turn alone', () => {
    const r = turnRanking(events, 42, 3).map((e) => e.id);
    expect([...r].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(turnRanking([...events].reverse(), 42, 3).map((e) => e.id)).toEqual(r);
    const others = [turnRanking(events, 43, 3), turnRanking(events, 42, 4)].map((x) => x.map((e) => e.id).join());
    expect(others).not.toContain(r.join());
  });

  it('keeps the weights: the first of the ranking is drawn in proportion to its weight', () => {
    const deck = [card('heavy', 3), card('light', 1)];
    let heavy = 0;
    for (let seed = 0; seed < 4000; seed++) if (turnRanking(deck, seed, 1)[0]!.id === 'heavy') heavy++;
    expect(heavy / 4000).toBeGreaterThan(0.72);
    expect(heavy / 4000).toBeLessThan(0.78);
  });

  it('gives every team the session card whatever its path, and never the same card twice in a session', () => {
    for (let seed = 0; seed < 50; seed++) {
      const deck = sessionDeck(source, seed);
      const ids = deck.cards.map((e) => e!.id);
      expect(new Set(ids).size).toBe(5);
      // Two teams that met other cards before, in other years, still meet the session's card.
      const one = drawCard(source, seed, state(4, { seen: [] }), eligible);
      const two = drawCard(source, seed, state(4, { seen: ids.filter((x) => x !== ids[3]).slice(0, 2), metrics: { ...state(4).metrics, debt: 900 } }), eligible);
      expect(one).toEqual({ event: deck.cards[3], substitute: false });
      expect(two).toEqual(one);
    }
  });

  it('gives a team the card cannot apply to the next card of the same ranking, the same for every such team', () => {
    // No card here is for everyone: the session leads with one that only some choices admit.
    const narrow = [card('only-loan', 50, { tag: 'loan' }), card('no-loan-1', 1, { not: { tag: 'loan' } }), card('no-loan-2', 1, { not: { tag: 'loan' } })];
    const s: DeckSource = { events: narrow, turns: 1, decisions: [vendor] };
    let substitutes = 0;
    for (let seed = 0; seed < 200; seed++) {
      const session = sessionDeck(s, seed).cards[0]!;
      const withLoan = drawCard(s, seed, state(1, { tags: ['loan'] }), eligible)!;
      const without = drawCard(s, seed, state(1), eligible)!;
      if (session.id !== 'only-loan') continue;
      substitutes++;
      expect(withLoan).toEqual({ event: session, substitute: false });
      const next = turnRanking(narrow, seed, 1).find((e) => e.id !== 'only-loan')!;
      expect(without).toEqual({ event: next, substitute: true });
      // Another team without the loan, with another history, gets the same substitute.
      expect(drawCard(s, seed, state(1, { flags: ['x'], metrics: { ...state(1).metrics, backlash: 80 } }), eligible)).toEqual(without);
    }
    // Weight 50 for half the teams against 1 + 1 for the other half: the loan card leads most sessions.
    expect(substitutes).toBeGreaterThan(180);
  });

  it('knows which cards apply at a turn to everyone, and which could arrive at all', () => {
    const deck = [card('early-narrow', 50, { all: [{ tag: 'loan' }, { turn: { lte: 1 } }] }), card('later', 1, { turn: { gte: 2 } })];
    expect(forEveryoneAt(deck[0]!, 1)).toBe(false);
    expect(forEveryoneAt(deck[1]!, 2)).toBe(true);
    expect(couldArriveAt(deck[1]!, 1)).toBe(false);
    const s: DeckSource = { events: deck, turns: 2, decisions: [vendor], deckLead: 'session' };
    for (let seed = 0; seed < 20; seed++) expect(sessionDeck(s, seed).cards.map((e) => e?.id)).toEqual(['early-narrow', 'later']);
    // A team without the loan has no card in turn 1: a quiet turn.
    expect(drawCard(s, 7, state(1), eligible)).toBeNull();
    expect(drawCard(s, 7, state(1, { tags: ['loan'] }), eligible)).toEqual({ event: deck[0], substitute: false });
  });

  it("in a workshop ('session'), leads more often with the card more teams' choices admit, and gives the teams it missed a card for everyone first", () => {
    const deck = [card('vendor-a', 1, { chose: 'vendor.a' }), card('vendor-a-with-loan', 1, { all: [{ chose: 'vendor.a' }, { tag: 'loan' }] })];
    const s: DeckSource = { events: deck, turns: 1, decisions: [vendor], deckLead: 'session' };
    let wide = 0;
    for (let seed = 0; seed < 3000; seed++) if (sessionDeck(s, seed).cards[0]!.id === 'vendor-a') wide++;
    // Weight times breadth: breadth ½ against ¼ at equal weights, two sessions in three.
    expect(wide / 3000).toBeGreaterThan(0.62);
    expect(wide / 3000).toBeLessThan(0.71);
    // A narrow card heavy enough to lead; then a narrow card and a card for everyone behind it.
    const mixed = [card('only-loan', 50, { tag: 'loan' }), card('no-loan', 5, { not: { tag: 'loan' } }), card('everyone', 1)];
    const w: DeckSource = { events: mixed, turns: 1, decisions: [vendor], deckLead: 'session' };
    const solo: DeckSource = { ...w, deckLead: 'weight' };
    let checked = 0;
    let soloNarrow = 0;
    for (let seed = 0; seed < 300; seed++) {
      if (sessionDeck(w, seed).cards[0]!.id !== 'only-loan') continue;
      checked++;
      // Every team without the loan meets the card for everyone, whatever the ranking puts next.
      expect(drawCard(w, seed, state(1), eligible)).toEqual({ event: mixed[2], substitute: true });
      expect(drawCard(w, seed, state(1, { flags: ['x'] }), eligible)).toEqual({ event: mixed[2], substitute: true });
      if (sessionDeck(solo, seed).cards[0]!.id === 'only-loan' && drawCard(solo, seed, state(1), eligible)!.event.id === 'no-loan') soloNarrow++;
    }
    expect(checked).toBeGreaterThan(50);
    // On one's own ('weight') the next card of the ranking comes instead, mostly the heavier narrow one.
    expect(soloNarrow).toBeGreaterThan(0);
  });
});

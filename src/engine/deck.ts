// One deck per session: which event card a turn brings. Every team of a
// workshop plays with the session's seed, so the card is chosen from a ranking
// derived from the seed and the turn alone — never from the path a team has
// taken — and every team whose choices admit the session's card meets it in
// the same year. A team for which it cannot apply gets the next card of the
// same ranking that applies to it: the same substitute for every team with
// such choices. The differences between teams then come from their decisions,
// not from the draw.
//
// Which card leads a turn of the session (DeckLead):
// - 'weight' (the game's): the first card of the turn's ranking whose turn
//   window admits the turn. Every team then meets the first card of the
//   ranking that applies to it, so each team's odds stay the cards' weights,
//   exactly as when each team drew on its own; teams share a card wherever it
//   applies to both.
// - 'session' (a workshop's): a card drawn by weight times a rough share of
//   the teams it applies to, so a card most teams can meet is likelier to
//   lead; a team it cannot apply to meets first a card for everyone (its
//   condition names only turns), so the teams it missed meet the same
//   substitute. Cards that follow choices still come (what safeguards avert,
//   what one vendor brings); card variants (variants.ts) let most cards reach
//   every team in a version of its own. Measured by npm run deck:report.
//   (Leading with cards for everyone, tried too, shared more but dealt nearly
//   the same few cards in every session, none following choices.)
import { visitCondition, type ConditionState } from './conditions.ts';
import type { Condition, Decision, EventCard } from './schema.ts';

export const DECK_LEADS = ['weight', 'session'] as const;
export type DeckLead = (typeof DECK_LEADS)[number];

/**
 * A workshop's deck: cards most teams can meet lead, and the teams a card
 * missed meet the same substitute, so teams differ more by their decisions
 * and less by the draw (tests/model/session-deck.test.ts). A game on its own
 * keeps 'weight', each card at its weight's odds.
 */
export const WORKSHOP_DECK: DeckLead = 'session';

/** The deck a game plays with: a workshop team's (it has a session code) or a game on its own. */
export function deckLeadFor(meta: { sessionCode?: string } | undefined): DeckLead {
  return meta?.sessionCode ? WORKSHOP_DECK : 'weight';
}

/** The part of a compiled scenario the deck needs (kept narrow so that the deck stays testable on its own). */
export interface DeckSource {
  readonly events: readonly EventCard[];
  readonly turns: number;
  readonly decisions: readonly Decision[];
  /** Which card leads a turn; 'weight' when not given. */
  readonly deckLead?: DeckLead;
}

/** The card a turn brought, as the game records it, and whether it stood in for the session's card of that turn. */
export interface CardRecord {
  turn: number;
  event: string;
  substitute: boolean;
  /** The variant of the card the team met (variants.ts); absent for the card itself. */
  variant?: string;
}

/** What the turn brought: the card, and whether it is a substitute for the session's card of that turn. */
export interface Draw {
  event: EventCard;
  substitute: boolean;
}

/** MurmurHash3's finaliser: a bijection on 32-bit integers that spreads every input bit. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a over the id's UTF-16 units: a card's place depends on its id, not on its position in the file. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A number in (0, 1) from the seed, the turn and the card's id alone. */
export function deckUniform(seed: number, turn: number, id: string): number {
  const h = mix(hashId(id) ^ mix((seed >>> 0) ^ mix(turn + 0x9e3779b9)));
  return (h + 0.5) / 2 ** 32;
}

/**
 * The turn's ranking of the whole deck, best first: a weighted random order
 * (Efraimidis–Spirakis keys u^(1/w), compared as ln(u)/w). The first card of
 * any subset of the ranking is drawn with probability proportional to its
 * weight within that subset, so weights keep their meaning for every team.
 * Ties (equal keys) fall back to the id, so the order is total.
 */
export function turnRanking(events: readonly EventCard[], seed: number, turn: number): EventCard[] {
  const keyed = events.map((event) => ({ event, key: Math.log(deckUniform(seed, turn, event.id)) / event.weight }));
  keyed.sort((a, b) => b.key - a.key || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  return keyed.map((k) => k.event);
}

type Maybe = 'yes' | 'no' | 'maybe';

/** Whether a condition can hold at this turn for some path: only its turn clauses are known in advance. */
function atTurn(condition: Condition | undefined, turn: number): Maybe {
  if (condition === undefined) return 'yes';
  const inRange = (r: { gte?: number; lte?: number; gt?: number; lt?: number }) =>
    (r.gte === undefined || turn >= r.gte) && (r.lte === undefined || turn <= r.lte) && (r.gt === undefined || turn > r.gt) && (r.lt === undefined || turn < r.lt);
  return visitCondition<Maybe>(condition, {
    all: (parts) => parts.reduce<Maybe>((acc, p) => (acc === 'no' ? 'no' : ((v) => (v === 'no' ? 'no' : v === 'maybe' || acc === 'maybe' ? 'maybe' : 'yes'))(atTurn(p, turn))), 'yes'),
    any: (parts) => parts.reduce<Maybe>((acc, p) => (acc === 'yes' ? 'yes' : ((v) => (v === 'yes' ? 'yes' : v === 'maybe' || acc === 'maybe' ? 'maybe' : 'no'))(atTurn(p, turn))), 'no'),
    not: (inner) => ({ yes: 'no', no: 'yes', maybe: 'maybe' } as const)[atTurn(inner, turn)],
    metric: () => 'maybe',
    chose: () => 'maybe',
    tag: () => 'maybe',
    flag: () => 'maybe',
    seen: () => 'maybe',
    responded: () => 'maybe',
    turn: (range) => (inRange(range) ? 'yes' : 'no'),
  });
}

/** The conditions under which some version of the card applies: its own and its variants' (variants.ts). */
function versionWhens(event: EventCard): (Condition | undefined)[] {
  return [event.when, ...event.variants.map((v) => v.when)];
}

/** Whether some path could meet the card at this turn (the turn window of the card or of one of its variants admits it). */
export function couldArriveAt(event: EventCard, turn: number): boolean {
  return versionWhens(event).some((w) => atTurn(w, turn) !== 'no');
}

/** Whether the card applies at this turn whatever the choices and the state: the condition of it or of a variant names only turns. */
export function forEveryoneAt(event: EventCard, turn: number): boolean {
  return versionWhens(event).some((w) => atTurn(w, turn) === 'yes');
}

/** Rough odds that a team's choices carry an option, tag or flag: a single choice 1/n, each option of a multiple choice ½. */
interface ChoiceOdds {
  option: Map<string, number>;
  tag: Map<string, number>;
  flag: Map<string, number>;
}

function choiceOdds(source: DeckSource): ChoiceOdds {
  const odds: ChoiceOdds = { option: new Map(), tag: new Map(), flag: new Map() };
  const add = (map: Map<string, number>, key: string, p: number) => map.set(key, 1 - (1 - (map.get(key) ?? 0)) * (1 - p));
  for (const d of source.decisions) {
    for (const o of d.options) {
      const p = d.multi ? 0.5 : 1 / d.options.length;
      odds.option.set(`${d.id}.${o.id}`, p);
      for (const t of o.tags) add(odds.tag, t, p);
      for (const f of o.flags) add(odds.flag, f, p);
    }
  }
  // A flag a response can raise may come to any team.
  for (const e of source.events) for (const r of e.responses) for (const f of r.flags) add(odds.flag, f, 0.5);
  return odds;
}

/**
 * How broadly a card applies at this turn: roughly the share of teams whose
 * choices admit it (1 for a card that names only turns, 0 outside its turn
 * window). Conditions on measures or on earlier answers count as even odds.
 */
function breadth(condition: Condition | undefined, turn: number, odds: ChoiceOdds): number {
  if (condition === undefined) return 1;
  const of = (c: Condition) => breadth(c, turn, odds);
  return visitCondition<number>(condition, {
    all: (parts) => parts.reduce((p, c) => p * of(c), 1),
    any: (parts) => 1 - parts.reduce((q, c) => q * (1 - of(c)), 1),
    not: (inner) => 1 - of(inner),
    metric: () => 0.5,
    chose: (d, o) => odds.option.get(`${d}.${o}`) ?? 0,
    tag: (t) => odds.tag.get(t) ?? 0,
    flag: (f) => odds.flag.get(f) ?? 0,
    seen: () => 0.5,
    responded: () => 0.5,
    turn: (range) => (atTurn({ kind: 'turn', turn: range }, turn) === 'yes' ? 1 : 0),
  });
}

/** Efraimidis–Spirakis again, with each card's weight times its breadth: the card most teams can meet is the likeliest. */
function broadestDraw(source: DeckSource, seed: number, turn: number, free: (e: EventCard) => boolean): EventCard | undefined {
  const odds = choiceOdds(source);
  let best = -Infinity;
  let card: EventCard | undefined;
  for (const e of source.events) {
    const b = couldArriveAt(e, turn) && free(e) ? 1 - versionWhens(e).reduce((q, w) => q * (1 - breadth(w, turn, odds)), 1) : 0;
    const key = b > 0 ? Math.log(deckUniform(seed, turn, e.id)) / (e.weight * b) : -Infinity;
    if (key > best) [best, card] = [key, e];
  }
  return card;
}

interface SessionDeck {
  seed: number;
  /** Per turn (index turn − 1), the ranking. */
  rankings: EventCard[][];
  /** Per turn, the session's card (none when no card can come that turn); a card the session dealt once is not dealt again. */
  cards: (EventCard | undefined)[];
}

// The last session asked for, per scenario: a game asks at every turn, and a
// test or tool playing many seeds moves on from one seed to the next.
const cache = new WeakMap<DeckSource, SessionDeck>();

/** The session's deck: path-independent, from the seed and the scenario alone. */
export function sessionDeck(source: DeckSource, seed: number): SessionDeck {
  const cached = cache.get(source);
  if (cached?.seed === seed) return cached;
  const rankings: EventCard[][] = [];
  const cards: (EventCard | undefined)[] = [];
  const taken = new Set<string>();
  for (let turn = 1; turn <= source.turns; turn++) {
    const ranking = turnRanking(source.events, seed, turn);
    const free = (e: EventCard) => !(e.once && taken.has(e.id));
    // A workshop's: a weighted draw favouring the cards that most teams' choices admit; alone: the turn's ranking.
    const card = source.deckLead === 'session' ? broadestDraw(source, seed, turn, free) : ranking.find((e) => couldArriveAt(e, turn) && free(e));
    if (card) taken.add(card.id);
    rankings.push(ranking);
    cards.push(card);
  }
  const deck = { seed, rankings, cards };
  cache.set(source, deck);
  return deck;
}

/**
 * The card a team meets at its current turn (`state.turn`, the year's rules
 * already applied), or null for a quiet turn: the session's card when it
 * applies to the team; otherwise the best-ranked card of the same turn that
 * applies. `eligible` says whether a card can arrive for this team now.
 */
export function drawCard<S extends ConditionState>(source: DeckSource, seed: number, state: S, eligible: (event: EventCard, state: S) => boolean): Draw | null {
  const deck = sessionDeck(source, seed);
  const turn = state.turn;
  const ranking = deck.rankings[turn - 1] ?? turnRanking(source.events, seed, turn);
  const own = deck.cards[turn - 1];
  if (own && eligible(own, state)) return { event: own, substitute: false };
  // A substitute is not taken from the session's later turns where another
  // card fits: the team would then miss that turn's card as well.
  const later = new Set(deck.cards.slice(turn).map((e) => e?.id));
  const shared = source.deckLead === 'session' ? ranking.find((e) => !later.has(e.id) && forEveryoneAt(e, turn) && eligible(e, state)) : undefined;
  const event = shared ?? ranking.find((e) => !later.has(e.id) && eligible(e, state)) ?? ranking.find((e) => eligible(e, state));
  return event ? { event, substitute: true } : null;
}

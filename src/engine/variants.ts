// Which version of an event card a team meets. A card may carry variants
// (schema-variants.ts): the first variant whose condition holds for the team
// replaces the parts it names; where none holds, the card itself comes if its
// own condition holds. A card therefore applies to a team when its own
// condition or any variant's holds, and the session's deck (deck.ts) deals the
// card id to every team it applies to, each in its own version.
import { evaluate, type ConditionState } from './conditions.ts';
import type { EventCard, EventVariant } from './schema.ts';

const merged = new WeakMap<EventCard, Map<string, EventCard>>();

/** The card as a team with this variant meets it (the card itself for no variant). Same object for the same version. */
export function cardVersion(event: EventCard, variant: string | undefined): EventCard {
  if (variant === undefined) return event;
  const v = event.variants.find((x) => x.id === variant);
  if (!v) return event;
  let byId = merged.get(event);
  if (!byId) merged.set(event, (byId = new Map()));
  let card = byId.get(variant);
  if (!card) {
    card = {
      ...event,
      headline: v.headline ?? event.headline,
      memo: v.memo ?? event.memo,
      effects: v.effects ?? event.effects,
      responses: v.responses ?? event.responses,
      sources: v.sources ?? event.sources,
      hypothetical: v.hypothetical ?? event.hypothetical,
    };
    byId.set(variant, card);
  }
  return card;
}

/** The version a team in this state would meet, or null when the card does not apply to it (neither a variant's condition nor the card's own holds). */
export function versionFor(event: EventCard, state: ConditionState): { card: EventCard; variant: EventVariant | undefined } | null {
  const variant = event.variants.find((v) => evaluate(v.when, state));
  if (variant) return { card: cardVersion(event, variant.id), variant };
  return evaluate(event.when, state) ? { card: event, variant: undefined } : null;
}

/** Every version of the card, the card itself first: for checks that must hold whichever version a team meets. */
export function allVersions(event: EventCard): EventCard[] {
  return [event, ...event.variants.map((v) => cardVersion(event, v.id))];
}

/** The condition under which a version applies: a variant's own, or the card's own where no variant holds (for reasoning about paths). */
export function versionConditions(event: EventCard): { variant: string | undefined; card: EventCard; when: EventCard['when'] }[] {
  return [...event.variants.map((v) => ({ variant: v.id, card: cardVersion(event, v.id), when: v.when })), { variant: undefined, card: event, when: event.when }];
}

/** The card a team is answering now, in the version it met (the last card of its current turn). */
export function currentCard(c: { eventById: ReadonlyMap<string, EventCard> }, ctx: { currentEvent: string | null; turn: number; cards: readonly { turn: number; event: string; variant?: string }[] }): EventCard | undefined {
  if (ctx.currentEvent === null) return undefined;
  const event = c.eventById.get(ctx.currentEvent);
  if (!event) return undefined;
  const met = ctx.cards.filter((x) => x.event === ctx.currentEvent).pop();
  return cardVersion(event, met?.variant);
}

/** The version of a card met at a turn, from the team's record of cards (for explaining a ledger line or an answer). */
export function versionMet(event: EventCard, cards: readonly { turn: number; event: string; variant?: string }[], turn?: number): EventCard {
  const met = cards.find((x) => x.event === event.id && (turn === undefined || x.turn === turn));
  return cardVersion(event, met?.variant);
}

/** Every response the card can offer, in any version (for references and flags). */
export function everyResponse(event: EventCard | undefined): EventCard['responses'] {
  return event ? allVersions(event).flatMap((v) => v.responses) : [];
}

/** The variant of the card the team met last, as a cause names it (nothing for the card itself). */
export function variantMet(cards: readonly { event: string; variant?: string }[], event: string): { variant?: string } {
  const variant = cards.filter((x) => x.event === event).pop()?.variant;
  return variant ? { variant } : {};
}

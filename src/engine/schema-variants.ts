// Card variants: one event card whose text and effects depend on the team's
// choices (the same documented situation met by teams with different vendors
// or safeguards). Kept apart from schema.ts, which builds the variant schema
// from its own parts through `eventVariant` (a factory, so that the two
// modules do not import each other).
import { z } from 'zod';

const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case id such as "open-ports"');

/** The parts of the card schema a variant may replace. */
export interface VariantParts<C extends z.ZodType, T extends z.ZodType, E extends z.ZodType, R extends z.ZodType, S extends z.ZodType> {
  condition: C;
  text: T;
  effect: E;
  response: R;
  source: S;
}

/**
 * A variant of an event card: `when` says which teams get it (the first
 * variant whose condition holds, else the card itself); every other field,
 * when given, replaces the card's own. The card keeps its id, weight and
 * `once`; a team meets one version of it.
 */
export function eventVariant<C extends z.ZodType, T extends z.ZodType, E extends z.ZodType, R extends z.ZodType, S extends z.ZodType>(p: VariantParts<C, T, E, R, S>) {
  return z
    .object({
      id: kebabId.describe('Unique within the card; recorded with the card a team met.'),
      when: p.condition.describe('The teams that meet this version: the first variant whose condition holds wins; none holds, the card itself (if its own condition holds).'),
      headline: p.text.optional(),
      memo: p.text.optional(),
      effects: z.array(p.effect).optional().describe('Replaces the card\'s effects on arrival.'),
      responses: z.array(p.response).min(1).optional().describe('Replaces the card\'s responses.'),
      sources: z.array(p.source).min(1).optional().describe('Replaces the card\'s sources.'),
      hypothetical: z.boolean().optional(),
    })
    .strict();
}

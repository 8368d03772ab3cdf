// The historical record in a scenario file: each row of the real path,
// documented or a stand-in, the directions the sources document, and the
// later citations an element may make because it looks back.
import { z } from 'zod';
import { kebabId, LocalizedText, SourceRef } from './schema-base.ts';

export const Direction = z
  .object({
    expect: z.enum(['up', 'down', 'flat', 'undocumented']),
    sources: z.array(SourceRef).min(1).describe('The facts that document this direction (or, for "undocumented", the gap).'),
  })
  .strict();

/** A casebook fact id ("F013"): only a fact, not a whole document, can document a row. */
const FactRef = z.string().regex(/^F\d{3}$/, 'a fact id such as "F013"');

/**
 * Whether a row of the historical path is what the record documents or a
 * stand-in the path needs to run. `status` is required on every row.
 */
const documentedRow = {
  status: z.literal('documented'),
  facts: z
    .array(FactRef)
    .min(1, 'at least one fact that documents this row')
    .describe('Facts that document that the government chose this (about this country, cited by the option or response itself).'),
  note: LocalizedText.optional().describe('Optional: what the record adds, e.g. a hedge.'),
};
const standInRow = {
  status: z.literal('stand-in'),
  note: LocalizedText.describe('What the record does not say, and why this is the closest or a neutral stand-in.'),
  facts: z.array(FactRef).default([]).describe('Optional: the facts the note rests on (what the record does say).'),
};

export const HistoricalChoice = z.discriminatedUnion('status', [
  z.object({ options: z.union([kebabId, z.array(kebabId)]), ...documentedRow }).strict(),
  z.object({ options: z.union([kebabId, z.array(kebabId)]), ...standInRow }).strict(),
]);
export type HistoricalChoice = z.infer<typeof HistoricalChoice>;

export const HistoricalResponse = z.discriminatedUnion('status', [
  z.object({ response: kebabId, ...documentedRow }).strict(),
  z.object({ response: kebabId, ...standInRow }).strict(),
]);
export type HistoricalResponse = z.infer<typeof HistoricalResponse>;

/**
 * A citation that is later than the scenario year of the element citing it,
 * allowed because the text says it looks back. One reason per entry.
 */
export const HindsightException = z
  .object({
    path: z.string().regex(/^\$(\.[A-Za-z0-9_-]+|\[\d+\])+$/, 'a JSON path to the element, e.g. "$.events[3]"'),
    sources: z.array(SourceRef).min(1).describe('The later facts or documents the element may cite.'),
    reason: z.string().min(1).describe('Where and how the text says it looks back (for reviewers, English).'),
  })
  .strict();
export type HindsightException = z.infer<typeof HindsightException>;

// The source registry (documents, casebook facts, notes) and the glossary.
import { z } from 'zod';
import { kebabId, LocalizedText, SCHEMA_VERSION, SourceRef } from './schema-base.ts';

/** A calendar date as precise as the source allows: "2020-09-25", "2019-02" or "2024". */
const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date such as "2020-09-25", "2019-02" or "2024"');

export const SourceDocument = z
  .object({
    id: z.string().regex(/^S\d+$/),
    title: z.string().min(1),
    author: z.string().min(1),
    date: z.string().min(1).describe('The date as the document gives it.'),
    url: z.string().url().optional(),
    seedFile: z.string().optional(),
    published: IsoDate.describe('Machine-readable publication date, used to catch anachronistic citations.'),
    publishedEstimate: LocalizedText.optional().describe('Present when the document states no date: how the date was estimated.'),
    kind: LocalizedText.optional().describe('What kind of document it is ("a webinar note", "a news article", …). Required by scenarios:check.'),
    about: LocalizedText.optional().describe('1–3 sentences from the document itself: who wrote it, for whom, its angle. Required by scenarios:check.'),
    outside: LocalizedText.optional().describe('What the project adds from outside the five documents about this one; shown labelled as such.'),
  })
  .strict();
export type SourceDocument = z.infer<typeof SourceDocument>;

export const Fact = z
  .object({
    id: z.string().regex(/^F\d{3}$/),
    source: z.string().regex(/^S\d+$/),
    place: z.string(),
    year: z.string(),
    text: z.string().min(1).describe('The fact in the project\'s own words.'),
    figures: z.string(),
    evidence: z.string().min(1).describe('A short exact quote that locates the fact in the source.'),
    tags: z.array(z.string()),
    known: z
      .object({
        year: z.number().int().describe('The first year this was public: the date of the event, statement or report it rests on, else the source\'s publication.'),
        basis: z.string().min(1).describe('Where that year comes from.'),
        manual: z.boolean().optional().describe('Set by hand from the source\'s own notes; import:casebook keeps it.'),
        standing: z
          .boolean()
          .optional()
          .describe('The fact states a standing condition (a law in force, a membership, a technical property), not a dated finding: the time check does not apply. Set by hand, with the reason in "basis".'),
      })
      .strict(),
  })
  .strict();
export type Fact = z.infer<typeof Fact>;

/** Where the sources disagree, known errors, and context a teacher should give. */
export const SourceNote = z
  .object({
    id: kebabId,
    kind: z.enum(['disagreement', 'error', 'context']),
    title: LocalizedText,
    text: LocalizedText.describe('What the five documents say (with sources).'),
    sources: z.array(SourceRef).default([]),
    outside: LocalizedText.optional().describe('What comes from outside the five documents; shown labelled as such.'),
  })
  .strict();
export type SourceNote = z.infer<typeof SourceNote>;

export const SourceRegistry = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    sources: z.array(SourceDocument).min(1),
    notes: z.array(SourceNote).default([]).describe('The "About the sources" page: disagreements, known errors, context.'),
    facts: z.array(Fact),
  })
  .strict();
export type SourceRegistry = z.infer<typeof SourceRegistry>;

export const GlossaryTerm = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id such as "exim-bank"'),
    term: LocalizedText,
    definition: LocalizedText.describe('One to three sentences in the project\'s own words.'),
    see: z.array(z.string()).default([]).describe('Ids of related glossary terms.'),
    sources: z.array(SourceRef).default([]),
  })
  .strict();
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

export const Glossary = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    terms: z.array(GlossaryTerm).min(1),
  })
  .strict();
export type Glossary = z.infer<typeof Glossary>;

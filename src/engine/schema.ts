// The scenario format. Content lives in scenarios/*.json; this file is the
// single definition of what a valid file is. The JSON Schema in
// scenarios/schema/ is generated from it (npm run schema:generate).
import { z } from 'zod';
import { METRIC_IDS } from './metric-ids.ts';
import { eventVariant } from './schema-variants.ts';
import { DataScope, kebabId, LocalizedText, MetricId, SCHEMA_VERSION, SourceRef, Tag, VENDOR_TAGS } from './schema-base.ts';
import { Condition } from './schema-conditions.ts';
import { HindsightException, HistoricalChoice, HistoricalResponse, Direction } from './schema-history.ts';

export { METRIC_IDS };
export * from './schema-base.ts';
export * from './schema-conditions.ts';
export * from './schema-history.ts';
export * from './schema-sources.ts';


export const Effect = z
  .object({
    metric: MetricId,
    delta: z.number().finite(),
    because: LocalizedText.optional().describe('Why this changes, in a sentence a player reads in the debrief.'),
    sources: z.array(SourceRef).default([]),
    assumptions: z.array(kebabId).default([]).describe('Ids of scenario assumptions this figure rests on.'),
  })
  .strict();
export type Effect = z.infer<typeof Effect>;

export const JURISDICTIONS = ['cn', 'ru', 'us', 'eu', 'domestic'] as const;
const Jurisdiction = z.enum(JURISDICTIONS);

export const VendorProfile = z
  .object({
    name: LocalizedText,
    priceUsdM: z.number().nonnegative().describe('Price of the package to the state, USD millions.'),
    capability: z.number().int().min(1).max(5).describe('1 (basic) to 5 (full smart-city platform).'),
    jurisdiction: z.enum([...JURISDICTIONS, 'mixed']),
    jurisdictions: z
      .array(Jurisdiction)
      .min(1)
      .optional()
      .describe('Only with "jurisdiction": "mixed": the jurisdictions whose rules the model applies, e.g. ["domestic", "cn"] for a domestic operator of Chinese equipment, or ["domestic"] when the foreign parts come from an unnamed mix of makers.'),
    remoteAccess: z.boolean(),
    sanctioned: z.boolean(),
    training: LocalizedText.optional(),
    assumptions: z.array(kebabId).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.jurisdiction === 'mixed' && !v.jurisdictions)
      ctx.addIssue({ code: 'custom', path: ['jurisdictions'], message: 'the jurisdictions a "mixed" vendor combines, e.g. ["domestic", "cn"]' });
    if (v.jurisdiction !== 'mixed' && v.jurisdictions)
      ctx.addIssue({ code: 'custom', path: ['jurisdictions'], message: 'no "jurisdictions" unless "jurisdiction" is "mixed"' });
  });
export type VendorProfile = z.infer<typeof VendorProfile>;

/**
 * The vendor tags an option carries by virtue of its vendor profile. They are
 * derived, never written by hand, so that profile and tags cannot disagree.
 */
export function vendorTags(v: VendorProfile): Tag[] {
  const places = v.jurisdiction === 'mixed' ? (v.jurisdictions ?? []) : [v.jurisdiction];
  const tags: Tag[] = [];
  for (const j of JURISDICTIONS) if (places.includes(j)) tags.push(`jurisdiction:${j}`);
  if (v.remoteAccess) tags.push('remote-access');
  if (v.sanctioned) tags.push('sanctioned');
  return tags;
}

export const LoanTerms = z
  .object({
    share: z.number().min(0).max(1).describe('Share of the vendor package price that is borrowed.'),
    annualRatePct: z.number().min(0).max(30),
    graceYears: z.number().min(0).max(30),
    tenorYears: z.number().positive().max(50),
    assumptions: z.array(kebabId).default([]),
  })
  .strict()
  .refine((l) => l.tenorYears > l.graceYears, 'tenorYears greater than graceYears');
export type LoanTerms = z.infer<typeof LoanTerms>;

const OptionFields = z
  .object({
    id: kebabId,
    label: LocalizedText,
    summary: LocalizedText,
    tags: z.array(Tag).default([]),
    cost: z.number().nonnegative().default(0).describe('Budget points, counted against a multi-select decision budget.'),
    requires: Condition.optional().describe('The option is offered only when this holds.'),
    effects: z.array(Effect).default([]).describe('Applied once, when the decisions are committed.'),
    perTurn: z.array(Effect).default([]).describe('Applied at the start of every turn while this option stands.'),
    flags: z.array(kebabId).default([]),
    vendor: VendorProfile.optional(),
    loan: LoanTerms.optional(),
    sources: z.array(SourceRef).default([]),
    assumptions: z.array(kebabId).default([]).describe('Ids of scenario assumptions behind this option\'s figures.'),
    hypothetical: z.boolean().default(false).describe('True when the option was not on the table in the documented case.'),
  })
  .strict();

/**
 * An option. On an option with a vendor profile the vendor tags
 * (jurisdiction:*, remote-access, sanctioned) are derived from the profile at
 * parse time; writing them by hand is an error, so the two cannot disagree.
 */
export const Option = OptionFields.superRefine((o, ctx) => {
  if (!o.vendor) return;
  o.tags.forEach((t, i) => {
    if ((VENDOR_TAGS as readonly string[]).includes(t))
      ctx.addIssue({
        code: 'custom',
        path: ['tags', i],
        message: `no vendor tag ("${t}") on an option with a vendor profile: vendor tags are derived from the profile (jurisdiction, remoteAccess, sanctioned)`,
      });
  });
}).transform((o) => (o.vendor ? { ...o, tags: [...vendorTags(o.vendor), ...o.tags] } : o));
export type Option = z.infer<typeof Option>;

export const Decision = z
  .object({
    id: kebabId,
    kind: z.enum(['vendor', 'financing', 'safeguards', 'policy']),
    title: LocalizedText,
    prompt: LocalizedText,
    multi: z.boolean().default(false),
    budget: z.number().nonnegative().optional().describe('Multi-select only: the most the chosen options may cost together.'),
    min: z.number().int().nonnegative().default(1),
    max: z.number().int().positive().optional(),
    options: z.array(Option).min(1),
    sources: z.array(SourceRef).default([]),
  })
  .strict();
export type Decision = z.infer<typeof Decision>;

export const Response = z
  .object({
    id: kebabId,
    label: LocalizedText,
    summary: LocalizedText.optional(),
    when: Condition.optional().describe('The response is offered only when this holds.'),
    effects: z.array(Effect).default([]),
    flags: z.array(kebabId).default([]),
    sources: z.array(SourceRef).default([]),
  })
  .strict();
export type Response = z.infer<typeof Response>;

export const EventVariant = eventVariant({ condition: Condition, text: LocalizedText, effect: Effect, response: Response, source: SourceRef });
export type EventVariant = z.infer<typeof EventVariant>;
export const EventCard = z
  .object({
    id: kebabId,
    headline: LocalizedText,
    memo: LocalizedText,
    when: Condition.optional().describe('Eligibility; an event with no condition can always be drawn.'),
    weight: z.number().positive().default(1),
    once: z.boolean().default(true),
    effects: z.array(Effect).default([]).describe('Applied when the event arrives, before the response.'),
    responses: z.array(Response).min(1),
    sources: z.array(SourceRef).min(1, 'at least one source: events rest on the record'),
    hypothetical: z.boolean().default(false).describe('True when this did not happen in this place; it is shown as hypothetical.'),
    variants: z.array(EventVariant).default([]).describe('Versions of the card for other teams (schema-variants.ts); the card applies where its own condition or a variant\'s holds.'),
  })
  .strict();
export type EventCard = z.infer<typeof EventCard>;

export const Ending = z
  .object({
    id: kebabId,
    title: LocalizedText,
    text: LocalizedText,
    tone: z.enum(['good', 'mixed', 'bad']),
    when: Condition.optional().describe('Omit on the last, fallback ending.'),
    early: z.boolean().default(false).describe('Checked after every turn; ends the game at once when it holds.'),
    hypothetical: z.boolean().default(true),
    sources: z.array(SourceRef).default([]),
  })
  .strict();
export type Ending = z.infer<typeof Ending>;

export const Advisor = z
  .object({
    id: kebabId,
    name: LocalizedText.describe('Fictional: advisors are invented characters.'),
    role: z.enum(['security', 'finance', 'digital', 'foreign', 'civil-society']),
    view: LocalizedText,
    line: LocalizedText.optional().describe('The view in one short line (about ten words), shown on the briefing; the full view opens on request. Same facts, same hedges.'),
    sources: z.array(SourceRef).default([]),
  })
  .strict();

export const Assumption = z
  .object({
    id: kebabId,
    text: LocalizedText,
    reasoning: LocalizedText,
  })
  .strict();

export const KnowledgeQuestion = z
  .object({
    id: kebabId,
    question: LocalizedText,
    choices: z
      .array(z.object({ id: kebabId, text: LocalizedText }).strict())
      .min(2)
      .max(5),
    answer: kebabId.describe('The id of the correct choice.'),
    explanation: LocalizedText.describe('Why that answer is right, in the project\'s own words.'),
    sources: z.array(SourceRef).min(1),
  })
  .strict();
export type KnowledgeQuestion = z.infer<typeof KnowledgeQuestion>;

export const Scenario = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: kebabId,
    title: LocalizedText,
    place: z
      .object({
        country: z.enum(['KG', 'KZ', 'UZ', 'TJ', 'TM']),
        city: LocalizedText.optional(),
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
      })
      .strict(),
    years: z.object({ start: z.number().int(), end: z.number().int() }).strict(),
    turns: z.number().int().min(1).max(12),
    lesson: z
      .object({
        turns: z.number().int().min(1).max(12).describe('Turns in the lesson length: the same years, packed into fewer turns (one event each).'),
        preset: z.array(kebabId).default([]).describe('Decisions taken for the player in the lesson length: the documented choice, stated on screen.'),
      })
      .strict()
      .optional()
      .describe('The lesson length: a shorter game on the same model, for a 45-minute class.'),
    dataScope: z.array(DataScope).min(1),
    fiscal: z
      .object({
        serviceCapacityUsdM: z
          .number()
          .positive()
          .describe('Yearly debt service the budget absorbs without strain; above it, backlash rises.'),
        unsustainableDebtUsdM: z.number().positive(),
        assumptions: z.array(kebabId).default([]),
      })
      .strict(),
    briefing: z
      .object({
        text: LocalizedText,
        summary: LocalizedText.optional().describe('The situation in two or three sentences (at most about 50 words), shown first; the full text opens on request. Same facts, same hedges.'),
        sources: z.array(SourceRef).min(1),
      })
      .strict(),
    advisors: z.array(Advisor).min(1),
    assumptions: z.array(Assumption).default([]),
    initialMetrics: z.record(MetricId, z.number().finite()),
    decisions: z.array(Decision).min(1),
    events: z.array(EventCard).default([]),
    excludeSharedEvents: z.array(kebabId).default([]),
    endings: z.array(Ending).min(1),
    historical: z
      .object({
        choices: z
          .record(kebabId, HistoricalChoice)
          .describe('Per decision: the option(s) the historical path takes, and whether the record documents that choice.'),
        responses: z
          .record(kebabId, HistoricalResponse)
          .default({})
          .describe('Per event that can arrive on the historical path: the response it takes, documented or a stand-in.'),
        summary: LocalizedText,
        outcome: LocalizedText,
        directions: z
          .object({ debt: Direction, dataExposure: Direction, backlash: Direction })
          .partial()
          .default({}),
        sources: z.array(SourceRef).min(1),
      })
      .strict(),
    discussion: z.array(LocalizedText).default([]),
    knowledgeCheck: z.array(KnowledgeQuestion).default([]).describe('5–8 questions asked before and after play (classroom and workshop).'),
    hindsight: z
      .array(HindsightException)
      .default([])
      .describe('Elements that may cite something published after their scenario year because their text says it looks back.'),
    sources: z.array(SourceRef).min(1),
  })
  .strict();
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

export const SharedEvents = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    events: z.array(EventCard),
    hindsight: z
      .array(HindsightException)
      .default([])
      .describe('Shared events that may cite something published after the year they arrive in, because their text says it looks back.'),
  })
  .strict();
export type SharedEvents = z.infer<typeof SharedEvents>;

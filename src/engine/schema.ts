// The scenario format. Content lives in scenarios/*.json; this file is the
// single definition of what a valid file is. The JSON Schema in
// scenarios/schema/ is generated from it (npm run schema:generate).
import { z } from 'zod';
import { METRIC_IDS } from './metric-ids.ts';
import { eventVariant } from './schema-variants.ts';

export { METRIC_IDS };

export const SCHEMA_VERSION = 1;

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case id such as "open-ports"');

/** Text shown to players. English is required; Russian is checked by scenarios:check. */
export const LocalizedText = z
  .object({
    en: z.string().min(1, 'non-empty English text'),
    ru: z.string().min(1, 'non-empty Russian text').optional(),
  })
  // More languages (kk, ky, uz, tg, …) are added as more keys: no code change.
  .catchall(z.string().min(1))
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!/^[a-z]{2,3}$/.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: `a language code such as "kk" or "uz" (got "${key}")` });
    }
  })
  .describe('Player-facing text: { "en": "...", "ru": "..." } (and other language codes as they are translated)');
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * A reference to the evidence: a source document ("S4") or a casebook fact
 * ("F010"), both resolved against scenarios/sources.json.
 */
export const SourceRef = z
  .string()
  .regex(/^(S\d+|F\d{3})$/, 'a source id such as "S4" or a fact id such as "F010"');

export const MetricId = z.enum(METRIC_IDS);
export type MetricId = z.infer<typeof MetricId>;

export const FINANCING_TAGS = [
  'loan',
  'commodity-backed',
  'grant',
  'budget',
  'multilateral',
  'revenue-share',
] as const;
export const VENDOR_TAGS = [
  'jurisdiction:cn',
  'jurisdiction:ru',
  'jurisdiction:us',
  'jurisdiction:eu',
  'jurisdiction:domestic',
  'remote-access',
  'sanctioned',
] as const;
export const SAFEGUARD_TAGS = [
  'safeguard:localisation',
  'safeguard:key-custody',
  'safeguard:oversight-office',
  'safeguard:law-enforcement',
  'safeguard:retention-limit',
  'safeguard:transparency',
  'safeguard:open-bidding',
  'safeguard:moratorium',
  'safeguard:civil-society',
] as const;
export const OPTION_TAGS = [...FINANCING_TAGS, ...VENDOR_TAGS, ...SAFEGUARD_TAGS] as const;
export const Tag = z.enum(OPTION_TAGS);
export type Tag = z.infer<typeof Tag>;

/** Kinds of data a scenario's system collects; broader scope raises exposure. */
export const DATA_SCOPES = [
  'video',
  'faces',
  'biometrics',
  'vehicles',
  'students',
  'medical',
  'telecom',
  'state-records',
] as const;
export const DataScope = z.enum(DATA_SCOPES);
export type DataScope = z.infer<typeof DataScope>;

const range = {
  gte: z.number().optional(),
  lte: z.number().optional(),
  gt: z.number().optional(),
  lt: z.number().optional(),
};

/** A condition as written in a content file. */
export type ConditionInput =
  | { all: ConditionInput[] }
  | { any: ConditionInput[] }
  | { not: ConditionInput }
  | ({ metric: MetricId } & NumberRange)
  | { chose: string }
  | { tag: Tag }
  | { flag: string }
  | { seen: string }
  | { responded: string }
  | { turn: NumberRange };

export interface NumberRange {
  gte?: number;
  lte?: number;
  gt?: number;
  lt?: number;
}

/**
 * A parsed condition: the same data with a discriminating `kind`, so that
 * every reader (evaluation, description, explanation, checks) switches on one
 * field and the compiler tells it when a kind is missing (see conditions.ts).
 */
export type Condition =
  | { kind: 'all'; all: Condition[] }
  | { kind: 'any'; any: Condition[] }
  | { kind: 'not'; not: Condition }
  | ({ kind: 'metric'; metric: MetricId } & NumberRange)
  | { kind: 'chose'; chose: string }
  | { kind: 'tag'; tag: Tag }
  | { kind: 'flag'; flag: string }
  | { kind: 'seen'; seen: string }
  | { kind: 'responded'; responded: string }
  | { kind: 'turn'; turn: NumberRange };

export type ConditionKind = Condition['kind'];

function kinded<const K extends ConditionKind, S extends z.ZodType<object>>(kind: K, schema: S) {
  return schema.transform((value) => ({ kind, ...value }));
}

/**
 * Conditions gate events, responses, options and endings. They are plain data
 * so that tools can read them and the debrief can show them.
 */
export const Condition: z.ZodType<Condition, ConditionInput> = z.lazy(() =>
  z.union([
    kinded('all', z.object({ all: z.array(Condition).min(1) }).strict()),
    kinded('any', z.object({ any: z.array(Condition).min(1) }).strict()),
    kinded('not', z.object({ not: Condition }).strict()),
    kinded('metric', z.object({ metric: MetricId, ...range }).strict()),
    kinded(
      'chose',
      z
        .object({
          chose: z
            .string()
            .regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, '"decision-id.option-id"'),
        })
        .strict(),
    ),
    kinded('tag', z.object({ tag: Tag }).strict()),
    kinded('flag', z.object({ flag: kebabId }).strict()),
    kinded('seen', z.object({ seen: kebabId }).strict()),
    kinded(
      'responded',
      z
        .object({
          responded: z
            .string()
            .regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, '"event-id.response-id"'),
        })
        .strict(),
    ),
    kinded('turn', z.object({ turn: z.object(range).strict() }).strict()),
  ]),
) as z.ZodType<Condition, ConditionInput>;

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

const Direction = z
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

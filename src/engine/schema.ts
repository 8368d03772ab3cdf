// The scenario format. Content lives in scenarios/*.json; this file is the
// single definition of what a valid file is. The JSON Schema in
// scenarios/schema/ is generated from it (npm run schema:generate).
import { z } from 'zod';

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

export const METRIC_IDS = [
  'debt',
  'dataExposure',
  'backlash',
  'publicSafety',
  'sovereignty',
  'standing',
] as const;
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

export const VendorProfile = z
  .object({
    name: LocalizedText,
    priceUsdM: z.number().nonnegative().describe('Price of the package to the state, USD millions.'),
    capability: z.number().int().min(1).max(5).describe('1 (basic) to 5 (full smart-city platform).'),
    jurisdiction: z.enum(['cn', 'ru', 'us', 'eu', 'domestic', 'mixed']),
    remoteAccess: z.boolean(),
    sanctioned: z.boolean(),
    training: LocalizedText.optional(),
    assumptions: z.array(kebabId).default([]),
  })
  .strict();

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

export const Option = z
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
        choices: z.record(kebabId, z.union([kebabId, z.array(kebabId)])),
        responses: z.record(kebabId, kebabId).default({}),
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
  })
  .strict();
export type SharedEvents = z.infer<typeof SharedEvents>;

export const SourceDocument = z
  .object({
    id: z.string().regex(/^S\d+$/),
    title: z.string().min(1),
    author: z.string().min(1),
    date: z.string().min(1),
    url: z.string().url().optional(),
    seedFile: z.string().optional(),
  })
  .strict();

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
  })
  .strict();

export const SourceRegistry = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    sources: z.array(SourceDocument).min(1),
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

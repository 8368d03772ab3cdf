// The building blocks every part of the scenario format shares: ids, text in
// the registered languages, source references, measures and option tags.
import { z } from 'zod';
import { METRIC_IDS } from './metric-ids.ts';

export const SCHEMA_VERSION = 1;

export const kebabId = z
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

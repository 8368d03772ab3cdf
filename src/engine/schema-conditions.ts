// When something applies: the condition language of the scenario format,
// parsed into a tagged union (conditions.ts visits it).
import { z } from 'zod';
import { kebabId, MetricId, Tag } from './schema-base.ts';

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

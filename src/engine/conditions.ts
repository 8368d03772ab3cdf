// Conditions: one exhaustive visitor that every reader goes through —
// evaluation here, the cross-reference checks in validate.ts, and the
// descriptions the debrief shows — so that a new kind of condition cannot be
// forgotten by one of them (the switch below stops compiling).
import type { Condition, MetricId, NumberRange, Tag } from './schema.ts';

/** What a condition can look at: a read-only view of the game so far. */
export interface ConditionState {
  readonly metrics: Readonly<Record<MetricId, number>>;
  readonly choices: Readonly<Record<string, readonly string[]>>;
  readonly tags: readonly Tag[];
  readonly flags: readonly string[];
  readonly seen: readonly string[];
  readonly responses: readonly { readonly event: string; readonly response: string }[];
  readonly turn: number;
}

/** One method per kind of condition; ids that name two things come split. */
export interface ConditionVisitor<R> {
  all(parts: readonly Condition[]): R;
  any(parts: readonly Condition[]): R;
  not(inner: Condition): R;
  metric(metric: MetricId, range: NumberRange): R;
  chose(decision: string, option: string): R;
  tag(tag: Tag): R;
  flag(flag: string): R;
  seen(event: string): R;
  responded(event: string, response: string): R;
  turn(range: NumberRange): R;
}

function split(pair: string): [string, string] {
  const dot = pair.indexOf('.');
  return [pair.slice(0, dot), pair.slice(dot + 1)];
}

export function visitCondition<R>(condition: Condition, v: ConditionVisitor<R>): R {
  switch (condition.kind) {
    case 'all':
      return v.all(condition.all);
    case 'any':
      return v.any(condition.any);
    case 'not':
      return v.not(condition.not);
    case 'metric':
      return v.metric(condition.metric, condition);
    case 'chose':
      return v.chose(...split(condition.chose));
    case 'tag':
      return v.tag(condition.tag);
    case 'flag':
      return v.flag(condition.flag);
    case 'seen':
      return v.seen(condition.seen);
    case 'responded':
      return v.responded(...split(condition.responded));
    case 'turn':
      return v.turn(condition.turn);
    default:
      return condition satisfies never;
  }
}

/** Conditions written in code (the model's own rules), with their kind. */
export const when = {
  all: (...all: Condition[]): Condition => ({ kind: 'all', all }),
  any: (...any: Condition[]): Condition => ({ kind: 'any', any }),
  not: (not: Condition): Condition => ({ kind: 'not', not }),
  tag: (tag: Tag): Condition => ({ kind: 'tag', tag }),
};

export function inRange(value: number, r: NumberRange): boolean {
  return (
    (r.gte === undefined || value >= r.gte) &&
    (r.lte === undefined || value <= r.lte) &&
    (r.gt === undefined || value > r.gt) &&
    (r.lt === undefined || value < r.lt)
  );
}

type Test = (state: ConditionState) => boolean;

const compiled = new WeakMap<object, Test>();

/** Turn a condition into a function once; conditions are checked many times per turn. */
const compiler: ConditionVisitor<Test> = {
  all(parts) {
    const tests = parts.map(compileCondition);
    return (state) => tests.every((t) => t(state));
  },
  any(parts) {
    const tests = parts.map(compileCondition);
    return (state) => tests.some((t) => t(state));
  },
  not(inner) {
    const test = compileCondition(inner);
    return (state) => !test(state);
  },
  metric: (metric, range) => (state) => inRange(state.metrics[metric], range),
  chose: (decision, option) => (state) => state.choices[decision]?.includes(option) ?? false,
  tag: (tag) => (state) => state.tags.includes(tag),
  flag: (flag) => (state) => state.flags.includes(flag),
  seen: (event) => (state) => state.seen.includes(event),
  responded: (event, response) => (state) => state.responses.some((r) => r.event === event && r.response === response),
  turn: (range) => (state) => inRange(state.turn, range),
};

function compileCondition(condition: Condition): Test {
  let test = compiled.get(condition);
  if (!test) compiled.set(condition, (test = visitCondition(condition, compiler)));
  return test;
}

export function evaluate(condition: Condition | undefined, state: ConditionState): boolean {
  return condition === undefined || compileCondition(condition)(state);
}

export interface ConditionReference {
  kind: 'chose' | 'responded' | 'seen' | 'flag';
  value: string;
  path: string;
}

/** Every id a condition mentions, with its JSON path, for cross-reference checks. */
export function conditionReferences(condition: Condition | undefined, path: string): ConditionReference[] {
  if (condition === undefined) return [];
  const nested = (key: 'all' | 'any') => (parts: readonly Condition[]) => parts.flatMap((c, i) => conditionReferences(c, `${path}.${key}[${i}]`));
  return visitCondition<ConditionReference[]>(condition, {
    all: nested('all'),
    any: nested('any'),
    not: (inner) => conditionReferences(inner, `${path}.not`),
    metric: () => [],
    chose: (d, o) => [{ kind: 'chose', value: `${d}.${o}`, path: `${path}.chose` }],
    tag: () => [],
    flag: (flag) => [{ kind: 'flag', value: flag, path: `${path}.flag` }],
    seen: (event) => [{ kind: 'seen', value: event, path: `${path}.seen` }],
    responded: (e, r) => [{ kind: 'responded', value: `${e}.${r}`, path: `${path}.responded` }],
    turn: () => [],
  });
}

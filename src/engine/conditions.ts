import type { Condition, MetricId, Tag } from './schema.ts';

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

interface Range {
  gte?: number;
  lte?: number;
  gt?: number;
  lt?: number;
}

function inRange(value: number, r: Range): boolean {
  return (
    (r.gte === undefined || value >= r.gte) &&
    (r.lte === undefined || value <= r.lte) &&
    (r.gt === undefined || value > r.gt) &&
    (r.lt === undefined || value < r.lt)
  );
}

type Test = (state: ConditionState) => boolean;

const compiled = new WeakMap<object, Test>();
const always: Test = () => true;

/** Turn a condition into a function once; conditions are checked many times per turn. */
function compileCondition(condition: Condition): Test {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (state) => parts.every((t) => t(state));
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return (state) => parts.some((t) => t(state));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (state) => !inner(state);
  }
  if ('metric' in condition) {
    const { metric } = condition;
    return (state) => inRange(state.metrics[metric], condition);
  }
  if ('chose' in condition) {
    const [decision, option] = condition.chose.split('.') as [string, string];
    return (state) => state.choices[decision]?.includes(option) ?? false;
  }
  if ('tag' in condition) {
    const { tag } = condition;
    return (state) => state.tags.includes(tag);
  }
  if ('flag' in condition) {
    const { flag } = condition;
    return (state) => state.flags.includes(flag);
  }
  if ('seen' in condition) {
    const { seen } = condition;
    return (state) => state.seen.includes(seen);
  }
  if ('responded' in condition) {
    const [event, response] = condition.responded.split('.') as [string, string];
    return (state) => state.responses.some((r) => r.event === event && r.response === response);
  }
  const range = condition.turn;
  return (state) => inRange(state.turn, range);
}

export function evaluate(condition: Condition | undefined, state: ConditionState): boolean {
  if (condition === undefined) return always(state);
  let test = compiled.get(condition);
  if (!test) compiled.set(condition, (test = compileCondition(condition)));
  return test(state);
}

/** Every id a condition mentions, for cross-reference checks. */
export function* conditionReferences(
  condition: Condition | undefined,
  path: string,
): Generator<{ kind: 'chose' | 'responded' | 'seen' | 'flag'; value: string; path: string }> {
  if (condition === undefined) return;
  if ('all' in condition) {
    for (const [i, c] of condition.all.entries()) yield* conditionReferences(c, `${path}.all[${i}]`);
  } else if ('any' in condition) {
    for (const [i, c] of condition.any.entries()) yield* conditionReferences(c, `${path}.any[${i}]`);
  } else if ('not' in condition) {
    yield* conditionReferences(condition.not, `${path}.not`);
  } else if ('chose' in condition) {
    yield { kind: 'chose', value: condition.chose, path: `${path}.chose` };
  } else if ('responded' in condition) {
    yield { kind: 'responded', value: condition.responded, path: `${path}.responded` };
  } else if ('seen' in condition) {
    yield { kind: 'seen', value: condition.seen, path: `${path}.seen` };
  } else if ('flag' in condition) {
    yield { kind: 'flag', value: condition.flag, path: `${path}.flag` };
  }
}

// Vitest 5 declares Node ^22.12 but this project supports Node >=20.19 (the
// classroom and CI machines run Node 20). Vitest's main process calls three
// ES2024 built-ins that Node 20 lacks; without them a failing test crashes the
// reporter ("Map.groupBy is not a function") instead of printing the failure.
// Imported for its side effects by vitest.config.ts. A no-op on Node 22+.

type GroupBy<R> = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => R;

const MapWithGroupBy = Map as unknown as { groupBy?: GroupBy<Map<unknown, unknown[]>> };
if (typeof MapWithGroupBy.groupBy !== 'function') {
  MapWithGroupBy.groupBy = (items, key) => {
    const groups = new Map<unknown, unknown[]>();
    let index = 0;
    for (const item of items) {
      const k = key(item, index++);
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [item]);
    }
    return groups;
  };
}

const ObjectWithGroupBy = Object as unknown as {
  groupBy?: GroupBy<Partial<Record<PropertyKey, unknown[]>>>;
};
if (typeof ObjectWithGroupBy.groupBy !== 'function') {
  ObjectWithGroupBy.groupBy = (items, key) => {
    const groups: Partial<Record<PropertyKey, unknown[]>> = Object.create(null);
    let index = 0;
    for (const item of items) {
      const k = key(item, index++) as PropertyKey;
      (groups[k] ??= []).push(item);
    }
    return groups;
  };
}

interface Resolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}
const PromiseWithResolvers = Promise as unknown as { withResolvers?: <T>() => Resolvers<T> };
if (typeof PromiseWithResolvers.withResolvers !== 'function') {
  PromiseWithResolvers.withResolvers = <T>(): Resolvers<T> => {
    let resolve!: Resolvers<T>['resolve'];
    let reject!: Resolvers<T>['reject'];
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

export {};

// The player's messages: each said once, and never a wall of them. A notice
// is kept until the player leaves the screen they landed on.
import type { Notice } from './app-types.ts';

/** At most this many notices are shown; the rest are counted in one line. */
export const MAX_NOTICES = 5;

const same = (a: Notice, b: Notice) => a.key === b.key && JSON.stringify(a.values ?? {}) === JSON.stringify(b.values ?? {});

/** The list with each new notice added once. */
export function addNotices(list: readonly Notice[], ...more: readonly Notice[]): readonly Notice[] {
  const out = [...list];
  for (const n of more) if (!out.some((o) => same(o, n))) out.push(n);
  return out;
}

/** What the screen shows: the first notices, then how many more there were. */
export function visibleNotices(list: readonly Notice[]): readonly Notice[] {
  if (list.length <= MAX_NOTICES) return list;
  return [...list.slice(0, MAX_NOTICES - 1), { key: 'notice.more', values: { count: list.length - (MAX_NOTICES - 1) } }];
}

// Seeded randomness with a plain-array state, so that it can live in the
// machine's context and survive a save (XState persisted snapshot).
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

export type RandomState = readonly number[];

/** Seeds are unsigned 32-bit integers: every one gives a different game. */
export const MAX_SEED = 0xffff_ffff;

export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

/**
 * xoroshiro128plus seeded with nearby integers gives nearly the same first
 * outputs (seeds 1–10 all drew the same first event), so the seed is first
 * scrambled with MurmurHash3's finaliser, a bijection on 32-bit integers.
 */
function scramble(seed: number): number {
  let h = seed >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export function seedRandom(seed: number): RandomState {
  return xoroshiro128plus(scramble(seed)).getState();
}

/** An integer in [from, to], and the generator state after drawing it. */
export function nextInt(state: RandomState, from: number, to: number): [number, RandomState] {
  const rng = xoroshiro128plusFromState(state);
  const value = uniformInt(rng, from, to);
  return [value, rng.getState()];
}

const WEIGHT_RESOLUTION = 1_000_000;

/** Index of an item drawn with probability proportional to its weight. */
export function pickWeighted(
  state: RandomState,
  weights: readonly number[],
): [number, RandomState] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const [draw, next] = nextInt(state, 0, WEIGHT_RESOLUTION - 1);
  let target = (draw / WEIGHT_RESOLUTION) * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i]!;
    if (target < 0) return [i, next];
  }
  return [weights.length - 1, next];
}

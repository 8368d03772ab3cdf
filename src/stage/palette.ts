// One palette for canvas and page: paper, ink and the Okabe–Ito colours,
// which stay distinguishable for colour-blind players.
export const PALETTE = {
  paper: 0xf4efe4,
  paperDark: 0xe6dfcf,
  ink: 0x1d1d1b,
  night: 0x14202b,
  nightLight: 0x22364a,
  dusk: 0x3b4a5e,
  blue: 0x0072b2,
  sky: 0x56b4e9,
  orange: 0xe69f00,
  vermillion: 0xd55e00,
  green: 0x009e73,
  yellow: 0xf0e442,
  purple: 0xcc79a7,
  grey: 0x8a8a84,
} as const;

/** A small deterministic generator for layout (not game randomness). */
export function layoutRandom(key: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

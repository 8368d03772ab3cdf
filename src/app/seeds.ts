import { MAX_SEED } from '../engine/index.ts';

/** A fresh seed from the browser's generator; shown on the briefing so a game can be replayed. */
export function randomSeed(): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buffer);
  return buffer[0]! % (MAX_SEED + 1);
}

import { describe, expect, it } from 'vitest';
import { fixtureContent } from '../../tests/support/content.ts';
import { compileScenario } from './compile.ts';
import { runScenario, UsageError } from './run.ts';
import { isValidSeed, MAX_SEED, seedRandom } from './random.ts';

describe('runScenario', () => {
  const content = fixtureContent();

  it('treats a decision named like an Object.prototype key as an ordinary id', () => {
    const scenario = structuredClone(content.scenarios[0]!);
    scenario.decisions[2]!.id = 'constructor';
    scenario.historical.choices = { ...scenario.historical.choices, constructor: { options: ['publish'], status: 'stand-in' as const, note: { en: 'n' }, facts: [] } };
    const c = compileScenario(scenario, content.shared);
    // No fixed choice for it: the policy decides (a plain-object lookup would find Object's constructor).
    expect(runScenario(c, { seed: 3, policy: 'first' }).choices).toHaveProperty('constructor', []);
    expect(runScenario(c, { seed: 3, policy: 'first', choices: { constructor: ['keys'] } }).choices).toHaveProperty('constructor', ['keys']);
    expect(() => runScenario(c, { seed: 3, choices: { constructor: ['nope'] } })).toThrow(UsageError);
  });

  it('accepts exactly the unsigned 32-bit seeds, and each of them starts a different generator', () => {
    expect([0, 1, MAX_SEED].every(isValidSeed)).toBe(true);
    expect([-1, 1.5, MAX_SEED + 1, Number.NaN].some(isValidSeed)).toBe(false);
    expect(seedRandom(MAX_SEED)).not.toEqual(seedRandom(1));
    expect(seedRandom(2 ** 31)).not.toEqual(seedRandom(0));
  });
});

describe('seeding', () => {
  it('gives neighbouring seeds different first draws', async () => {
    const { nextInt } = await import('./random.ts');
    const firsts = new Set(Array.from({ length: 10 }, (_, i) => nextInt(seedRandom(i + 1), 0, 999)[0]));
    expect(firsts.size).toBeGreaterThanOrEqual(8);
  });
});

// A save names the version of a card a team met (variants.ts): the save check
// accepts the variants the card has, and refuses a card record or a ledger
// cause that names one it does not have.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileScenario, enabledEvents, phaseOf, scenarioMachine, type GameEvent } from '../engine/index.ts';
import { realContent } from '../../tests/support/content.ts';
import { snapshotProblem } from './save-check.ts';

const bundle = realContent();
const c = compileScenario(bundle.scenarios.find((s) => s.id === 'huawei-or-vega')!, bundle.shared);

/** A Vega-from-start game played (first answers) until it has met six-months-on in Vega's version and answered it (a ledger line names the variant). */
function vegaSave(): { seed: number; snapshot: Record<string, unknown> & { context: Record<string, unknown> } } {
  for (let seed = 1; seed < 200; seed++) {
    const actor = createActor(scenarioMachine(c), { input: { seed } });
    actor.start();
    actor.send({ type: 'briefing.start' });
    for (const d of c.decisions) {
      const options = d.id === 'vendor' ? ['vega-from-start'] : (enabledEvents(c, 'deciding', actor.getSnapshot().context)[0] as Extract<GameEvent, { type: 'decision.choose' }>).options;
      actor.send({ type: 'decision.choose', decision: d.id, options });
    }
    for (let i = 0; i < 3 && actor.getSnapshot().status === 'active'; i++) {
      const snap = actor.getSnapshot();
      actor.send(enabledEvents(c, phaseOf(snap.value), snap.context)[0]!);
      const ctx = actor.getSnapshot().context;
      if (ctx.cards.some((k) => k.variant === 'vega-from-start') && ctx.ledger.some((l) => 'variant' in l.cause)) {
        return { seed, snapshot: JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) };
      }
    }
  }
  throw new Error('no session gave the Vega team six-months-on with an effect');
}

describe('the save check and card variants', () => {
  const { seed, snapshot } = vegaSave();

  it('accepts a save that names a variant the card has', () => {
    expect(snapshotProblem(c, seed, snapshot)).toBeNull();
  });

  it('refuses a card record or a ledger cause naming a variant the card does not have', () => {
    const cards = snapshot.context['cards'] as { variant?: string }[];
    const i = cards.findIndex((k) => k.variant !== undefined);
    const badCard = structuredClone(snapshot);
    (badCard.context['cards'] as { variant?: string }[])[i]!.variant = 'nowhere';
    expect(snapshotProblem(c, seed, badCard)).toEqual({ path: `snapshot.context.cards.${i}`, detail: expect.stringContaining('no variant') });
    const badCause = structuredClone(snapshot);
    const ledger = badCause.context['ledger'] as { cause: { variant?: string } }[];
    const j = ledger.findIndex((l) => l.cause.variant !== undefined);
    ledger[j]!.cause.variant = 'nowhere';
    expect(snapshotProblem(c, seed, badCause)).toEqual({ path: `snapshot.context.ledger.${j}.cause`, detail: 'names nothing in this scenario' });
  });
});

// One deck per session (issue 16): four teams of one workshop session —
// maximum safeguards, the cheapest loan, no Chinese vendor, the real
// government's path. In every deck two teams meet the same card in every turn
// where the session's card applies to both. The workshop's deck ('session')
// must make the four share at least 80% of the turns they both play, except
// where the content keeps a scenario below: WORKSHOP_FLOORS lists each, with
// the cards that keep it there, and checks it cannot get worse unnoticed. It
// must also keep the variety of a game on its own ('weight'): the cards met
// and the cards met because of one's choices.
import { describe, expect, it } from 'vitest';
import {
  compileScenario,
  deckShare,
  forEveryoneAt,
  WORKSHOP_DECK,
  runScenario,
  scenarioMachine,
  strategyRun,
  workshopStrategies,
  type CompiledScenario,
  type DeckLead,
  type RunResult,
} from '../../src/engine/index.ts';
import { realContent } from '../support/content.ts';

const bundle = realContent();
/** The test session, and a few others. */
const SESSIONS = [4242, 1, 7, 2024];
/** Seeds for the distribution reported at the end. */
const MANY = Number(process.env.DECK_SEEDS ?? 40);
const THRESHOLD = 0.8;


function playSession(c: CompiledScenario, machine: ReturnType<typeof scenarioMachine>, seed: number): { name: string; run: RunResult }[] {
  return workshopStrategies(c).map((s) => ({ name: s.name, run: runScenario(c, strategyRun(s, seed), machine) }));
}

/** The lowest share of common turn cards over every pair of teams. */
function lowestShare(teams: readonly { name: string; run: RunResult }[]): { share: number; pair: string } {
  let lowest = { share: 1, pair: '' };
  for (const [i, a] of teams.entries()) {
    for (const b of teams.slice(i + 1)) {
      const share = deckShare(a.run.cards, b.run.cards, a.run.turns, b.run.turns);
      if (share < lowest.share) lowest = { share, pair: `${a.name} / ${b.name}` };
    }
  }
  return lowest;
}

/**
 * The workshop's deck: the median over the sessions of the lowest share of
 * common turn cards among the four teams must reach 80%, except where the
 * content cannot give every team the same card. Each scenario below is listed
 * with its floor (measured over 200 sessions with npm run deck:report) and the
 * cards that keep it there: cards documented for one vendor, loan or
 * jurisdiction only, with no documented counterpart a variant could use.
 */
const WORKSHOP_FLOORS: Record<string, { median: number; why: string }> = {
  'bishkek-command-centre': { median: 0.6, why: 'open-ports-request (remote access), command-centre-opening (CEIEC only) and xinjiang-backlash miss three of the four teams' },
  'cameras-on-credit': { median: 0.66, why: 'remote-update-channel (remote access) and second-phase-offer (Huawei or the phased start) never reach the domestic integrator; gas-volumes-locked reaches only the gas-backed loan' },
  'faces-in-the-classroom': { median: 0.6, why: 'signing-announced (the ZTE–Huawei signing, year 1) reaches only the real path; activists-crackdown and data-abroad-warning only a Chinese jurisdiction' },
  'huawei-or-vega': { median: 0.4, why: 'trainers-questioned reaches only teams that keep Huawei; vega-cameras-installed and why-the-switch only teams that switch to Vega' },
  'one-data-centre': { median: 0.6, why: 'remote-channel-request, state-access-question and backdoor-reports are about the Huawei proposal only' },
  'smart-capital-sanctioned-hardware': { median: 0.6, why: 'ethnic-detection-reports, sanctions-question (Chinese hardware) and capital-camera-count (Sergek–Dahua) never reach the non-Chinese integrator' },
};

const rows: Record<DeckLead, string[]> = { weight: [], session: [] };

interface Measured {
  shares: number[];
  /** Cards met at all, over every session and team. */
  cards: number;
  /** Cards a team met because of its choices (not a card for everyone at that turn), per game. */
  chosen: number;
}

function distribution(lead: DeckLead, id: string, c: CompiledScenario, machine: ReturnType<typeof scenarioMachine>): Measured {
  const shares: number[] = [];
  const met = new Set<string>();
  let chosen = 0;
  for (let seed = 0; seed < MANY; seed++) {
    const teams = playSession(c, machine, seed);
    shares.push(lowestShare(teams).share);
    for (const t of teams) for (const k of t.run.cards) {
      met.add(k.event);
      if (!forEveryoneAt(c.eventById.get(k.event)!, k.turn)) chosen++;
    }
  }
  shares.sort((a, b) => a - b);
  const meeting = shares.filter((s) => s >= THRESHOLD - 1e-9).length;
  const measured = { shares, cards: met.size, chosen: chosen / (MANY * 4) };
  rows[lead].push(`${id.padEnd(34)} min ${shares[0]!.toFixed(2)}  median ${shares[MANY >> 1]!.toFixed(2)}  ≥80%: ${meeting}/${MANY}  cards met ${measured.cards}, by choice ${measured.chosen.toFixed(2)} a game`);
  return measured;
}

describe.each(bundle.scenarios.map((s) => [s.id, s] as const))('the decks of %s', (id, scenario) => {
  const solo = compileScenario(scenario, bundle.shared);
  const workshop = compileScenario(scenario, bundle.shared, 'full', WORKSHOP_DECK);

  for (const [name, c] of [['on its own', solo], ['a workshop', workshop]] as const) {
    it(`${name}: gives two teams the same card in every turn where the session's card applies to both`, { timeout: 60_000 }, () => {
      const machine = scenarioMachine(c);
      for (const seed of SESSIONS) {
        const teams = playSession(c, machine, seed);
        for (const [i, a] of teams.entries()) {
          for (const b of teams.slice(i + 1)) {
            for (const card of a.run.cards) {
              const other = b.run.cards.find((x) => x.turn === card.turn);
              if (other && !card.substitute && !other.substitute) expect(other.event, `session ${seed}, turn ${card.turn}: ${a.name} / ${b.name}`).toBe(card.event);
            }
          }
        }
        // Teams with the same choices and the same answers play the same game.
        const again = runScenario(c, strategyRun(workshopStrategies(c)[0]!, seed), machine);
        expect(again.cards).toEqual(teams[0]!.run.cards);
      }
    });
  }

  it("a workshop's: the four teams share 80% of their turn cards in the median session (or the scenario's floor), with the variety of a game on its own", { timeout: 240_000 }, () => {
    const alone = distribution('weight', id, solo, scenarioMachine(solo));
    const shared = distribution('session', id, workshop, scenarioMachine(workshop));
    const floor = WORKSHOP_FLOORS[id];
    expect(shared.shares[MANY >> 1], floor ? `${id}: ${floor.why}` : id).toBeGreaterThanOrEqual((floor?.median ?? THRESHOLD) - 1e-9);
    // Every pair of teams shares some card in some session: the deck is one deck.
    expect(shared.shares[MANY - 1]).toBeGreaterThan(0);
    // Sharing more never costs the median session anything against a game on its own.
    expect(shared.shares[MANY >> 1]).toBeGreaterThanOrEqual(alone.shares[MANY >> 1]! - 1e-9);
    // Nearly every card still comes up across sessions, and cards that follow choices still come.
    expect(shared.cards).toBeGreaterThanOrEqual(Math.floor(alone.cards * 0.9));
    expect(shared.chosen).toBeGreaterThanOrEqual(alone.chosen * 0.4);
  });
});

describe('card variants in the session deck', () => {
  const scenario = bundle.scenarios.find((s) => s.id === 'huawei-or-vega')!;
  const c = compileScenario(scenario, bundle.shared, 'full', WORKSHOP_DECK);
  const machine = scenarioMachine(c);

  it("give the team with Vega from the start the Huawei teams' six-months-on, in Vega's version, in the same year", { timeout: 60_000 }, () => {
    for (const seed of [...SESSIONS, ...Array.from({ length: 20 }, (_, i) => i)]) {
      const teams = playSession(c, machine, seed);
      const vega = teams.find((t) => t.name === 'no-chinese-vendor')!.run;
      expect(vega.choices['vendor']).toBe('vega-from-start');
      const mine = vega.cards.find((k) => k.event === 'six-months-on');
      expect(mine?.variant, `session ${seed}`).toBe('vega-from-start');
      for (const other of teams.filter((t) => t.run.choices['vendor'] === 'huawei-agreement')) {
        const theirs = other.run.cards.find((k) => k.event === 'six-months-on');
        expect(theirs?.variant, `session ${seed}: ${other.name}`).toBeUndefined();
        // Where neither met it as a stand-in, they met it in the same year.
        if (!mine!.substitute && !theirs!.substitute) expect(theirs!.turn, `session ${seed}: ${other.name}`).toBe(mine!.turn);
      }
    }
  });
});

describe('the distribution', () => {
  it('is reported', () => {
    for (const lead of ['weight', 'session'] as const) {
      console.log(`Deck led by ${lead}: the lowest share of common turn cards among the four strategies, per session:\n${rows[lead].join('\n')}`);
      expect(rows[lead].length).toBe(bundle.scenarios.length);
    }
  });
});

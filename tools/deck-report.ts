// npm run --silent deck:report -- [--sessions N] [--scenario ID]
// Where a workshop's four teams (maximum safeguards, cheapest loan, no Chinese
// vendor, the real path) part ways: per scenario, the median and lowest share
// of turn cards the least-alike pair met in common over N sessions, and the
// session cards that most often could not apply to a team (which team, how
// often). For content work on card variants.
import { parseArgs } from 'node:util';
import { compileScenario, deckShare, forEveryoneAt, type DeckLead, runScenario, scenarioMachine, strategyRun, workshopStrategies } from '../src/engine/index.ts';
import { loadBundleOrExit } from './content-files.ts';

export async function main(argv = process.argv.slice(2), log: (line: string) => void = console.log): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { sessions: { type: 'string', default: '40' }, scenario: { type: 'string' }, lead: { type: 'string', default: 'session' } } });
  const bundle = loadBundleOrExit();
  const n = Number(values.sessions);
  for (const scenario of bundle.scenarios.filter((s) => !values.scenario || s.id === values.scenario)) {
    const c = compileScenario(scenario, bundle.shared, 'full', values.lead as DeckLead);
    const machine = scenarioMachine(c);
    const shares: number[] = [];
    const missed = new Map<string, number>();
    const distinct = new Set<string>();
    let chosenBy = 0;
    let games = 0;
    for (let seed = 0; seed < n; seed++) {
      const teams = workshopStrategies(c).map((s) => ({ name: s.name, run: runScenario(c, strategyRun(s, seed), machine) }));
      let lowest = 1;
      for (const [i, a] of teams.entries()) for (const b of teams.slice(i + 1)) lowest = Math.min(lowest, deckShare(a.run.cards, b.run.cards, a.run.turns, b.run.turns));
      shares.push(lowest);
      // Variety: the cards met at all, and those a team met because of its choices (not a card for everyone at that turn).
      for (const t of teams) {
        games++;
        for (const k of t.run.cards) {
          distinct.add(k.event);
          if (!forEveryoneAt(c.eventById.get(k.event)!, k.turn)) chosenBy++;
        }
      }
      // The session's card of a turn: the one teams met without a substitute.
      for (let turn = 1; turn <= c.turns; turn++) {
        const session = teams.flatMap((t) => t.run.cards.filter((k) => k.turn === turn && !k.substitute).map((k) => k.event))[0];
        for (const t of teams) {
          const own = t.run.cards.find((k) => k.turn === turn);
          if (own?.substitute) {
            const key = `${session ?? '(no team met the session card)'} → ${t.name}`;
            missed.set(key, (missed.get(key) ?? 0) + 1);
          }
        }
      }
    }
    shares.sort((a, b) => a - b);
    log(`${scenario.id}: median ${shares[n >> 1]!.toFixed(2)}, lowest ${shares[0]!.toFixed(2)}, ≥80% in ${shares.filter((s) => s >= 0.8 - 1e-9).length}/${n}; ${distinct.size} cards met, ${(chosenBy / games).toFixed(2)} choice-dependent cards per game`);
    for (const [key, count] of [...missed.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)) log(`  ${String(count).padStart(3)}  ${key}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

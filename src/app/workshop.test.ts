// Session and result codes, result files and the replay that recomputes a
// team's outcome, on the real scenarios.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { WORKSHOP_DECK, scenarioMachine, enabledEvents, phaseOf, compileScenario, runScenario, type CompiledScenario, type GameEvent } from '../engine/index.ts';
import { realContent } from '../../tests/support/content.ts';
import { CodeError, decodeSession, encodeSession, normaliseCode, type SessionSettings } from './codes.ts';
import { importResultCode, parseResultFile, replayMoves } from './result-replay.ts';
import { movesOfEvents, resultCodeFor, shapeOf } from './results.ts';
import { setLanguage } from '../text/i18n.ts';

const bundle = realContent();
const ids = bundle.scenarios.map((s) => s.id).sort();
const load = () => bundle;

describe('session codes', () => {
  const settings: SessionSettings = { scenarioIndex: 3, seed: 654321, knowledgeCheck: true, timerMinutes: 0 };

  it('round-trip the settings in eight characters plus dashes', () => {
    const code = encodeSession(settings);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(decodeSession(code, ids.length)).toEqual(settings);
    expect(decodeSession(code.toLowerCase().replace('-', ' '), ids.length)).toEqual(settings);
  });

  it('catch every single mistyped character with the check character', () => {
    const code = normaliseCode(encodeSession(settings));
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let caught = 0;
    let tried = 0;
    for (let i = 0; i < code.length; i++) {
      for (const ch of alphabet) {
        if (ch === code[i]) continue;
        tried++;
        const typo = code.slice(0, i) + ch + code.slice(i + 1);
        try {
          decodeSession(typo, ids.length);
        } catch (error) {
          if (error instanceof CodeError) caught++;
        }
      }
    }
    expect(caught).toBe(tried);
  });

  it('read O as 0 and I or L as 1, and reject a scenario the game does not have', () => {
    const code = encodeSession({ ...settings, scenarioIndex: 0 });
    expect(decodeSession(code.replace(/0/g, 'O'), ids.length).scenarioIndex).toBe(0);
    expect(() => decodeSession(encodeSession({ ...settings, scenarioIndex: 9 }), ids.length)).toThrow(/scenario/);
  });

  it("say what is wrong in the player's language", () => {
    const code = normaliseCode(encodeSession(settings));
    const typo = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
    const reason = () => {
      try {
        decodeSession(typo, ids.length);
      } catch (error) {
        return error instanceof CodeError ? `${error.key}: ${error.message}` : String(error);
      }
      return 'accepted';
    };
    try {
      setLanguage('ru');
      expect(reason()).toMatch(/^checkCharacter: контрольный символ не совпадает/);
    } finally {
      setLanguage('en');
    }
    expect(reason()).toMatch(/^checkCharacter: the check character does not match/);
  });
});

/** A game played move by move, keeping the moves the engine took (as the page does). */
function playable(c: CompiledScenario, seed: number) {
  const actor = createActor(scenarioMachine(c), { input: { seed } });
  actor.start();
  const events: GameEvent[] = [];
  return {
    events,
    get snapshot() {
      return actor.getSnapshot();
    },
    enabled: () => enabledEvents(c, phaseOf(actor.getSnapshot().value), actor.getSnapshot().context),
    send(e: GameEvent) {
      const before = actor.getSnapshot();
      actor.send(e);
      if (actor.getSnapshot() !== before) events.push(e);
    },
    stop: () => actor.stop(),
  };
}

describe('result codes', () => {
  for (const scenario of bundle.scenarios) {
    it(`${scenario.id}: a team's code replays to the same ending and measures`, () => {
      const c = compileScenario(scenario, bundle.shared, 'full', WORKSHOP_DECK);
      const session: SessionSettings = { scenarioIndex: ids.indexOf(scenario.id), seed: 4242, knowledgeCheck: false, timerMinutes: 0 };
      for (const policySeed of [1, 2, 3]) {
        const run = runScenario(c, { seed: session.seed, policy: { pick: (events) => events[(policySeed * 7) % events.length]! } });
        // The events the player sent, rebuilt from the run.
        const game = playable(c, session.seed);
        game.send({ type: 'briefing.start' });
        for (const d of c.decisions) game.send({ type: 'decision.choose', decision: d.id, options: run.choices[d.id] === undefined ? [] : ([] as string[]).concat(run.choices[d.id]!) });
        for (const r of run.responses) game.send(game.enabled().find((e) => e.type === 'event.respond' && e.response === r.response) ?? { type: 'turn.continue' });
        while (game.snapshot.status !== 'done') game.send(game.enabled()[0]!);
        const code = resultCodeFor(c, session, game.events);
        expect(code.replace(/-/g, '').length).toBeLessThanOrEqual(20);
        const result = importResultCode(code, 'Team Blue', ids, load);
        expect(result.ending).toBe(game.snapshot.context.ending);
        expect(result.metrics).toEqual(game.snapshot.context.metrics);
        expect(result.seed).toBe(4242);
        game.stop();
      }
    });
  }

  it('refuses moves the game would not allow, so a code cannot claim an outcome', () => {
    const scenario = bundle.scenarios[0]!;
    const c = compileScenario(scenario, bundle.shared, 'full', WORKSHOP_DECK);
    const session: SessionSettings = { scenarioIndex: ids.indexOf(scenario.id), seed: 5, knowledgeCheck: false, timerMinutes: 0 };
    const moves = movesOfEvents(c, 5, []);
    expect(moves).toEqual({ choices: [], responses: [] });
    // All decisions taken, but the turns missing: the scenario does not end.
    const choices = c.decisions.map((d) => (d.multi ? [] : [d.options[d.options.length - 1]!.id]));
    expect(() => replayMoves(c, { session, choices, responses: [] })).toThrow(CodeError);
    // A response that was not offered.
    expect(() => replayMoves(c, { session, choices, responses: [6, 6, 6, 6, 6] })).toThrow(CodeError);
    expect(shapeOf(c).decisions.length).toBe(c.decisions.length);
  });
});

describe('result files', () => {
  it('reject what is not a result file, with the reason', () => {
    expect(() => parseResultFile('{')).toThrow(/not valid JSON/);
    expect(() => parseResultFile(JSON.stringify({ format: 'safe-city-result', version: 1, team: '', code: 'X', scenario: 'a' }))).toThrow(/^team: /);
    expect(() => parseResultFile('x'.repeat(300 * 1024))).toThrow(/larger than/);
    expect(() => parseResultFile(JSON.stringify({ format: 'safe-city-result', version: 1, team: 'A', code: 'X', scenario: 'a', extra: 1 }))).toThrow(/extra/);
    expect(parseResultFile(JSON.stringify({ format: 'safe-city-result', version: 1, team: 'A', code: 'X', scenario: 'a' })).team).toBe('A');
  });
});

// The headless runner: plays a scenario to its end with fixed choices and a
// policy for everything else. Used by the simulate CLI, explore, tests and bench.
import { createActor } from 'xstate';
import {
  choiceProblem,
  scenarioMachine,
  type CompiledScenario,
  type GameContext,
  type GameEvent,
  type GameMachine,
  type ResponseRecord,
} from './compile.ts';
import type { CardRecord } from './deck.ts';
import { causeKey, type LedgerEntry, type Metrics } from './metrics.ts';
import { enabledEvents, phaseOf } from './moves.ts';
import { makePolicy, type Policy, type PolicyName } from './policies.ts';

export class UsageError extends Error {}

export interface RunOptions {
  seed: number;
  choices?: Readonly<Record<string, readonly string[]>>;
  policy?: PolicyName | Policy;
}

export interface RunResult {
  scenario: string;
  seed: number;
  choices: Record<string, string | string[]>;
  responses: ResponseRecord[];
  /** The cards met, turn by turn (quiet turns have none), each marked when it stood in for the session's card. */
  cards: CardRecord[];
  /** Turns played: fewer than the scenario's when an early ending came. */
  turns: number;
  ending: string;
  metrics: Metrics;
  ledger: LedgerEntry[];
}

/** Reject fixed choices that name no decision or option, before anything runs. */
export function checkFixedChoices(c: CompiledScenario, choices: Readonly<Record<string, readonly string[]>>): void {
  for (const [decisionId, optionIds] of Object.entries(choices)) {
    const options = c.options.get(decisionId);
    if (!options) {
      throw new UsageError(
        `unknown decision "${decisionId}" in scenario "${c.scenario.id}"; expected one of: ${c.decisions.map((d) => d.id).join(', ')}`,
      );
    }
    for (const id of optionIds) {
      if (!options.has(id)) {
        throw new UsageError(
          `unknown option "${id}" for decision "${decisionId}"; expected one of: ${[...options.keys()].join(', ')}`,
        );
      }
    }
  }
}

export function resultOf(c: CompiledScenario, ctx: GameContext): RunResult {
  const choices: Record<string, string | string[]> = {};
  for (const d of c.decisions) {
    const picked = ctx.choices[d.id];
    if (picked) choices[d.id] = d.multi ? picked : picked[0]!;
  }
  return {
    scenario: c.scenario.id,
    seed: ctx.seed,
    choices,
    responses: ctx.responses,
    cards: ctx.cards,
    turns: ctx.turn,
    ending: ctx.ending!,
    metrics: ctx.metrics,
    ledger: ctx.ledger,
  };
}

/**
 * A result as the simulate tool prints it: causes as their stable keys
 * (`option:vendor.x`, `rule:y`), and the cards met as `events` (turn, card),
 * to compare with the other teams of a session.
 */
export function printableResult(r: RunResult) {
  const { cards, turns: _turns, ...rest } = r;
  return { ...rest, events: cards.map(({ turn, event }) => ({ turn, event })), ledger: r.ledger.map((e) => ({ ...e, cause: causeKey(e.cause) })) };
}

const MAX_STEPS = 1000;

export function runScenario(c: CompiledScenario, options: RunOptions, machine: GameMachine = scenarioMachine(c)): RunResult {
  const fixed = options.choices ?? {};
  checkFixedChoices(c, fixed);
  const policy =
    typeof options.policy === 'object' ? options.policy : makePolicy(options.policy ?? 'random', c, options.seed);
  const actor = createActor(machine, { input: { seed: options.seed } });
  actor.start();
  for (let step = 0; step < MAX_STEPS; step++) {
    const snapshot = actor.getSnapshot();
    if (snapshot.status === 'done') {
      actor.stop();
      return resultOf(c, snapshot.context);
    }
    const ctx = snapshot.context;
    const phase = phaseOf(snapshot.value);
    let event: GameEvent | undefined;
    const decision = phase === 'deciding' ? c.decisions[ctx.decisionIndex] : undefined;
    if (decision && Object.hasOwn(fixed, decision.id)) {
      const picked = [...fixed[decision.id]!];
      const problem = choiceProblem(c, ctx, decision.id, picked);
      if (problem) throw new UsageError(`--choice ${decision.id}=${picked.join(',')}: ${problem}`);
      event = { type: 'decision.choose', decision: decision.id, options: picked };
    } else {
      const events = enabledEvents(c, phase, ctx);
      if (events.length === 0) throw new Error(`dead end in state "${String(snapshot.value)}" at turn ${ctx.turn}`);
      event = policy.pick(events, ctx);
    }
    actor.send(event);
  }
  throw new Error(`no ending after ${MAX_STEPS} steps`);
}

// What a saved snapshot must be before the game restores it: a zod schema of
// the engine's GameContext (typed against it, so the compiler keeps the two in
// step) and the checks the scenario's machine implies — the state exists, the
// indexes are in range, every id names something in this scenario. It lives
// in app/, not the engine: the engine knows nothing of saves.
import { createActor } from 'xstate';
import { z } from 'zod';
import {
  allVersions,
  cardVersion,
  enabledEvents,
  METRIC_RANGES,
  MetricId,
  RULE_BY_ID,
  scenarioMachine,
  Tag,
  type Cause,
  type CompiledScenario,
  type GameContext,
  type LedgerEntry,
  type CardRecord,
  type LoanState,
  type Metrics,
  type Phase,
  type ResponseRecord,
} from '../engine/index.ts';

const measure = (id: MetricId) => z.number().min(METRIC_RANGES[id][0]).max(METRIC_RANGES[id][1]);
const amount = z.number().min(0).max(1e12);
const count = z.number().int().min(0).max(10_000);
const id = z.string().min(1).max(200);

const MetricsSchema: z.ZodType<Metrics> = z
  .object({
    debt: measure('debt'),
    dataExposure: measure('dataExposure'),
    backlash: measure('backlash'),
    publicSafety: measure('publicSafety'),
    sovereignty: measure('sovereignty'),
    standing: measure('standing'),
  })
  .strict();

const CauseSchema: z.ZodType<Cause> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('option'), decision: id, option: id }).strict(),
  z.object({ kind: z.literal('event'), event: id, variant: id.optional() }).strict(),
  z.object({ kind: z.literal('response'), event: id, response: id, variant: id.optional() }).strict(),
  z.object({ kind: z.literal('rule'), rule: id }).strict(),
]);

const LedgerEntrySchema: z.ZodType<LedgerEntry> = z
  .object({ turn: count, metric: MetricId, delta: z.number().min(-1e12).max(1e12), cause: CauseSchema, sources: z.array(id).max(100) })
  .strict();

const LoanSchema: z.ZodType<LoanState> = z
  .object({ option: id, principal: amount, balance: amount, annualRatePct: z.number().min(0).max(1000), graceYears: count, tenorYears: count, yearsElapsed: count })
  .strict();

const ResponseSchema: z.ZodType<ResponseRecord> = z.object({ turn: count, event: id, response: id }).strict();

const CardSchema: z.ZodType<CardRecord> = z.object({ turn: count, event: id, substitute: z.boolean(), variant: id.optional() }).strict();

export const GameContextSchema: z.ZodType<GameContext> = z
  .object({
    scenarioId: id,
    seed: z.number().int().min(0).max(0xffff_ffff),
    turn: count,
    decisionIndex: count,
    choices: z.record(id, z.array(id).max(100)),
    tags: z.array(Tag),
    flags: z.array(id).max(1000),
    metrics: MetricsSchema,
    loans: z.array(LoanSchema).max(100),
    debtService: amount,
    seen: z.array(id).max(10_000),
    cards: z.array(CardSchema).max(10_000),
    responses: z.array(ResponseSchema).max(10_000),
    currentEvent: id.nullable(),
    ledger: z.array(LedgerEntrySchema).max(100_000),
    ending: id.nullable(),
  })
  .strict();

// Both ways: a field added to GameContext and not here fails to compile.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const contextKeysMatch: SameKeys<z.output<typeof GameContextSchema>, GameContext> = true;
void contextKeysMatch;

/** The states a snapshot can rest in (the others pass through with `always`). */
export const RESTING: readonly Phase[] = ['briefing', 'deciding', 'awaitingResponse', 'quietTurn', 'ended'];

const PersistedSchema = z
  .object({
    status: z.enum(['active', 'done']),
    value: z.enum(RESTING as [Phase, ...Phase[]]),
    historyValue: z.object({}).strict().optional(),
    context: GameContextSchema,
    children: z.object({}).strict(),
    output: z.unknown().optional(),
  })
  .strict();

/** A problem with a saved snapshot: where (a dotted path) and what was expected. */
export interface SnapshotProblem {
  path: string;
  detail: string;
}

function where(path: readonly PropertyKey[]): string {
  return ['snapshot', ...path.map(String)].join('.');
}

/** The position's rules: the state and the indexes agree, and every id names something in this scenario. */
/** The card's versions (variants.ts), none for an unknown card. */
function versionsOf(c: CompiledScenario, event: string) {
  const card = c.eventById.get(event);
  return card ? allVersions(card) : [];
}

/** The card exists and, where a variant is named, has it. */
function knownVariant(c: CompiledScenario, event: string, variant: string | undefined): boolean {
  const card = c.eventById.get(event);
  return !!card && (variant === undefined || card.variants.some((v) => v.id === variant));
}

function positionProblem(c: CompiledScenario, seed: number, status: string, value: Phase, ctx: GameContext): SnapshotProblem | null {
  const at = (field: string, detail: string) => ({ path: `snapshot.context.${field}`, detail });
  const decisions = c.decisions.length;
  const turns = c.turns;
  if (ctx.scenarioId !== c.scenario.id) return at('scenarioId', `expected "${c.scenario.id}"`);
  if (ctx.seed !== seed) return at('seed', `expected the save's seed ${seed}`);
  if (ctx.decisionIndex > decisions) return at('decisionIndex', `expected 0 to ${decisions}, got ${ctx.decisionIndex}`);
  if (ctx.turn > turns) return at('turn', `expected 0 to ${turns}, got ${ctx.turn}`);
  if ((status === 'done') !== (value === 'ended')) return { path: 'snapshot.status', detail: `"${status}" does not fit the state "${value}"` };
  if (value === 'briefing' && (ctx.decisionIndex !== 0 || ctx.turn !== 0)) return at('decisionIndex', 'expected 0 at the briefing');
  if (value === 'deciding' && (ctx.decisionIndex >= decisions || ctx.turn !== 0)) return at('decisionIndex', `expected 0 to ${decisions - 1} while deciding, got ${ctx.decisionIndex}`);
  if ((value === 'awaitingResponse' || value === 'quietTurn') && (ctx.decisionIndex !== decisions || ctx.turn < 1)) return at('turn', `expected a turn of 1 to ${turns} after every decision`);
  if ((value === 'awaitingResponse') !== (ctx.currentEvent !== null) && value !== 'ended') return at('currentEvent', `does not fit the state "${value}"`);
  if (ctx.currentEvent !== null && !c.eventById.has(ctx.currentEvent)) return at('currentEvent', `"${ctx.currentEvent}" is not an event of this scenario`);
  if ((value === 'ended') !== (ctx.ending !== null)) return at('ending', `does not fit the state "${value}"`);
  if (ctx.ending !== null && !c.scenario.endings.some((e) => e.id === ctx.ending)) return at('ending', `"${ctx.ending}" is not an ending of this scenario`);
  const chosen = Object.keys(ctx.choices);
  const made = c.decisions.slice(0, ctx.decisionIndex).map((d) => d.id);
  if (chosen.length !== made.length || made.some((d) => !chosen.includes(d))) return at('choices', `expected the decisions ${made.join(', ') || '(none)'}`);
  for (const [decision, options] of Object.entries(ctx.choices)) {
    const known = c.options.get(decision)!;
    const bad = options.find((o) => !known.has(o));
    if (bad !== undefined) return at(`choices.${decision}`, `"${bad}" is not an option of this decision`);
  }
  const badCard = ctx.cards.findIndex((x) => !knownVariant(c, x.event, x.variant));
  if (badCard >= 0) return at(`cards.${badCard}`, 'names no card (or no variant of it) of this scenario');
  const badSeen = ctx.seen.find((e) => !c.eventById.has(e));
  if (badSeen !== undefined) return at('seen', `"${badSeen}" is not an event of this scenario`);
  for (const [i, r] of ctx.responses.entries()) {
    if (!versionsOf(c, r.event).some((v) => v.responses.some((x) => x.id === r.response))) return at(`responses.${i}`, `"${r.event}.${r.response}" is not a response of this scenario`);
  }
  for (const [i, e] of ctx.ledger.entries()) {
    if (e.turn > turns) return at(`ledger.${i}.turn`, `expected 0 to ${turns}`);
    const cause = e.cause;
    const known =
      cause.kind === 'rule' ? RULE_BY_ID.has(cause.rule)
      : cause.kind === 'option' ? !!c.options.get(cause.decision)?.has(cause.option)
      : cause.kind === 'event' ? c.eventById.has(cause.event) && knownVariant(c, cause.event, cause.variant)
      : knownVariant(c, cause.event, cause.variant) && !!cardVersion(c.eventById.get(cause.event)!, cause.variant).responses.some((r) => r.id === cause.response);
    if (!known) return at(`ledger.${i}.cause`, 'names nothing in this scenario');
  }
  return null;
}

/**
 * Why this persisted snapshot cannot be restored as a game of this scenario
 * and seed, or null when it can. Never throws.
 */
export function snapshotProblem(c: CompiledScenario, seed: number, snapshot: unknown): SnapshotProblem | null {
  const parsed = PersistedSchema.safeParse(snapshot);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { path: where(issue.path), detail: issue.message };
  }
  const s = parsed.data;
  const problem = positionProblem(c, seed, s.status, s.value, s.context);
  if (problem) return problem;
  // Last, the engine itself: it must take the snapshot and answer what moves it allows.
  try {
    const actor = createActor(scenarioMachine(c), { snapshot: snapshot as never, input: { seed } });
    const restored = actor.getSnapshot();
    if (restored.status === 'error') return { path: 'snapshot', detail: 'the engine could not restore it' };
    if (restored.status === 'active') enabledEvents(c, restored.value as Phase, restored.context);
  } catch (error) {
    return { path: 'snapshot', detail: `the engine could not restore it (${error instanceof Error ? error.message : String(error)})` };
  }
  return null;
}

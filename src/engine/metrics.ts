// The measures, their ranges, and the one function through which every change
// passes, so that the cause ledger always adds up to the final values.
import { METRIC_IDS } from './metric-ids.ts';
import type { MetricId } from './schema.ts';

export type Metrics = Record<MetricId, number>;

/** What moved a measure: a choice, an event, a response to it, or one of the model's own rules. */
export type Cause =
  | { kind: 'option'; decision: string; option: string }
  | { kind: 'event'; event: string; variant?: string }
  | { kind: 'response'; event: string; response: string; variant?: string }
  | { kind: 'rule'; rule: string };

/** A stable text key for a cause (`option:vendor.ceiec`, `rule:opacity-drift`): for totals, golden files and tests, never parsed back. */
export function causeKey(cause: Cause): string {
  switch (cause.kind) {
    case 'option':
      return `option:${cause.decision}.${cause.option}`;
    case 'event':
      return `event:${cause.event}`;
    case 'response':
      return `response:${cause.event}.${cause.response}`;
    case 'rule':
      return `rule:${cause.rule}`;
    default:
      return cause satisfies never;
  }
}

export interface LedgerEntry {
  turn: number;
  metric: MetricId;
  delta: number;
  cause: Cause;
  sources: string[];
}

/** Debt is open-ended; a ceiling keeps every value finite whatever content does. */
export const METRIC_RANGES: Record<MetricId, readonly [number, number]> = {
  debt: [0, 1_000_000],
  dataExposure: [0, 100],
  backlash: [0, 100],
  publicSafety: [0, 100],
  sovereignty: [0, 100],
  standing: [0, 100],
};

export const DEFAULT_METRICS: Metrics = {
  debt: 0,
  dataExposure: 10,
  backlash: 10,
  publicSafety: 50,
  sovereignty: 60,
  standing: 50,
};

export function initialMetrics(declared: Partial<Record<MetricId, number>>): Metrics {
  const metrics = { ...DEFAULT_METRICS };
  for (const id of METRIC_IDS) {
    const value = declared[id];
    if (value !== undefined) metrics[id] = clampMetric(id, value);
  }
  return metrics;
}

/** Two decimals: enough for USD millions, and keeps output byte-stable. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function clampMetric(metric: MetricId, value: number): number {
  const [min, max] = METRIC_RANGES[metric];
  if (!Number.isFinite(value)) return value > 0 ? max : min;
  return round2(Math.min(max, Math.max(min, value)));
}

/** The mutable part of a context that recordChange writes to. */
export interface LedgerDraft {
  turn: number;
  metrics: Metrics;
  ledger: LedgerEntry[];
}

/**
 * Apply a change and record its cause. The ledger stores the delta actually
 * applied after clamping, so the ledger always sums to the final values.
 */
export function recordChange(
  draft: LedgerDraft,
  metric: MetricId,
  delta: number,
  cause: Cause,
  sources: readonly string[],
): void {
  const before = draft.metrics[metric];
  const after = clampMetric(metric, before + delta);
  const applied = round2(after - before);
  if (applied === 0) return;
  draft.metrics[metric] = after;
  draft.ledger.push({ turn: draft.turn, metric, delta: applied, cause, sources: [...sources] });
}

export interface CauseTotal {
  metric: MetricId;
  cause: Cause;
  delta: number;
  /** Turns in which this cause moved this metric, in order. */
  turns: number[];
  sources: string[];
}

/**
 * The ledger summed by metric and cause, largest effect first: the debrief's
 * "why" list, where a rule that acted every year appears once with its total.
 */
export function totalsByCause(ledger: readonly LedgerEntry[]): CauseTotal[] {
  const totals = new Map<string, CauseTotal>();
  for (const e of ledger) {
    const key = `${e.metric} ${causeKey(e.cause)}`;
    let total = totals.get(key);
    if (!total) {
      total = { metric: e.metric, cause: e.cause, delta: 0, turns: [], sources: [] };
      totals.set(key, total);
    }
    total.delta = round2(total.delta + e.delta);
    total.turns.push(e.turn);
    for (const s of e.sources) if (!total.sources.includes(s)) total.sources.push(s);
  }
  return [...totals.values()]
    .filter((t) => t.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || causeKey(a.cause).localeCompare(causeKey(b.cause)));
}

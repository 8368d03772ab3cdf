// The city picture for the game screens, and its text alternative. The
// picture carries the numbers too: debt, data exposure and backlash are drawn
// with their values, and each change pulses where it happens.
import { chosenOptions, type LedgerEntry, type MetricId } from '../engine/index.ts';
import { fmt, t } from '../text/i18n.ts';
import type { GameState } from '../app/game.ts';
import type { Screen } from './ui-context.ts';
import { shortValue } from './measures.ts';

export function cityStage(
  game: GameState,
  fresh: readonly LedgerEntry[] = [],
  tone: 'good' | 'mixed' | 'bad' | null = null,
  /** Values to draw instead of the current ones (a decision shows them projected). */
  shown?: Readonly<Record<MetricId, number>>,
): Pick<Screen, 'stage' | 'stageDescription'> {
  const ctx = game.snapshot.context;
  const metrics = shown ?? ctx.metrics;
  const vendor = chosenOptions(game.compiled, ctx).find((o) => o.vendor)?.vendor;
  const cameras = vendor ? vendor.capability * 2 : 1;
  const debtScale = game.compiled.scenario.fiscal.unsustainableDebtUsdM;
  const pulse = fresh.map((e) => ({ metric: e.metric as MetricId, delta: e.delta }));
  return {
    stage: {
      scene: 'city',
      cityKey: game.compiled.scenario.id,
      metrics,
      debtScale,
      cameras,
      tone,
      pulse,
      labels: {
        debt: `${t('metric.short.debt')} ${shortValue('debt', metrics.debt)}`,
        data: `${t('stage.dataLabel')}: ${shortValue('dataExposure', metrics.dataExposure)}`,
        crowd: `${t('stage.crowdLabel')}: ${shortValue('backlash', metrics.backlash)}`,
      },
    },
    stageDescription: t('stage.city', {
      cameras,
      people: Math.round(metrics.backlash / 4),
      streams: Math.round(metrics.dataExposure / 12),
      debtShare: fmt.percent(Math.min(1, metrics.debt / Math.max(1, debtScale))),
    }),
  };
}

/** Sum of this screen's changes per measure, for the meters' delta marks. */
export function deltasOf(entries: readonly LedgerEntry[]): Partial<Record<MetricId, number>> {
  const out: Partial<Record<MetricId, number>> = {};
  for (const e of entries) out[e.metric as MetricId] = (out[e.metric as MetricId] ?? 0) + e.delta;
  return out;
}

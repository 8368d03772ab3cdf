// The three measures, always in view on a play screen: a compact bar that
// sticks to the top (one row on a phone), with each measure's last change and
// the rules behind it one tap away; the supporting measures fold away.
import { METRIC_RANGES, type MetricId } from '../engine/index.ts';
import { fmt, t } from '../text/i18n.ts';
import { button, h } from './dom.ts';
import { disclose } from './disclose.ts';
import type { UiContext } from './ui-context.ts';
import { LOWER_IS_BETTER, PRIMARY_METRICS, SUPPORTING_METRICS } from './widgets.ts';

export interface MeasuresOptions {
  /** The change each measure just made (or would make), shown beside it. */
  deltas?: Partial<Record<MetricId, number>>;
  /** A caption for the bar, e.g. that the values are projected, not yet in force. */
  caption?: string;
}

/** A measure's value in few words: debt in $ million, the rest on a 0–100 scale. */
export function shortValue(metric: MetricId, value: number): string {
  return metric === 'debt' ? t('metric.usdShort', { value: fmt.number(value, 1) }) : fmt.number(value);
}

function item(ui: UiContext, m: MetricId, value: number, delta: number | undefined, debtScale: number) {
  const [min, rangeMax] = METRIC_RANGES[m];
  const max = m === 'debt' ? Math.max(debtScale, value) : rangeMax;
  const share = Math.max(0, Math.min(1, (value - min) / Math.max(1, max - min)));
  const bar = h('span', { class: 'meter-fill' });
  bar.style.setProperty('--share', share.toFixed(3)); // CSSOM, not a style attribute: allowed by the CSP
  const direction = delta === undefined || Math.abs(delta) < 0.05 ? null : delta > 0 ? 'up' : 'down';
  const good = direction === null ? null : LOWER_IS_BETTER.has(m) === (direction === 'down');
  return h(
    'div',
    { class: `meter meter-${m}`, 'data-metric': m },
    h('span', { class: 'meter-label' }, t(`metric.short.${m}`)),
    h('span', { class: 'meter-value' }, shortValue(m, value)),
    direction ? h('span', { class: `meter-delta ${good ? 'is-better' : 'is-worse'}` }, `${direction === 'up' ? '▲' : '▼'}${m === 'debt' ? fmt.delta(delta!, 1) : fmt.delta(delta!, 1)}`) : null,
    h('span', { class: 'meter-track', role: 'presentation' }, bar),
    rulesButton(ui, m),
  );
}

/** The "?" beside a measure: the model's rules for it, with this scenario's own choices and events. */
export function rulesButton(ui: UiContext, m: MetricId): HTMLElement {
  return button('?', () => ui.send({ type: 'panel.open', panel: 'rules', metric: m }), { class: 'rules-button', 'aria-label': `${t('debrief.rules')}: ${t(`metric.${m}`)}`, 'data-action': `rules-${m}` });
}

/** The measures bar: the three outcomes in a row; the supporting measures on request. */
export function measuresBar(ui: UiContext, values: Readonly<Record<MetricId, number>>, debtScale: number, options: MeasuresOptions = {}): HTMLElement {
  const deltas = options.deltas ?? {};
  return h(
    'section',
    { class: 'measures', 'aria-label': t('metric.measures') },
    options.caption ? h('p', { class: 'measures-caption' }, options.caption) : null,
    h('div', { class: 'measures-row' }, ...PRIMARY_METRICS.map((m) => item(ui, m, values[m], deltas[m], debtScale))),
    disclose(ui, 'measures:supporting', t('metric.supportingShort'), h('div', { class: 'measures-row supporting-row' }, ...SUPPORTING_METRICS.map((m) => item(ui, m, values[m], deltas[m], debtScale))), 'supporting'),
  );
}

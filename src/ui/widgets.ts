// Reusable pieces of the DOM layer: scenario text with its language fallback,
// source lists, meters, vendor cards, repayment schedules, the rules behind a
// measure. Every string comes from the locale files or the content.
import {
  METRIC_IDS,
  METRIC_RANGES,
  MODEL_RULES,
  newLoan,
  repaymentSchedule,
  type ContentBundle,
  type LocalizedText,
  type MetricId,
  type Option,
} from '../engine/index.ts';
import { fmt, localized, plain, t, currentLanguage } from '../text/i18n.ts';
import { ruleText } from '../text/explain.ts';
import { button, h, type Child } from './dom.ts';

export const PRIMARY_METRICS: readonly MetricId[] = ['debt', 'dataExposure', 'backlash'];
export const SUPPORTING_METRICS: readonly MetricId[] = METRIC_IDS.filter((m) => !PRIMARY_METRICS.includes(m));
/** Which way is better for each measure; said in words, never by colour alone. */
export const LOWER_IS_BETTER: ReadonlySet<MetricId> = new Set(['debt', 'dataExposure', 'backlash']);

/** Scenario text in the player's language; a visible note where it fell back to English. */
export function text<K extends 'p' | 'span' | 'h1' | 'h2' | 'h3' | 'li' | 'strong'>(
  tag: K,
  value: LocalizedText | undefined,
  attrs: Record<string, string | boolean | undefined> = {},
): HTMLElementTagNameMap[K] {
  const { text: s, fallback } = localized(value);
  const el = h(tag, fallback ? { ...attrs, lang: 'en' } : attrs, s);
  if (fallback) el.append(h('span', { class: 'fallback-note', lang: currentLanguage() }, ` (${t('notice.missingTranslation')})`));
  return el;
}

export { plain };

export function sourceList(bundle: ContentBundle, ids: readonly string[]): HTMLElement | null {
  if (ids.length === 0) return null;
  const facts = new Map(bundle.registry.facts.map((f) => [f.id, f]));
  const docs = new Map(bundle.registry.sources.map((s) => [s.id, s]));
  const items = ids.map((id) => {
    const fact = facts.get(id);
    const doc = docs.get(fact ? fact.source : id);
    const docLine = doc ? t('sources.document', { id: doc.id, title: doc.title, author: doc.author, date: doc.date }) : id;
    return h('li', {}, fact ? h('span', { lang: 'en' }, t('sources.fact', { id: fact.id, text: fact.text })) : null, fact ? ' ' : null, h('cite', { lang: 'en' }, docLine));
  });
  return h('details', { class: 'sources', 'data-key': `sources:${ids.join(',')}` }, h('summary', { title: ids.join(', ') }, t('sources.count', { count: ids.length })), h('ul', {}, ...items));
}

/** Source ids in reading order: documents (S0–S4) first, then facts by number. */
function byId(a: string, b: string): number {
  return a[0] === b[0] ? a.localeCompare(b, 'en', { numeric: true }) : a[0] === 'S' ? -1 : 1;
}

/**
 * Every source a page cites, once: each document in full, then each fact with
 * its document's id. The printed debrief keeps this list open and the short
 * per-item lists closed, so a handout is not the same citation again and again.
 */
export function referenceList(bundle: ContentBundle, ids: Iterable<string>): HTMLElement | null {
  const facts = new Map(bundle.registry.facts.map((f) => [f.id, f]));
  const docs = new Map(bundle.registry.sources.map((s) => [s.id, s]));
  const all = [...new Set(ids)].filter((id) => facts.has(id) || docs.has(id)).sort(byId);
  if (all.length === 0) return null;
  const cited = all.filter((id) => facts.has(id));
  const docIds = [...new Set([...all.filter((id) => docs.has(id)), ...cited.map((id) => facts.get(id)!.source)])].sort(byId);
  return h(
    'details',
    { class: 'sources reference-list' },
    h('summary', {}, t('sources.summary', { ids: all.join(', ') })),
    h('ul', {}, ...docIds.map((id) => docs.get(id)!).map((d) => h('li', {}, h('cite', { lang: 'en' }, t('sources.document', { id: d.id, title: d.title, author: d.author, date: d.date }))))),
    h('ul', {}, ...cited.map((id) => facts.get(id)!).map((f) => h('li', { lang: 'en' }, t('sources.factIn', { id: f.id, text: f.text, source: f.source })))),
  );
}

export function formatMetric(metric: MetricId, value: number): string {
  return metric === 'debt' ? fmt.usdMillions(value) : t('metric.outOf100', { value: fmt.number(value) });
}

/** The meters: bars that animate (CSS) to the new values, with the last change beside each. */
export function meters(
  values: Readonly<Record<MetricId, number>>,
  deltas: Partial<Record<MetricId, number>>,
  debtScale: number,
  onRules: (metric: MetricId) => void,
): HTMLElement {
  const row = (m: MetricId) => {
    const [min, rangeMax] = METRIC_RANGES[m];
    const max = m === 'debt' ? Math.max(debtScale, values.debt) : rangeMax;
    const share = Math.max(0, Math.min(1, (values[m] - min) / Math.max(1, max - min)));
    const delta = deltas[m];
    const direction = delta === undefined || delta === 0 ? null : delta > 0 ? 'up' : 'down';
    const good = direction === null ? null : LOWER_IS_BETTER.has(m) === (direction === 'down');
    const bar = h('span', { class: 'meter-fill' });
    bar.style.setProperty('--share', share.toFixed(3)); // CSSOM, not a style attribute: allowed by the CSP
    return h(
      'div',
      { class: `meter meter-${m}`, 'data-metric': m },
      h('span', { class: 'meter-label' }, t(`metric.${m}`)),
      h('span', { class: 'meter-track', role: 'presentation' }, bar),
      h('span', { class: 'meter-value' }, formatMetric(m, values[m])),
      direction
        ? h('span', { class: `meter-delta ${good ? 'is-better' : 'is-worse'}` }, `${direction === 'up' ? '▲' : '▼'} ${m === 'debt' ? fmt.delta(delta!) : fmt.delta(delta!, 1)}`)
        : h('span', { class: 'meter-delta' }),
      button('?', () => onRules(m), { class: 'rules-button', 'aria-label': `${t('debrief.rules')}: ${t(`metric.${m}`)}` }),
    );
  };
  return h(
    'section',
    { class: 'meters', 'aria-label': t('metric.measures') },
    ...PRIMARY_METRICS.map(row),
    h('details', { class: 'supporting' }, h('summary', {}, t('metric.supporting')), ...SUPPORTING_METRICS.map(row)),
  );
}

/** The rules the engine applies by itself to one measure, with their sources. */
export function rulesFor(bundle: ContentBundle, metric: MetricId): HTMLElement {
  const items: Child[] = MODEL_RULES.filter((r) => r.metrics.includes(metric)).map((rule) =>
    h('li', {}, rule.when ? h('strong', {}, fmt.delta(rule.params['delta']!, 1)) : null, rule.when ? ' — ' : null, ruleText(rule.id), sourceList(bundle, rule.sources)),
  );
  return h(
    'section',
    { class: 'rules' },
    h('h2', { tabindex: '-1' }, `${t('debrief.rules')}: ${t(`metric.${metric}`)}`),
    h('p', {}, t(LOWER_IS_BETTER.has(metric) ? 'metric.lowerIsBetter' : 'metric.higherIsBetter')),
    h('h3', {}, t('model.builtIn')),
    h('ul', {}, ...items),
  );
}

const yesNo = (v: boolean) => t(v ? 'decision.yes' : 'decision.no');

/** A vendor's profile as a definition list: price, capability, jurisdiction, remote access, sanctions, training. */
export function vendorCard(o: Option): HTMLElement | null {
  const v = o.vendor;
  if (!v) return null;
  const row = (label: string, value: string) => [h('dt', {}, label), h('dd', {}, value)];
  const assumed = v.assumptions.length > 0 || o.assumptions.length > 0;
  return h(
    'dl',
    { class: 'vendor-card' },
    ...row(t('decision.price'), `${fmt.usdMillions(v.priceUsdM)}${assumed ? ` (${t('decision.assumptionMark')})` : ''}`),
    ...row(t('decision.capability'), t('decision.capabilityValue', { n: v.capability })),
    ...row(t('decision.jurisdiction'), t(`decision.jurisdictionName.${v.jurisdiction}`)),
    ...row(t('decision.remoteAccess'), yesNo(v.remoteAccess)),
    ...row(t('decision.sanctions'), yesNo(v.sanctioned)),
    ...row(t('decision.training'), v.training ? plain(v.training) : t('decision.none')),
  );
}

/** Financing terms as a repayment schedule, computed by the engine's own rule. */
export function repaymentTable(o: Option, priceUsdM: number | null): HTMLElement | null {
  if (!o.loan) return null;
  const price = priceUsdM ?? 0;
  const rows = repaymentSchedule(newLoan(o.id, o.loan, price));
  return h(
    'div',
    { class: 'schedule' },
    h(
      'p',
      {},
      t('decision.loanSummary', {
        share: fmt.percent(o.loan.share),
        price: fmt.usdMillions(price),
        rate: fmt.percent(o.loan.annualRatePct / 100),
        grace: t('decision.graceYears', { count: o.loan.graceYears }),
        tenor: t('decision.years', { count: o.loan.tenorYears }),
      }),
    ),
    h(
      'table',
      {},
      h('caption', {}, t('decision.loanTitle')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('decision.loanYear')), h('th', { scope: 'col' }, t('decision.loanPayment')), h('th', { scope: 'col' }, t('decision.loanOutstanding')))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, String(r.year)), h('td', {}, fmt.usdMillions(r.payment)), h('td', {}, fmt.usdMillions(r.balance))))),
    ),
  );
}

/** A tip for a new player; the first scenario teaches the interface as it goes. */
export function tip(show: boolean, key: string, hide: () => void): HTMLElement | null {
  if (!show) return null;
  return h(
    'aside',
    { class: 'tip', 'aria-label': t('tips.label') },
    h('strong', {}, `${t('tips.label')}: `),
    t(`tips.${key}`),
    ' ',
    button(t('tips.hide'), hide, { class: 'link-button', 'data-action': 'hide-tips' }),
  );
}

/** Classroom: a show-of-hands tally beside an option, before the teacher confirms. */
export function voteTally(count: number, change: (delta: number) => void, option: string): HTMLElement {
  return h(
    'span',
    { class: 'vote' },
    h('span', { class: 'vote-count' }, t('classroom.votes', { count })),
    button('+', () => change(1), { 'aria-label': t('classroom.addVote', { option }), class: 'vote-button' }),
    button('−', () => change(-1), { 'aria-label': t('classroom.removeVote', { option }), class: 'vote-button' }),
  );
}

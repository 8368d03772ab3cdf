// One option of a decision as a card built to be compared side by side: the
// few facts that tell options apart (price, terms, jurisdiction, access,
// capability, cost), the model's expected direction on the three outcomes,
// and everything else — the full description, the repayment schedule, the
// assumptions, the sources — folded under "More".
import { newLoan, OUTCOMES, type CompiledScenario, type Decision, type Exclusion, type Expectation, type Option } from '../engine/index.ts';
import { fmt, plain, t } from '../text/i18n.ts';
import { h, type Child } from './dom.ts';
import { disclose } from './disclose.ts';
import type { UiContext } from './ui-context.ts';
import { repaymentTable, sourceList, text, vendorCard } from './widgets.ts';

const ARROW = { up: '▲', down: '▼', flat: '–' } as const;

/** A fact as a short label and a value, laid out as a row of the card. */
function fact(label: string, value: string): HTMLElement[] {
  return [h('dt', {}, label), h('dd', {}, value)];
}

/** The facts that tell this option apart from the others of its decision. */
export function keyFacts(c: CompiledScenario, decision: Decision, o: Option, packagePrice: number | null): HTMLElement | null {
  const rows: HTMLElement[] = [];
  const assumed = (ids: readonly string[]) => (ids.length ? ` ${t('decision.assumedMark')}` : '');
  if (o.vendor) {
    const v = o.vendor;
    rows.push(
      ...fact(t('decision.price'), `${fmt.usdMillions(v.priceUsdM)}${assumed([...v.assumptions, ...o.assumptions])}`),
      ...fact(t('decision.jurisdiction'), t(`decision.jurisdictionName.${v.jurisdiction}`)),
      ...fact(t('decision.remoteShort'), t(v.remoteAccess ? 'decision.yes' : 'decision.no')),
      ...fact(t('decision.capability'), '●'.repeat(v.capability) + '○'.repeat(5 - v.capability)),
    );
  }
  if (o.loan && packagePrice !== null) {
    const loan = newLoan(o.id, o.loan, packagePrice);
    rows.push(
      ...fact(t('decision.borrowed'), `${fmt.usdMillions(loan.principal)}${assumed(o.loan.assumptions)}`),
      ...fact(t('decision.terms'), t('decision.termsValue', { rate: fmt.percent(o.loan.annualRatePct / 100), grace: o.loan.graceYears, tenor: o.loan.tenorYears })),
    );
  } else if (decision.kind === 'financing') {
    rows.push(...fact(t('decision.borrowed'), t('decision.nothing')));
  }
  if (decision.multi) rows.push(...fact(t('decision.costShort'), String(o.cost)));
  return rows.length ? h('dl', { class: 'facts' }, ...rows) : null;
}

/** The model's expected direction on the three outcomes, as arrows with their words. */
export function expectedRow(e: Expectation | undefined): HTMLElement | null {
  if (!e) return null;
  return h(
    'p',
    { class: 'expected' },
    ...OUTCOMES.map((m) =>
      h('span', { class: `expect expect-${e.direction[m]}`, title: t(`decision.expect.${e.direction[m]}`) }, `${t(`metric.short.${m}`)} ${ARROW[e.direction[m]]}`),
    ),
  );
}

/** Which earlier choice rules the option out (or which it would need), in words. */
export function exclusionText(c: CompiledScenario, why: Exclusion | null): string {
  const label = (ref: string) => {
    const [d, o] = ref.split('.') as [string, string];
    return plain(c.options.get(d)?.get(o)?.label);
  };
  if (why?.blockedBy.length) return t('decision.ruledOutBy', { choice: fmt.list(why.blockedBy.map(label)) });
  if (why?.needs.length) return t('decision.needs', { choice: new Intl.ListFormat(undefined, { type: 'disjunction' }).format(why.needs.map(label)) });
  return t('decision.unavailable');
}

export interface CardParts {
  decision: Decision;
  option: Option;
  available: boolean;
  exclusion: Exclusion | null;
  expectation: Expectation | undefined;
  packagePrice: number | null;
  /** The control: a choose button, a toggle, and (in class) the show of hands. */
  controls: Child[];
}

export function optionCard(ui: UiContext, c: CompiledScenario, p: CardParts): HTMLElement {
  const { decision, option: o } = p;
  const more: Child[] = [
    text('p', o.summary),
    o.hypothetical ? h('p', { class: 'hypothetical' }, h('span', { 'aria-hidden': 'true' }, '◇ '), t('decision.hypothetical')) : null,
    vendorCard(o),
    decision.kind === 'financing' ? (repaymentTable(o, p.packagePrice) ?? (o.tags.includes('loan') ? null : h('p', { class: 'meta' }, t('decision.noLoan')))) : null,
    o.assumptions.length ? h('p', { class: 'meta' }, `${t('decision.assumptionMark')}: ${o.assumptions.map((id) => plain(c.scenario.assumptions.find((a) => a.id === id)?.text)).join('; ')}`) : null,
    sourceList(ui.bundle, o.sources),
  ];
  return h(
    'li',
    { class: p.available ? 'option' : 'option is-unavailable', 'data-card': o.id },
    h('h2', { class: 'option-title' }, plain(o.label), o.hypothetical ? h('span', { class: 'hypo-mark', title: t('decision.hypothetical') }, ' ◇') : null),
    keyFacts(c, decision, o, p.packagePrice),
    p.available ? expectedRow(p.expectation) : h('p', { class: 'meta unavailable' }, exclusionText(c, p.exclusion)),
    h('div', { class: 'option-controls' }, ...p.controls),
    disclose(ui, `more:${decision.id}.${o.id}`, t('decision.more'), h('div', { class: 'option-details' }, ...more), 'more'),
  );
}

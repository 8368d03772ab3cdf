import { chosenOptions, type GameEvent, type Option } from '../../engine/index.ts';
import { t } from '../../app/i18n.ts';
import type { GameSession } from '../../app/session.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { meters, plain, repaymentTable, sourceList, text, tip, vendorCard, voteTally } from '../widgets.ts';
import { cityStage } from './city-stage.ts';

type Choose = Extract<GameEvent, { type: 'decision.choose' }>;

export function decisionScreen(ui: UiContext, session: GameSession): Screen {
  const ctx = session.snapshot.context;
  const c = session.compiled;
  const decision = c.decisions[ctx.decisionIndex]!;
  const valid = session.enabled().filter((e): e is Choose => e.type === 'decision.choose');
  const available = new Set(valid.flatMap((e) => e.options));
  const vendorPrice = chosenOptions(c, ctx).find((o) => o.vendor)?.vendor?.priceUsdM ?? null;
  const debtScale = c.scenario.fiscal.unsustainableDebtUsdM;

  const details = (o: Option) =>
    h(
      'div',
      { class: 'option-details' },
      text('p', o.summary),
      o.hypothetical ? h('p', { class: 'hypothetical' }, h('span', { 'aria-hidden': 'true' }, '◇ '), t('decision.hypothetical')) : null,
      vendorCard(o),
      decision.kind === 'financing' ? repaymentTable(o, vendorPrice) ?? (o.tags.includes('loan') ? null : h('p', { class: 'meta' }, t('decision.noLoan'))) : null,
      decision.multi ? h('p', { class: 'meta cost' }, t('decision.cost', { count: o.cost })) : null,
      o.assumptions.length ? h('p', { class: 'meta' }, `${t('decision.assumptionMark')}: ${o.assumptions.map((id) => plain(c.scenario.assumptions.find((a) => a.id === id)?.text)).join('; ')}`) : null,
      !available.has(o.id) ? h('p', { class: 'meta unavailable' }, t('decision.unavailable')) : null,
      sourceList(ui.bundle, o.sources),
    );

  const body: (Node | null)[] = [
    h('p', { class: 'step' }, t('decision.step', { n: ctx.decisionIndex + 1, of: c.decisions.length })),
    text('h1', decision.title, { tabindex: '-1' }),
    text('p', decision.prompt, { class: 'lede' }),
    tip(ui.settings.tips, decision.multi ? 'decisionMulti' : 'decision', () => ui.updateSettings({ tips: false })),
  ];

  if (!decision.multi) {
    body.push(
      h(
        'ul',
        { class: `options options-${decision.kind}`, 'data-arrow-group': '' },
        ...decision.options.map((o) =>
          h(
            'li',
            { class: available.has(o.id) ? 'option' : 'option is-unavailable' },
            h('h2', { class: 'option-title' }, plain(o.label)),
            details(o),
            button(`${t('decision.choose')}: ${plain(o.label)}`, () => ui.send({ type: 'decision.choose', decision: decision.id, options: [o.id] }), {
              disabled: !available.has(o.id),
              class: 'primary',
              'data-option': o.id,
            }),
            ui.settings.classroom && available.has(o.id)
              ? voteTally(() => ui.votes(`${decision.id}.${o.id}`), (d) => ui.vote(`${decision.id}.${o.id}`, d), plain(o.label))
              : null,
          ),
        ),
      ),
    );
  } else {
    const picked = new Set<string>();
    const status = h('p', { class: 'budget', role: 'status' });
    const gauge = h('span', { class: 'budget-fill' });
    const confirm = button(t('decision.confirm'), () => ui.send({ type: 'decision.choose', decision: decision.id, options: decision.options.filter((o) => picked.has(o.id)).map((o) => o.id) }), {
      class: 'primary',
      'data-action': 'confirm',
    });
    const toggles = new Map<string, HTMLButtonElement>();
    const update = () => {
      const cost = decision.options.filter((o) => picked.has(o.id)).reduce((sum, o) => sum + o.cost, 0);
      status.textContent =
        decision.budget === undefined ? t('decision.budgetNoLimit', { cost }) : `${t('decision.budget', { cost, budget: decision.budget })}${cost > decision.budget ? ` — ${t('decision.overBudget')}` : ''}`;
      gauge.style.setProperty('--share', String(decision.budget ? Math.min(1, cost / decision.budget) : 0));
      const ok = valid.some((e) => e.options.length === picked.size && e.options.every((id) => picked.has(id)));
      confirm.disabled = !ok;
      confirm.textContent = picked.size === 0 ? t('decision.confirmNone') : t('decision.confirm');
      for (const [id, toggle] of toggles) {
        const on = picked.has(id);
        toggle.setAttribute('aria-pressed', String(on));
        toggle.textContent = `${on ? t('decision.toggleOff') : t('decision.toggleOn')}: ${plain(decision.options.find((o) => o.id === id)!.label)}`;
      }
    };
    body.push(
      h(
        'ul',
        { class: 'options options-multi', 'data-arrow-group': '' },
        ...decision.options.map((o) => {
          const toggle = button(plain(o.label), () => {
            if (picked.has(o.id)) picked.delete(o.id);
            else picked.add(o.id);
            ui.playEffect('choice');
            update();
          }, { 'aria-pressed': 'false', disabled: !available.has(o.id), 'data-option': o.id, class: 'toggle' });
          toggles.set(o.id, toggle);
          return h('li', { class: available.has(o.id) ? 'option' : 'option is-unavailable' }, h('h2', { class: 'option-title' }, plain(o.label)), details(o), toggle);
        }),
      ),
      // The running total stays in view while the player goes through the options.
      h(
        'div',
        { class: 'decision-footer' },
        h('div', { class: 'budget-bar' }, h('span', { class: 'budget-track', role: 'presentation' }, gauge), status),
        decision.max !== undefined || decision.min > 0 ? h('p', { class: 'meta' }, t('decision.countRule', { min: decision.min, max: decision.max ?? decision.options.length })) : null,
        confirm,
      ),
    );
    update();
  }
  body.push(meters(ctx.metrics, {}, debtScale, (m) => ui.openPanel('rules', m)));
  return { name: 'decision', body: body.filter((n): n is Node => n !== null), ...cityStage(session) };
}

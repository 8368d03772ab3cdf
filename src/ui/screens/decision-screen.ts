import { chosenOptions, packagePrice, type GameEvent, type Option } from '../../engine/index.ts';
import { t } from '../../text/i18n.ts';
import { enabledMoves, type GameState } from '../../app/game.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { meters, plain, repaymentTable, sourceList, text, tip, vendorCard, voteTally } from '../widgets.ts';
import { cityStage } from '../city-view.ts';

type Choose = Extract<GameEvent, { type: 'decision.choose' }>;

export function decisionScreen(ui: UiContext, game: GameState): Screen {
  const ctx = game.snapshot.context;
  const c = game.compiled;
  const decision = c.decisions[ctx.decisionIndex]!;
  const valid = enabledMoves(game).filter((e): e is Choose => e.type === 'decision.choose');
  const available = new Set(valid.flatMap((e) => e.options));
  // The price a loan's share is taken of, exactly as the machine will take it.
  const vendorPrice = chosenOptions(c, ctx).some((o) => o.vendor) ? packagePrice(chosenOptions(c, ctx)) : null;
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
    tip(ui.settings.tips, decision.multi ? 'decisionMulti' : 'decision', () => ui.send({ type: 'settings.update', patch: { tips: false } })),
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
            button(`${t('decision.choose')}: ${plain(o.label)}`, () => ui.send({ type: 'game.move', move: { type: 'decision.choose', decision: decision.id, options: [o.id] } }), {
              disabled: !available.has(o.id),
              class: 'primary',
              'data-option': o.id,
            }),
            ui.settings.classroom && available.has(o.id)
              ? voteTally(() => (ui.votes[`${decision.id}.${o.id}`] ?? 0), (d) => ui.send({ type: 'vote.change', key: `${decision.id}.${o.id}`, delta: d }), plain(o.label))
              : null,
          ),
        ),
      ),
    );
  } else {
    // The picks live in the app's state, so a re-render (a change of language, say) keeps them.
    const picked = new Set(game.picks);
    const cost = decision.options.filter((o) => picked.has(o.id)).reduce((sum, o) => sum + o.cost, 0);
    const gauge = h('span', { class: 'budget-fill' });
    gauge.style.setProperty('--share', String(decision.budget ? Math.min(1, cost / decision.budget) : 0));
    const ok = valid.some((e) => e.options.length === picked.size && e.options.every((id) => picked.has(id)));
    const chosen = decision.options.filter((o) => picked.has(o.id)).map((o) => o.id);
    body.push(
      h(
        'ul',
        { class: 'options options-multi', 'data-arrow-group': '' },
        ...decision.options.map((o) => {
          const on = picked.has(o.id);
          const toggle = button(`${on ? t('decision.toggleOff') : t('decision.toggleOn')}: ${plain(o.label)}`, () => ui.send({ type: 'decision.toggle', option: o.id }), {
            'aria-pressed': String(on),
            disabled: !available.has(o.id),
            'data-option': o.id,
            class: 'toggle',
          });
          return h('li', { class: available.has(o.id) ? 'option' : 'option is-unavailable' }, h('h2', { class: 'option-title' }, plain(o.label)), details(o), toggle);
        }),
      ),
      // The running total stays in view while the player goes through the options.
      h(
        'div',
        { class: 'decision-footer' },
        h(
          'div',
          { class: 'budget-bar' },
          h('span', { class: 'budget-track', role: 'presentation' }, gauge),
          h(
            'p',
            { class: 'budget', role: 'status' },
            decision.budget === undefined ? t('decision.budgetNoLimit', { cost }) : `${t('decision.budget', { cost, budget: decision.budget })}${cost > decision.budget ? ` — ${t('decision.overBudget')}` : ''}`,
          ),
        ),
        decision.max !== undefined || decision.min > 0 ? h('p', { class: 'meta' }, t('decision.countRule', { min: decision.min, max: decision.max ?? decision.options.length })) : null,
        button(picked.size === 0 ? t('decision.confirmNone') : t('decision.confirm'), () => ui.send({ type: 'game.move', move: { type: 'decision.choose', decision: decision.id, options: chosen } }), {
          class: 'primary',
          'data-action': 'confirm',
          disabled: !ok,
        }),
      ),
    );
  }
  body.push(meters(ctx.metrics, {}, debtScale, (m) => ui.send({ type: 'panel.open', panel: 'rules', metric: m })));
  return { name: 'decision', body: body.filter((n): n is Node => n !== null), ...cityStage(game) };
}

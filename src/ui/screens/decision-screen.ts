// A decision: its options side by side, each with the facts that tell it
// apart and the model's expected direction on the three outcomes; the
// measures above, projected as they would stand with the choices so far.
import { chosenOptions, exclusionOf, expectations, packagePrice, projectChoices, type GameEvent, type MetricId } from '../../engine/index.ts';
import { enabledMoves, type GameState } from '../../app/game.ts';
import { plain, t } from '../../text/i18n.ts';
import { button, h } from '../dom.ts';
import { measuresBar } from '../measures.ts';
import { optionCard } from '../option-card.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { text, tip, voteTally } from '../widgets.ts';
import { cityStage } from '../city-view.ts';
import { prose } from '../glossary-links.ts';

type Choose = Extract<GameEvent, { type: 'decision.choose' }>;

export function decisionScreen(ui: UiContext, game: GameState): Screen {
  const ctx = game.snapshot.context;
  const c = game.compiled;
  const decision = c.decisions[ctx.decisionIndex]!;
  const valid = enabledMoves(game).filter((e): e is Choose => e.type === 'decision.choose');
  const available = new Set(valid.flatMap((e) => e.options));
  const chosen = chosenOptions(c, ctx);
  // The price a loan's share is taken of, exactly as the machine will take it.
  const price = chosen.some((o) => o.vendor) ? packagePrice(chosen) : null;
  const expected = new Map(expectations(c, ctx, decision).map((e) => [e.option, e]));
  const own = c.decisions.filter((d) => !c.presets.has(d.id));
  const projected = projectChoices(c, ctx);
  const deltas: Partial<Record<MetricId, number>> = {};
  for (const e of projected.ledger) deltas[e.metric] = (deltas[e.metric] ?? 0) + e.delta;
  const classroom = ui.settings.classroom;
  const vote = (key: string, label: string) => (classroom ? voteTally((ui.votes[key] ?? 0), (d) => ui.send({ type: 'vote.change', key, delta: d }), label) : null);

  const picked = new Set(game.picks);
  const cards = decision.options.map((o) => {
    const on = picked.has(o.id);
    const ok = available.has(o.id);
    const control = decision.multi
      ? button(on ? t('decision.remove') : t('decision.add'), () => ui.send({ type: 'decision.toggle', option: o.id }), {
          'aria-pressed': String(on),
          'aria-label': `${on ? t('decision.remove') : t('decision.add')}: ${plain(o.label)}`,
          disabled: !ok,
          'data-option': o.id,
          class: 'toggle',
        })
      : button(t('decision.choose'), () => ui.send({ type: 'game.move', move: { type: 'decision.choose', decision: decision.id, options: [o.id] } }), {
          disabled: !ok,
          class: 'primary',
          'data-option': o.id,
          'aria-label': `${t('decision.choose')}: ${plain(o.label)}`,
        });
    return optionCard(ui, c, {
      decision,
      option: o,
      available: ok,
      exclusion: ok ? null : exclusionOf(c, ctx, o),
      expectation: expected.get(o.id),
      packagePrice: price,
      controls: [control, ok ? vote(`${decision.id}.${o.id}`, plain(o.label)) : null],
    });
  });

  const body: (Node | null)[] = [
    measuresBar(ui, projected.metrics, c.scenario.fiscal.unsustainableDebtUsdM, { deltas, caption: t('decision.projected') }),
    h('p', { class: 'step' }, t('decision.step', { n: own.indexOf(decision) + 1, of: own.length })),
    text('h1', decision.title, { tabindex: '-1' }),
    prose(ui, decision.prompt, ui.settings.lang, 'lede'),
    tip(ui.settings.tips, decision.multi ? 'decisionMulti' : 'decision', () => ui.send({ type: 'settings.update', patch: { tips: false } })),
    h('p', { class: 'meta expected-legend' }, t(decision.multi ? 'decision.expectedLegendMulti' : 'decision.expectedLegend')),
    h('ul', { class: `options compare options-${decision.kind}`, 'data-arrow-group': '', 'data-count': String(decision.options.length) }, ...cards),
  ];

  if (classroom) {
    const total = decision.options.reduce((sum, o) => sum + (ui.votes[`${decision.id}.${o.id}`] ?? 0), 0);
    body.push(h('p', { class: 'vote-total', role: 'status' }, t('classroom.total', { count: total })));
  }
  if (decision.multi) {
    const cost = decision.options.filter((o) => picked.has(o.id)).reduce((sum, o) => sum + o.cost, 0);
    const gauge = h('span', { class: 'budget-fill' });
    gauge.style.setProperty('--share', String(decision.budget ? Math.min(1, cost / decision.budget) : 0));
    const ok = valid.some((e) => e.options.length === picked.size && e.options.every((id) => picked.has(id)));
    const chosenIds = decision.options.filter((o) => picked.has(o.id)).map((o) => o.id);
    // The running total and the confirm button stay in view while the options scroll past.
    body.push(
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
        decision.max !== undefined ? h('p', { class: 'meta' }, t('decision.countRule', { min: decision.min, max: decision.max })) : null,
        button(picked.size === 0 ? t('decision.confirmNone') : t('decision.confirm'), () => ui.send({ type: 'game.move', move: { type: 'decision.choose', decision: decision.id, options: chosenIds } }), {
          class: 'primary',
          'data-action': 'confirm',
          disabled: !ok,
        }),
      ),
    );
  }
  return { name: 'decision', body: body.filter((n): n is Node => n !== null), ...cityStage(game, [], null, projected.metrics) };
}

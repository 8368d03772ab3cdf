// What a response did, shown at once — before the next year, and before the
// ending when it was the last: each change with its reason, the measures and
// the picture moving with it.
import { versionMet, yearsOfTurn } from '../../engine/index.ts';
import type { GameState } from '../../app/game.ts';
import { fmt, plain, t } from '../../text/i18n.ts';
import { button, h } from '../dom.ts';
import { measuresBar } from '../measures.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { sourceList } from '../widgets.ts';
import { cityStage, deltasOf } from '../city-view.ts';

export function outcomeScreen(ui: UiContext, game: GameState): Screen {
  const outcome = game.outcome!;
  const c = game.compiled;
  const ctx = game.snapshot.context;
  const base = c.eventById.get(outcome.event);
  // The version of the card this team met (variants.ts).
  const event = base && versionMet(base, ctx.cards);
  const response = event?.responses.find((r) => r.id === outcome.response);
  // The values as the response left them, before the next year's changes.
  const values = { ...ctx.metrics };
  for (const e of game.fresh) values[e.metric] = Math.round((values[e.metric] - e.delta) * 100) / 100;
  const reason = (metric: string) => plain(response?.effects.find((e) => e.metric === metric && e.because)?.because);
  const ended = game.snapshot.status === 'done';
  return {
    name: 'outcome',
    body: [
      measuresBar(ui, values, c.scenario.fiscal.unsustainableDebtUsdM, { deltas: deltasOf(outcome.changes) }),
      h('p', { class: 'step' }, t('outcome.kicker')),
      h('h1', { tabindex: '-1' }, plain(response?.label)),
      outcome.changes.length === 0
        ? h('p', { class: 'lede' }, t('outcome.nothing'))
        : h(
            'ul',
            { class: 'changes outcome' },
            ...outcome.changes.map((e) =>
              h(
                'li',
                { class: e.delta > 0 ? 'change is-up' : 'change is-down' },
                h('strong', {}, `${t(`metric.${e.metric}`)} ${e.delta > 0 ? '▲' : '▼'} ${fmt.delta(e.delta)}`),
                reason(e.metric) ? ` — ${reason(e.metric)}` : '',
              ),
            ),
          ),
      sourceList(ui.bundle, [...new Set(outcome.changes.flatMap((e) => e.sources))]) ?? h('span'),
      button(ended ? t('outcome.toEnding') : t('outcome.nextYear', { year: c.scenario.years.start + yearsOfTurn(c, ctx.turn).first - 1 }), () => ui.send({ type: 'outcome.continue' }), {
        class: 'primary',
        'data-action': 'continue',
      }),
    ],
    ...cityStage(game, outcome.changes, null, values),
  };
}

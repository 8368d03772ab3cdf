// The ending: what became of the city, whether the record bears it out, and
// the way into the debrief.
import type { GameState } from '../../app/game.ts';
import { t } from '../../text/i18n.ts';
import { button, h } from '../dom.ts';
import { measuresBar } from '../measures.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { sourceList, text, tip } from '../widgets.ts';
import { cityStage, deltasOf } from '../city-view.ts';

export const TONE_ICON = { good: '●', mixed: '◐', bad: '○' } as const;

export function endingOf(game: GameState) {
  const id = game.snapshot.context.ending;
  return game.compiled.scenario.endings.find((e) => e.id === id)!;
}

export function toneLine(tone: 'good' | 'mixed' | 'bad'): HTMLElement {
  return h('p', { class: `tone tone-${tone}` }, h('span', { 'aria-hidden': 'true' }, `${TONE_ICON[tone]} `), t(`ending.tone.${tone}`));
}

export function endingScreen(ui: UiContext, game: GameState, fresh: Parameters<typeof deltasOf>[0]): Screen {
  const ending = endingOf(game);
  const s = game.compiled.scenario;
  return {
    name: 'ending',
    body: [
      measuresBar(ui, game.snapshot.context.metrics, s.fiscal.unsustainableDebtUsdM, { deltas: deltasOf(fresh) }),
      h('p', { class: 'step' }, t('ending.title')),
      text('h1', ending.title, { tabindex: '-1' }),
      toneLine(ending.tone),
      ending.hypothetical ? h('p', { class: 'hypothetical' }, h('span', { 'aria-hidden': 'true' }, '◇ '), t('ending.hypothetical')) : h('span'),
      text('p', ending.text, { class: 'lede' }),
      tip(ui.settings.tips, 'ending', () => ui.send({ type: 'settings.update', patch: { tips: false } })) ?? h('span'),
      sourceList(ui.bundle, ending.sources) ?? h('span'),
      button(t('ending.toDebrief'), () => ui.send({ type: 'debrief.open' }), { class: 'primary', 'data-action': 'debrief' }),
    ],
    ...cityStage(game, fresh, ending.tone),
  };
}

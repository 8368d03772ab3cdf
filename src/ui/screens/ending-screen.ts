import { t } from '../../app/i18n.ts';
import type { GameSession } from '../../app/session.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { meters, sourceList, text, tip } from '../widgets.ts';
import { cityStage, deltasOf } from './city-stage.ts';

export const TONE_ICON = { good: '●', mixed: '◐', bad: '○' } as const;

export function endingOf(session: GameSession) {
  const id = session.snapshot.context.ending;
  return session.compiled.scenario.endings.find((e) => e.id === id)!;
}

export function endingScreen(ui: UiContext, session: GameSession, fresh: Parameters<typeof deltasOf>[0]): Screen {
  const ending = endingOf(session);
  const s = session.compiled.scenario;
  return {
    name: 'ending',
    body: [
      h('p', { class: 'step' }, t('ending.title')),
      text('h1', ending.title, { tabindex: '-1' }),
      h('p', { class: `tone tone-${ending.tone}` }, h('span', { 'aria-hidden': 'true' }, `${TONE_ICON[ending.tone]} `), t(`ending.tone.${ending.tone}`)),
      ending.hypothetical ? h('p', { class: 'hypothetical' }, h('span', { 'aria-hidden': 'true' }, '◇ '), t('ending.hypothetical')) : h('span'),
      text('p', ending.text, { class: 'lede' }),
      tip(ui.settings.tips, 'ending', () => ui.updateSettings({ tips: false })) ?? h('span'),
      sourceList(ui.bundle, ending.sources) ?? h('span'),
      meters(session.snapshot.context.metrics, deltasOf(fresh), s.fiscal.unsustainableDebtUsdM, (m) => ui.openPanel('rules', m)),
      button(t('ending.toDebrief'), () => ui.goDebrief(), { class: 'primary', 'data-action': 'debrief' }),
    ],
    ...cityStage(session, fresh, ending.tone),
  };
}

import { fmt, t } from '../../text/i18n.ts';
import type { GameState } from '../../app/game.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { plain, sourceList, text, tip } from '../widgets.ts';
import { cityStage } from '../city-view.ts';

export function briefingScreen(ui: UiContext, game: GameState): Screen {
  const s = game.compiled.scenario;
  const place = s.place.city ? `${plain(s.place.city)}, ${t(`map.country.${s.place.country.toLowerCase()}`)}` : t(`map.country.${s.place.country.toLowerCase()}`);
  return {
    name: 'briefing',
    body: [
      text('h1', s.title, { tabindex: '-1' }),
      h('p', { class: 'meta' }, t('briefing.meta', { place, years: fmt.years(s.years.start, s.years.end), seed: game.seed })),
      tip(ui.settings.tips, 'briefing', () => ui.send({ type: 'settings.update', patch: { tips: false } })),
      text('p', s.briefing.text, { class: 'lede' }),
      sourceList(ui.bundle, s.briefing.sources),
      h('h2', {}, t('briefing.advisors')),
      h(
        'ul',
        { class: 'advisors' },
        ...s.advisors.map((a) =>
          h(
            'li',
            { class: `advisor advisor-${a.role}` },
            h('span', { class: 'advisor-badge', 'aria-hidden': 'true' }, plain(a.name).slice(0, 1)),
            h('div', {}, h('strong', {}, plain(a.name)), h('span', { class: 'meta' }, ` — ${t(`briefing.role.${a.role}`)}`), text('p', a.view), sourceList(ui.bundle, a.sources)),
          ),
        ),
      ),
      h('p', { class: 'note' }, t('briefing.fictionalAdvisors')),
      s.assumptions.length
        ? h(
            'details',
            { class: 'assumptions' },
            h('summary', {}, t('briefing.assumptions')),
            h('p', {}, t('briefing.assumptionsIntro')),
            h('ul', {}, ...s.assumptions.map((a) => h('li', {}, text('strong', a.text), ' ', text('span', a.reasoning)))),
          )
        : null,
      button(t('briefing.begin'), () => ui.send({ type: 'game.move', move: { type: 'briefing.start' } }), { class: 'primary', 'data-action': 'begin' }),
    ].filter((n): n is HTMLElement => n !== null),
    ...cityStage(game),
  };
}

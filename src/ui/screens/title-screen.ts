import { currentLanguage, LANGUAGES, languageName, t } from '../../text/i18n.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { plain } from '../widgets.ts';

export function titleScreen(ui: UiContext, notices: readonly string[]): Screen {
  const resumable = ui.app.resumable;
  const scenario = resumable ? ui.catalog.find((s) => s.id === resumable.scenario) : undefined;
  const actions = h(
    'ul',
    { class: 'menu', 'data-arrow-group': '' },
    resumable && scenario
      ? h(
          'li',
          {},
          button(
            resumable.turn > 0
              ? t('title.continue', { scenario: plain(scenario.title), turn: resumable.turn })
              : t('title.continueStart', { scenario: plain(scenario.title) }),
            () => ui.send({ type: 'save.resume' }),
            { class: 'primary', 'data-action': 'continue' },
          ),
        )
      : null,
    h('li', {}, button(t('title.play'), () => ui.send({ type: 'nav.map' }), { class: resumable ? undefined : 'primary', 'data-action': 'play' })),
    h(
      'li',
      {},
      button(t('title.classroom'), () => {
        ui.send({ type: 'settings.update', patch: { classroom: true } });
        ui.send({ type: 'nav.map' });
      }, { 'data-action': 'classroom' }),
    ),
    h('li', {}, button(t('title.workshop'), () => ui.send({ type: 'nav.workshop' }), { 'data-action': 'workshop' })),
    h('li', {}, button(t('title.casebook'), () => ui.send({ type: 'panel.open', panel: 'casebook' }), { 'data-action': 'casebook' })),
    h('li', {}, button(t('nav.endings'), () => ui.send({ type: 'panel.open', panel: 'endings' }), { 'data-action': 'endings' })),
    h('li', {}, button(t('nav.guide'), () => ui.send({ type: 'nav.guide' }), { 'data-action': 'guide' })),
    h('li', {}, button(t('nav.sources'), () => ui.send({ type: 'nav.sources' }), { 'data-action': 'sources' })),
    h('li', {}, button(t('title.settings'), () => ui.send({ type: 'panel.open', panel: 'settings' }), { 'data-action': 'settings' })),
  );
  return {
    name: 'title',
    body: [
      h('h1', { tabindex: '-1', class: 'game-title' }, t('app.name')),
      h('p', { class: 'lede' }, t('app.tagline')),
      ...notices.map((n) => h('p', { class: 'notice', role: 'alert' }, n)),
      actions,
      h(
        'p',
        { class: 'languages' },
        ...LANGUAGES.filter((l) => l !== currentLanguage()).map((l) =>
          button(languageName(l), () => ui.send({ type: 'settings.update', patch: { lang: l } }), { lang: l, 'data-action': `lang-${l}` }),
        ),
      ),
      h('p', { class: 'note' }, t('title.classroomNote')),
      h('p', { class: 'note credits' }, t('title.credits')),
    ],
    stage: { scene: 'title' },
    stageDescription: t('stage.title'),
  };
}

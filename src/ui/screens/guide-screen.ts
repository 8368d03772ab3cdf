// The teacher and facilitator guide as a page of its own: a table of
// contents that links to each section, and a print button for one clean
// printout (the print stylesheet leaves only the guide).
import { t } from '../../text/i18n.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { guideBody } from '../render-guide.ts';

export function guideScreen(ui: UiContext): Screen {
  const guide = ui.app.guide;
  const body = guide ? guideBody(guide.text, guide.lang) : null;
  const contents: HTMLElement[] = [];
  if (body) {
    body.querySelectorAll<HTMLElement>('h2, h3').forEach((heading, i) => {
      if (!heading.id) heading.id = `guide-${i + 1}`;
      const link = h('a', { href: `#${heading.id}` }, heading.textContent ?? '');
      contents.push(h('li', { class: heading.tagName === 'H3' ? 'toc-sub' : 'toc-main' }, link));
    });
  }
  const actions = h(
    'div',
    { class: 'actions guide-actions' },
    button(t('nav.back'), () => ui.send({ type: 'nav.title' }), { 'data-action': 'back' }),
    button(t('guide.print'), () => ui.send({ type: 'page.print' }), { class: 'primary', 'data-action': 'print-guide' }),
  );
  return {
    name: 'guide',
    body: [
      h('h1', { tabindex: '-1' }, t('nav.guide')),
      guide && guide.lang !== guide.requested ? h('p', { class: 'meta', lang: guide.requested }, t('nav.guideLanguage')) : null,
      actions,
      body ? h('nav', { class: 'toc', 'aria-label': t('guide.contents') }, h('h2', {}, t('guide.contents')), h('ol', {}, ...contents)) : h('p', { class: 'meta' }, t('boot.title')),
      body ? h('article', { class: 'guide', lang: guide!.lang }, body) : null,
    ].filter((n): n is HTMLElement => n !== null),
    stage: { scene: 'title' },
    stageDescription: t('stage.title'),
  };
}

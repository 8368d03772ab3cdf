// About the sources: the five documents — who wrote each, when, what kind of
// document it is, its angle — then where they disagree, the known errors a
// teacher should mention, and context. Anything the project adds from outside
// the five documents is labelled as such.
import type { ContentBundle, LocalizedText } from '../../engine/index.ts';
import { t } from '../../text/i18n.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { sourceList, text } from '../widgets.ts';
import { disclose } from '../disclose.ts';

function outside(value: LocalizedText | undefined): HTMLElement | null {
  if (!value) return null;
  return h('p', { class: 'outside' }, h('strong', {}, `${t('aboutSources.outsideLabel')}: `), text('span', value));
}

export function sourcesScreen(ui: UiContext, bundle: ContentBundle): Screen {
  const { sources, notes, facts } = bundle.registry;
  return {
    name: 'sources',
    body: [
      h('h1', { tabindex: '-1' }, t('nav.sources')),
      h('p', { class: 'lede' }, t('aboutSources.intro')),
      h(
        'ol',
        { class: 'documents' },
        ...sources.map((s) =>
          h(
            'li',
            { class: 'document', id: `source-${s.id}` },
            h('h2', {}, `${s.id}: `, h('cite', { lang: 'en' }, s.title)),
            h('p', { class: 'meta' }, s.kind ? text('span', s.kind) : null, ' · ', t('aboutSources.published', { date: s.published }), ' · ', h('span', { lang: 'en' }, s.author)),
            s.about ? text('p', s.about) : null,
            s.publishedEstimate ? disclose(ui, `sources:estimate:${s.id}`, t('aboutSources.estimated'), text('p', s.publishedEstimate)) : null,
            outside(s.outside),
            h('p', { class: 'meta' }, t('aboutSources.facts', { count: facts.filter((f) => f.source === s.id).length })),
          ),
        ),
      ),
      h('h2', {}, t('aboutSources.notes')),
      h(
        'ul',
        { class: 'source-notes' },
        ...notes.map((n) =>
          h('li', { class: `note-${n.kind}` }, h('h3', {}, `${t(`aboutSources.kind.${n.kind}`)}: `, text('span', n.title)), text('p', n.text), outside(n.outside), sourceList(bundle, n.sources)),
        ),
      ),
      h('div', { class: 'actions' }, button(t('nav.back'), () => ui.send({ type: 'nav.title' }), { 'data-action': 'back' })),
    ],
    stage: { scene: 'title' },
    stageDescription: t('stage.title'),
  };
}

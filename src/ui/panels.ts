// The panels that open over any screen in a modal <dialog>: settings, the
// glossary, the casebook, and the rules behind a measure.
import type { CompiledScenario, ContentBundle, MetricId, Scenario } from '../engine/index.ts';
import { LANGUAGES, languageName, t } from '../text/i18n.ts';
import type { KeptSave } from '../app/save-store.ts';
import { TEXT_SCALES, type Settings } from '../app/settings.ts';
import { button, h } from './dom.ts';
import { plain, rulesFor, sourceList, text } from './widgets.ts';
import { scenarioMovers } from './model-text.ts';

export interface PanelActions {
  update(patch: Partial<Settings>): void;
  forgetSave(): void;
  hasSave: boolean;
  /** Copies of saved games kept in this browser, each with a download. */
  kept: readonly KeptSave[];
  downloadKept(key: string): void;
  scenarioTitle(id: string | null): string;
}

/** The kept copies, newest first: when, which scenario, why, and a download. */
function keptList(actions: PanelActions): HTMLElement | null {
  if (actions.kept.length === 0) return null;
  return h(
    'details',
    { class: 'kept-saves' },
    h('summary', {}, t('settings.kept', { count: actions.kept.length })),
    h('p', { class: 'meta' }, t('settings.keptIntro')),
    h(
      'ul',
      {},
      ...actions.kept.map((k) =>
        h(
          'li',
          {},
          `${k.at ? new Date(k.at).toLocaleString() : t('settings.keptUndated')} — ${actions.scenarioTitle(k.scenarioId)}${k.reason ? `: ${k.reason}` : ''} `,
          button(t('settings.keptDownload'), () => actions.downloadKept(k.key), { 'data-action': 'download-kept', 'data-kept': k.key }),
        ),
      ),
    ),
  );
}

/** A labelled control; its id is its name, so a redraw finds the same control (and keeps focus on it). */
function field(name: string, label: string, control: HTMLElement): HTMLElement {
  const id = `field-${name}`;
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function slider(value: number, onChange: (v: number) => void): HTMLInputElement {
  const input = h('input', { type: 'range', min: '0', max: '100', step: '5', value: String(Math.round(value * 100)) });
  input.addEventListener('change', () => onChange(Number(input.value) / 100));
  return input;
}

function checkbox(checked: boolean, onChange: (v: boolean) => void): HTMLInputElement {
  const input = h('input', { type: 'checkbox', checked });
  input.addEventListener('change', () => onChange(input.checked));
  return input;
}

function select<T extends string | number>(options: readonly { value: T; label: string }[], current: T, onChange: (v: T) => void): HTMLSelectElement {
  const el = h('select', {}, ...options.map((o) => h('option', { value: String(o.value), selected: o.value === current }, o.label)));
  el.addEventListener('change', () => onChange(options[el.selectedIndex]!.value));
  return el;
}

export function settingsPanel(settings: Settings, actions: PanelActions): HTMLElement {
  const status = h('p', { class: 'meta', role: 'status' }, t('settings.saved'));
  return h(
    'section',
    { class: 'panel panel-settings' },
    h('h2', { tabindex: '-1' }, t('settings.title')),
    field('language', t('settings.language'), select(LANGUAGES.map((l) => ({ value: l, label: languageName(l) })), settings.lang, (lang) => actions.update({ lang }))),
    field('music', t('settings.music'), slider(settings.music, (music) => actions.update({ music }))),
    field('effects', t('settings.effects'), slider(settings.effects, (effects) => actions.update({ effects }))),
    field('mute', t('settings.mute'), checkbox(settings.muted, (muted) => actions.update({ muted }))),
    field('captions', t('settings.captions'), checkbox(settings.captions, (captions) => actions.update({ captions }))),
    field(
      'reducedMotion',
      t('settings.reducedMotion'),
      select(
        (['system', 'on', 'off'] as const).map((v) => ({ value: v, label: t(`settings.motion.${v}`) })),
        settings.reducedMotion,
        (reducedMotion) => actions.update({ reducedMotion }),
      ),
    ),
    field('textSize', t('settings.textSize'), select(TEXT_SCALES.map((v) => ({ value: v, label: `${Math.round(v * 100)}%` })), settings.textScale, (textScale) => actions.update({ textScale }))),
    field('classroom', t('settings.classroom'), checkbox(settings.classroom, (classroom) => actions.update({ classroom }))),
    field('stage', t('settings.stage'), checkbox(settings.stage, (stage) => actions.update({ stage }))),
    actions.hasSave
      ? button(t('settings.reset'), () => {
          actions.forgetSave();
          status.textContent = t('settings.resetDone');
        }, { 'data-action': 'forget-save' })
      : null,
    keptList(actions),
    status,
  );
}

export function glossaryPanel(bundle: ContentBundle, focus?: string): HTMLElement {
  const byId = new Map(bundle.glossary.terms.map((term) => [term.id, term]));
  const terms = [...bundle.glossary.terms].sort((a, b) => plain(a.term).localeCompare(plain(b.term)));
  return h(
    'section',
    { class: 'panel panel-glossary' },
    h('h2', { tabindex: '-1' }, t('glossary.title')),
    h('p', {}, t('glossary.intro')),
    h(
      'dl',
      { class: 'glossary' },
      ...terms.flatMap((term) => [
        h('dt', { id: `term-${term.id}`, tabindex: term.id === focus ? '-1' : undefined, class: term.id === focus ? 'is-asked' : undefined }, plain(term.term)),
        h(
          'dd',
          {},
          text('p', term.definition),
          term.see.length ? h('p', { class: 'meta' }, t('glossary.related', { terms: term.see.map((id) => plain(byId.get(id)?.term)).join(', ') })) : null,
          sourceList(bundle, term.sources),
        ),
      ]),
    ),
  );
}

export function casebookPanel(bundle: ContentBundle): HTMLElement {
  const list = h('ul', { class: 'facts' });
  const count = h('p', { class: 'meta', role: 'status' });
  const filter = h('input', { type: 'search' });
  const render = () => {
    const q = filter.value.trim().toLowerCase();
    const facts = bundle.registry.facts.filter((f) => !q || `${f.id} ${f.place} ${f.year} ${f.text} ${f.tags.join(' ')}`.toLowerCase().includes(q));
    list.replaceChildren(
      ...facts.slice(0, 300).map((f) =>
        h('li', { lang: 'en' }, h('strong', {}, `${f.id} · ${f.place} · ${f.year} · ${f.source}`), h('p', {}, f.text), h('p', { class: 'meta' }, t('casebook.evidence', { quote: f.evidence }))),
      ),
    );
    count.textContent = t('casebook.shown', { count: Math.min(300, facts.length) });
  };
  filter.addEventListener('input', render);
  render();
  return h(
    'section',
    { class: 'panel panel-casebook' },
    h('h2', { tabindex: '-1' }, t('casebook.title')),
    h('p', {}, t('casebook.intro')),
    h('h3', {}, t('casebook.documents')),
    h(
      'ul',
      { class: 'documents' },
      ...bundle.registry.sources.map((s) => h('li', { lang: 'en' }, t('sources.document', { id: s.id, title: s.title, author: s.author, date: s.date }))),
    ),
    h('h3', {}, t('casebook.facts', { count: bundle.registry.facts.length })),
    field('filter', t('casebook.filter'), filter),
    count,
    list,
  );
}

/** The rules behind a measure: the model's own, then (in a game) what this scenario's choices and events do to it. */
export function rulesPanel(bundle: ContentBundle, metric: MetricId, scenario?: CompiledScenario): HTMLElement {
  const rules = rulesFor(bundle, metric);
  if (scenario) rules.append(...scenarioMovers(bundle, scenario, metric));
  return h('div', { class: 'panel panel-rules' }, rules);
}

export { sourceList };

/** Which endings this browser has seen; unseen ones stay hidden (no spoilers). */
export function endingsPanel(scenarios: readonly Scenario[], seen: ReadonlySet<string>): HTMLElement {
  return h(
    'section',
    { class: 'panel panel-endings' },
    h('h2', { tabindex: '-1' }, t('endings.title')),
    h('p', {}, t('endings.intro')),
    ...scenarios.map((s) => {
      const count = s.endings.filter((e) => seen.has(`${s.id}:${e.id}`)).length;
      return h(
        'section',
        {},
        h('h3', {}, `${plain(s.title)} — ${t('endings.seen', { count, total: s.endings.length })}`),
        h(
          'ul',
          {},
          ...s.endings.map((e) =>
            seen.has(`${s.id}:${e.id}`)
              ? h('li', { 'data-ending': e.id }, h('strong', {}, plain(e.title)), ` — ${t(`ending.tone.${e.tone}`)}`)
              : h('li', { class: 'meta' }, t('endings.notSeen')),
          ),
        ),
      );
    }),
  );
}

export function pausePanel(onResume: () => void): HTMLElement {
  return h(
    'section',
    { class: 'panel panel-pause' },
    h('h2', { tabindex: '-1', class: 'paused' }, t('classroom.paused')),
    h('p', { class: 'lede' }, t('classroom.pausedHelp')),
    button(t('classroom.resume'), onResume, { class: 'primary', 'data-action': 'resume' }),
  );
}

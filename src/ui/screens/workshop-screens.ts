// Workshop and classroom sessions without a server: the facilitator's set-up
// (a game code), the team's join screen, and the comparison of results.
import { t, fmt } from '../../text/i18n.ts';
import { causeLabel } from '../../text/explain.ts';
import { MAX_TIMER_MINUTES, WORKSHOP_SEED_BITS } from '../../app/codes.ts';
import type { TeamResult } from '../../app/results.ts';
import { compileScenario, type Cause, type ContentBundle } from '../../engine/index.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { formatMetric, plain } from '../widgets.ts';
import type { ScenarioSummary } from '../../app/catalog.ts';
import { clearConfirm, deskStatus, learningGainView, readResultFiles } from '../desk-view.ts';

/** A labelled field; the id is the field's name, so a re-render finds the same field (and its focus). */
function labelled(name: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = `w-${name}`;
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('p', { class: 'meta' }, hint) : null);
}

export function workshopHub(ui: UiContext): Screen {
  return {
    name: 'workshop',
    body: [
      h('h1', { tabindex: '-1' }, t('workshop.title')),
      h('p', { class: 'lede' }, t('workshop.intro')),
      h(
        'ul',
        { class: 'menu', 'data-arrow-group': '' },
        h('li', {}, button(t('workshop.setup'), () => ui.send({ type: 'workshop.setup' }), { class: 'primary', 'data-action': 'setup' })),
        h('li', {}, button(t('workshop.join'), () => ui.send({ type: 'workshop.join' }), { 'data-action': 'join' })),
        h('li', {}, button(t('workshop.compare'), () => ui.send({ type: 'workshop.compare' }), { 'data-action': 'compare' })),
        h('li', {}, button(t('nav.guide'), () => ui.send({ type: 'nav.guide' }), { 'data-action': 'guide' })),
      ),
    ],
    stage: { scene: 'title' },
    stageDescription: t('stage.title'),
  };
}

export function setupScreen(ui: UiContext, catalog: readonly ScenarioSummary[]): Screen {
  const { setup: settings, code } = ui.app.workshop;
  const scenario = h('select', {}, ...catalog.map((s, i) => h('option', { value: String(i), selected: i === settings.scenarioIndex }, plain(s.title))));
  const seed = h('input', { type: 'number', min: '0', max: String(2 ** WORKSHOP_SEED_BITS - 1), value: String(settings.seed), inputmode: 'numeric' });
  const check = h('input', { type: 'checkbox', checked: settings.knowledgeCheck });
  const timer = h(
    'select',
    {},
    h('option', { value: '0', selected: settings.timerMinutes === 0 }, t('workshop.timerOff')),
    ...[1, 2, 3, 5, 10, MAX_TIMER_MINUTES].map((m) => h('option', { value: String(m), selected: settings.timerMinutes === m }, t('workshop.timerMinutes', { count: m }))),
  );
  const read = () => ({
    scenarioIndex: Number(scenario.value),
    seed: Math.min(2 ** WORKSHOP_SEED_BITS - 1, Math.max(0, Math.floor(Number(seed.value) || 0))),
    knowledgeCheck: check.checked,
    timerMinutes: Number(timer.value),
  });
  // The form is read when a button is pressed: a change event would redraw the page under the pointer mid-click.
  const link = code ? `${location.origin}${location.pathname}?join=${code}` : '';
  return {
    name: 'setup',
    body: [
      h('h1', { tabindex: '-1' }, t('workshop.setupTitle')),
      labelled('scenario', t('workshop.scenario'), scenario),
      labelled('seed', t('workshop.seed'), seed),
      button(t('workshop.newSeed'), () => ui.send({ type: 'setup.newSeed', settings: read() }), { 'data-action': 'new-seed' }),
      labelled('check', t('workshop.knowledgeCheck'), check),
      labelled('timer', t('workshop.timer'), timer),
      button(t('workshop.makeCode'), () => ui.send({ type: 'setup.makeCode', settings: read() }), { class: 'primary', 'data-action': 'make-code' }),
      h(
        'section',
        { class: 'session-code', 'aria-live': 'polite' },
        ...(code
          ? [
              h('h2', {}, t('workshop.sessionCode')),
              h('p', { class: 'big-code', 'data-session-code': code }, code),
              h('p', {}, t('workshop.codeHelp')),
              h('p', { class: 'join-link' }, h('a', { href: link }, link)),
            ]
          : []),
      ),
    ],
    stage: { scene: 'title' },
    stageDescription: t('stage.title'),
  };
}

export function joinScreen(ui: UiContext): Screen {
  const { code, problem } = ui.app.workshop.join;
  const codeInput = h('input', { type: 'text', value: code, autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters', maxlength: '16' });
  const team = h('input', { type: 'text', maxlength: '40', autocomplete: 'off', placeholder: t('workshop.teamPlaceholder') });
  // How many share this device: the learning gain counts players, not devices (left empty: one, and the facilitator is told).
  const players = h('input', { type: 'number', min: '1', max: '16', inputmode: 'numeric', placeholder: '1' });
  return {
    name: 'join',
    body: [
      h('h1', { tabindex: '-1' }, t('workshop.joinTitle')),
      labelled('code', t('workshop.code'), codeInput),
      labelled('team', t('workshop.team'), team),
      labelled('players', t('desk.players'), players),
      h('p', { class: problem ? 'notice' : 'meta', role: problem ? 'alert' : 'status' }, problem ?? ''),
      button(t('workshop.start'), () => ui.send({ type: 'join.start', code: codeInput.value, team: team.value, players: players.value ? Number(players.value) : undefined }), { class: 'primary', 'data-action': 'join-start' }),
    ],
    stage: { scene: 'title' },
    stageDescription: t('stage.title'),
  };
}

export function compareScreen(ui: UiContext): Screen {
  const { results, problems, bundles } = ui.app.workshop;
  const bundleFor = (scenarioId: string): ContentBundle | null => bundles[scenarioId] ?? null;
  const codes = h('textarea', { rows: '5', spellcheck: 'false' });
  const files = h('input', { type: 'file', accept: '.json,application/json', multiple: true });
  const body: (Node | null)[] = [
    h('h1', { tabindex: '-1' }, t('workshop.compareTitle')),
    labelled('codes', t('workshop.pasteLabel'), codes),
    labelled('files', t('workshop.fileLabel'), files),
    button(t('workshop.import'), async () => ui.send({ type: 'results.import', codes: codes.value, files: await readResultFiles(files.files) }), { class: 'primary', 'data-action': 'import' }),
    deskStatus(ui),
    ...problems.map((p) => h('p', { class: 'notice', role: 'alert' }, p)),
  ];
  if (results.length === 0) {
    body.push(h('p', { class: 'meta' }, t('workshop.noResults')));
  } else {
    const first = results[0]!;
    const bundle = bundleFor(first.scenarioId);
    const scenario = bundle?.scenarios.find((s) => s.id === first.scenarioId);
    const endingOf = (r: TeamResult) => {
      const e = bundleFor(r.scenarioId)?.scenarios.find((s) => s.id === r.scenarioId)?.endings.find((x) => x.id === r.ending);
      return e ? `${plain(e.title)} (${t(`ending.tone.${e.tone}`)})` : r.ending;
    };
    const choiceText = (r: TeamResult) => {
      const sc = bundleFor(r.scenarioId)?.scenarios.find((s) => s.id === r.scenarioId);
      return (sc?.decisions ?? [])
        .map((d) => `${plain(d.title)}: ${(r.choices[d.id] ?? []).map((id) => plain(d.options.find((o) => o.id === id)?.label)).join(', ') || t('decision.none')}`)
        .join('; ');
    };
    const max = { debt: Math.max(1, ...results.map((r) => r.metrics.debt)), dataExposure: 100, backlash: 100 };
    const bar = (metric: 'debt' | 'dataExposure' | 'backlash', value: number) => {
      const fill = h('span', { class: `chart-fill chart-${metric}` });
      fill.style.setProperty('--share', String(Math.min(1, value / max[metric])));
      return h('div', { class: 'chart-row' }, h('span', { class: 'chart-label' }, t(`metric.${metric}`)), h('span', { class: 'chart-track' }, fill), h('span', { class: 'chart-value' }, formatMetric(metric, value)));
    };
    body.push(
      h('p', { class: 'meta', role: 'status' }, t('workshop.imported', { count: results.length })),
      h(
        'div',
        { class: 'actions' },
        button(t('workshop.csv'), () => ui.send({ type: 'results.csv' }), { 'data-action': 'csv' }),
        button(t('workshop.print'), () => ui.send({ type: 'page.print' }), { 'data-action': 'print' }),
        button(t('workshop.clear'), () => ui.send({ type: 'results.clear' }), { 'data-action': 'clear' }),
      ),
      clearConfirm(ui),
      h(
        'table',
        { class: 'paths side-by-side' },
        h('caption', {}, t('workshop.sideBySide')),
        h(
          'thead',
          {},
          h('tr', {}, ...[t('workshop.team'), t('workshop.ending'), t('metric.debt'), t('metric.dataExposure'), t('metric.backlash')].map((c) => h('th', { scope: 'col' }, c))),
        ),
        h(
          'tbody',
          {},
          ...results.map((r) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, r.team),
              h('td', {}, endingOf(r)),
              h('td', {}, formatMetric('debt', r.metrics.debt)),
              h('td', {}, formatMetric('dataExposure', r.metrics.dataExposure)),
              h('td', {}, formatMetric('backlash', r.metrics.backlash)),
            ),
          ),
        ),
      ),
      scenario ? h('h2', {}, `${plain(scenario.title)} · ${t('briefing.meta', { place: plain(scenario.place.city) || t(`map.country.${scenario.place.country.toLowerCase()}`), years: fmt.years(scenario.years.start, scenario.years.end), seed: first.seed })}`) : null,
      h(
        'div',
        { class: 'team-grid' },
        ...results.map((r) =>
          h(
            'article',
            { class: 'team-card', 'data-team': r.team },
            h('h3', {}, r.team),
            r.scenarioId !== first.scenarioId || r.seed !== first.seed ? h('p', { class: 'notice' }, t('workshop.differentScenario')) : null,
            h('p', {}, h('strong', {}, `${t('workshop.ending')}: `), endingOf(r)),
            h('div', { class: 'chart', role: 'group', 'aria-label': t('workshop.measures') }, bar('debt', r.metrics.debt), bar('dataExposure', r.metrics.dataExposure), bar('backlash', r.metrics.backlash)),
            h('p', { class: 'meta' }, h('strong', {}, `${t('workshop.choices')}: `), choiceText(r)),
            h(
              'div',
              {},
              h('strong', {}, t('workshop.keyCauses')),
              h('ul', { class: 'changes' }, ...r.keyCauses.map((c) => h('li', {}, `${t(`metric.${c.metric}`)} ${fmt.delta(c.delta)} — ${labelFor(bundleFor(r.scenarioId), r.scenarioId, c.cause)}`))),
            ),
          ),
        ),
      ),
    );
    body.push(learningGainView(ui));
  }
  return { name: 'compare', body: body.filter((n): n is Node => n !== null), stage: { scene: 'title' }, stageDescription: t('stage.title') };
}

// Compiled once per scenario: a desk of hundreds of teams would otherwise compile it for every cause of every card.
const compiledFor = new WeakMap<object, ReturnType<typeof compileScenario>>();

function labelFor(bundle: ContentBundle | null, scenarioId: string, cause: Cause): string {
  const scenario = bundle?.scenarios.find((s) => s.id === scenarioId);
  if (!bundle || !scenario) return cause.kind;
  let c = compiledFor.get(scenario);
  if (!c) compiledFor.set(scenario, (c = compileScenario(scenario, bundle.shared)));
  return causeLabel(c, cause);
}

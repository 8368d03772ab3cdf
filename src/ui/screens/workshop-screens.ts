// Workshop and classroom sessions without a server: the facilitator's set-up
// (a game code) and the team's join screen. The comparison of results is in
// compare-screen.ts, in its own chunk.
import { t } from '../../text/i18n.ts';
import { MAX_PLAYERS, MAX_TIMER_MINUTES, WORKSHOP_SEED_BITS } from '../../app/codes.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { plain } from '../widgets.ts';
import type { ScenarioSummary } from '../../app/catalog.ts';

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
  const codeInput = h('input', { type: 'text', value: code, autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters', maxlength: '16', 'data-keep-typed': true });
  const team = h('input', { type: 'text', maxlength: '40', autocomplete: 'off', placeholder: t('workshop.teamPlaceholder'), 'data-keep-typed': true });
  // How many share this device: the learning gain counts players, not devices (left empty: one, and the facilitator is told).
  const players = h('input', { type: 'number', min: '1', max: String(MAX_PLAYERS), inputmode: 'numeric', placeholder: '1', 'data-keep-typed': true });
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

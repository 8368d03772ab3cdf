// The facilitator's compare screen, in its own chunk (loaded when the screen
// is first opened): the session clock and who has handed in, the import of
// result codes and files, every team's ending and six measures beside the
// real government's path, the event card each drew per year, what made the
// difference, the debrief questions, one card per team (with its one-page
// handout) and the learning gain per question. Its strings are the
// facilitator's locale files (src/text/locales/desk/); its styles come with it (compare.css).
import './compare.css';
import '../../text/desk-locales.ts';
import { currentLanguage, t, fmt } from '../../text/i18n.ts';
import { CLOCK_PHASES, type ClockPhase } from '../../app/facilitator-clock.ts';
import { encodeSession } from '../../app/codes.ts';
import { sessionOfResult } from '../../app/result-codes.ts';
import type { TeamResult } from '../../app/results.ts';
import { METRIC_IDS } from '../../engine/metric-ids.ts';
import { cardVersion } from '../../engine/variants.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { formatMetric, plain } from '../widgets.ts';
import { useCompare } from '../render-compare.ts';
import { clearConfirm, deskStatus, learningGainView, readResultFiles } from '../desk-view.ts';
import { signedPp } from '../../app/learning-gain.ts';
import { comparisonFor, MAX_COMPARED, differencePanel, endingText, handoutScreen, promptList, teamCard, type View } from './compare-parts.ts';

function labelled(name: string, label: string, control: HTMLElement): HTMLElement {
  control.id = `w-${name}`;
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

const CLOCK_MINUTES = [5, 10, 15, 20, 25, 30, 45, 60];

/** The clock (drawn each second by the shell from the app's deadline) and who has handed in. */
function facilitatorBar(ui: UiContext): HTMLElement {
  const { clock, expected } = ui.app.facilitator;
  const phase = h('select', {}, ...CLOCK_PHASES.map((p) => h('option', { value: p, selected: (clock?.phase ?? 'play') === p }, t(`compare.phases.${p}`))));
  const minutes = h('select', {}, ...CLOCK_MINUTES.map((m) => h('option', { value: String(m), selected: (clock?.minutes ?? 20) === m }, t('compare.minutesOption', { count: m }))));
  const count = h('input', { type: 'number', min: '0', max: '99', value: String(expected || ''), inputmode: 'numeric' });
  const teams = ui.app.workshop.results.map((r) => r.team);
  const missing = expected - teams.length;
  return h(
    'section',
    { class: 'facilitator-bar', 'aria-labelledby': 'clock-heading' },
    h(
      'div',
      { class: 'session-clock' },
      h('h2', { id: 'clock-heading' }, t('compare.clock')),
      h('p', { class: 'clock-phase' }, clock ? `${t(`compare.phases.${clock.phase}`)} · ${t(clock.pausedAt === null ? 'compare.running' : 'compare.paused')}` : t('compare.notStarted')),
      // The shell writes the time left here every second (role=timer: not announced at each tick).
      clock ? h('p', { class: 'timer clock-time', role: 'timer' }) : null,
      h(
        'div',
        { class: 'clock-controls' },
        labelled('phase', t('compare.phase'), phase),
        labelled('minutes', t('compare.minutes'), minutes),
        h(
          'div',
          { class: 'actions' },
          button(t('compare.start'), () => ui.send({ type: 'clock.start', phase: phase.value as ClockPhase, minutes: Number(minutes.value) }), { class: 'primary', 'data-action': 'clock-start' }),
          button(t('compare.pause'), () => ui.send({ type: 'clock.pause' }), { 'data-action': 'clock-pause', disabled: !clock || clock.pausedAt !== null }),
          button(t('compare.reset'), () => ui.send({ type: 'clock.reset' }), { 'data-action': 'clock-reset', disabled: !clock }),
        ),
      ),
    ),
    h(
      'div',
      { class: 'handed-in', 'aria-live': 'polite' },
      h('h2', {}, `${t('compare.handedIn')} (${expected > 0 ? `${teams.length}/${expected}` : teams.length})`),
      teams.length ? h('ul', { class: 'team-list' }, ...teams.map((name) => h('li', {}, name))) : h('p', { class: 'meta' }, t('compare.noneYet')),
      expected > 0 ? h('p', { class: missing > 0 ? 'missing' : 'meta' }, missing > 0 ? t('compare.missing', { count: missing }) : t('compare.allIn')) : null,
      h(
        'div',
        { class: 'expected-field' },
        labelled('expected', t('compare.expected'), count),
        button(t('compare.setExpected'), () => ui.send({ type: 'teams.expected', count: Number(count.value) }), { 'data-action': 'set-expected' }),
      ),
    ),
  );
}

function importForm(ui: UiContext): (Node | null)[] {
  const codes = h('textarea', { rows: '4', spellcheck: 'false', 'data-keep-typed': true });
  const files = h('input', { type: 'file', accept: '.json,application/json', multiple: true });
  return [
    labelled('codes', t('workshop.pasteLabel'), codes),
    labelled('files', t('workshop.fileLabel'), files),
    button(t('workshop.import'), async () => ui.send({ type: 'results.import', codes: codes.value, files: await readResultFiles(files.files) }), // Not before the results kept in this browser are back (an import then would be dropped), nor while one replays.
    { class: 'primary', 'data-action': 'import', disabled: !ui.app.workshop.loaded || ui.app.workshop.progress !== null }),
    deskStatus(ui),
    ...ui.app.workshop.problems.map((p) => h('p', { class: 'notice', role: 'alert' }, p)),
  ];
}

const th = (text: string, scope: 'col' | 'row' = 'col') => h('th', { scope }, text);

/** Endings and the six measures, one row per team; the real path in the table's foot. */
function measuresTable(v: View): HTMLElement {
  const row = (i: number) => {
    const r = v.rows[i]!;
    return h('tr', {}, th(r.historical ? t('compare.realPath') : r.team, 'row'), h('td', {}, endingText(v, r.ctx.ending)), ...METRIC_IDS.map((m) => h('td', {}, formatMetric(m, r.ctx.metrics[m]))));
  };
  const teams = v.rows.flatMap((r, i) => (r.historical ? [] : [i]));
  const real = v.rows.findIndex((r) => r.historical);
  return h(
    'div',
    // Wide tables scroll sideways on a phone; the region takes the keyboard focus so it can be scrolled without a pointer.
    { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': t('compare.measuresTable') },
    h(
      'table',
      { class: 'paths side-by-side' },
      h('caption', {}, t('compare.measuresTable')),
      h('thead', {}, h('tr', {}, th(t('workshop.team')), th(t('workshop.ending')), ...METRIC_IDS.map((m) => th(t(`metric.${m}`))))),
      h('tbody', {}, ...teams.map(row)),
      real >= 0 ? h('tfoot', {}, row(real)) : null,
    ),
  );
}

/** Rows teams, columns years: the card each met, in the version its choices selected; the session's substitute says so in words. */
function cardsTable(v: View): HTMLElement {
  const { c } = v;
  const years = Array.from({ length: c.turns }, (_, i) => c.scenario.years.start + i);
  const cell = (card: View['rows'][number]['cards'][number]) => {
    if (!card.played) return h('td', { class: 'card-none' }, t('compare.notPlayed'));
    if (!card.event) return h('td', { class: 'card-none' }, t('compare.quiet'));
    const event = c.eventById.get(card.event);
    const title = (event && plain(cardVersion(event, card.variant).headline)) || card.event;
    return h('td', { class: card.substitute ? 'card-substitute' : undefined, 'data-event': card.event }, card.substitute ? t('compare.substitute', { title }) : title);
  };
  return h(
    'div',
    { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': t('compare.cards') },
    h(
      'table',
      { class: 'paths cards-by-year' },
      h('caption', {}, t('compare.cards')),
      h('thead', {}, h('tr', {}, th(t('compare.team')), ...years.map((y) => th(String(y))))),
      h('tbody', {}, ...v.rows.map((r) => h('tr', { class: r.historical ? 'real-path' : undefined }, th(r.historical ? t('compare.realPath') : r.team, 'row'), ...r.cards.map(cell)))),
    ),
  );
}

/** The learning gain as the desk computed it (points over players; teams counted as one and those left out named), then per question. */
function knowledgeGain(ui: UiContext, v: View): (Node | null)[] {
  const { gain } = ui.app.workshop;
  if (!gain) return [];
  const question = new Map(v.c.scenario.knowledgeCheck.map((q) => [q.id, plain(q.question)]));
  const row = (label: string, before: number, after: number, pp: number) =>
    h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, fmt.percent(before)), h('td', {}, fmt.percent(after)), h('td', {}, signedPp(pp)));
  return [
    h('h2', {}, t('desk.table.knowledgeTitle')),
    learningGainView(ui),
    h(
      'div',
      { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': t('desk.table.knowledgeTitle') },
      h(
        'table',
        { class: 'paths knowledge-gain' },
        h('thead', {}, h('tr', {}, ...[t('desk.table.question'), t('desk.table.before'), t('desk.table.after'), t('desk.table.gain')].map((x) => th(x)))),
        h('tbody', {}, ...gain.questions.map((q) => row(question.get(q.id) ?? q.id, q.before, q.after, q.gainPp))),
        h('tfoot', {}, row(t('desk.table.allQuestions'), gain.before, gain.after, gain.gainPp)),
      ),
    ),
  ];
}

/** The session code the teams joined with, read back from a result code. */
function sessionCode(ui: UiContext, r: TeamResult): string {
  try {
    return encodeSession(sessionOfResult(r.code, ui.catalog.length));
  } catch {
    return '';
  }
}

export function compareScreen(ui: UiContext): Screen {
  const { results } = ui.app.workshop;
  const view = results.length ? comparisonFor(ui) : null;
  const handout = ui.app.facilitator.handout;
  const header = () => t('compare.printed', { date: new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'long' }).format(new Date(ui.app.facilitator.openedAt)), code: sessionCode(ui, results[0]!) });
  if (view && handout !== null && view.rows[handout]) return handoutScreen(ui, view, handout, header());
  const body: (Node | null)[] = [h('h1', { tabindex: '-1' }, t('workshop.compareTitle')), facilitatorBar(ui), ...importForm(ui)];
  if (!view) {
    body.push(h('p', { class: 'meta' }, results.length ? t('workshop.differentScenario') : t('workshop.noResults')));
  } else {
    const { c } = view;
    const first = results[0]!;
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
      h('p', { class: 'print-header' }, header()),
      h('h2', {}, `${plain(c.scenario.title)} · ${t('briefing.meta', { place: plain(c.scenario.place.city) || t(`map.country.${c.scenario.place.country.toLowerCase()}`), years: fmt.years(c.scenario.years.start, c.scenario.years.end), seed: first.seed })}`),
      results.some((r) => r.scenarioId !== first.scenarioId || r.seed !== first.seed) ? h('p', { class: 'notice' }, t('workshop.differentScenario')) : null,
      results.length > MAX_COMPARED ? h('p', { class: 'notice', 'data-compared': String(MAX_COMPARED) }, t('compare.firstTeams', { shown: MAX_COMPARED, count: results.length })) : null,
      measuresTable(view),
      h('p', { class: 'meta' }, t('compare.realPathNote')),
      cardsTable(view),
      h('p', { class: 'meta' }, t('compare.cardsNote')),
      ...differencePanel(ui, view),
      ...promptList(view, null),
      h('div', { class: 'team-grid' }, ...view.rows.map((_, i) => teamCard(ui, view, i))),
      ...knowledgeGain(ui, view),
    );
  }
  return { name: 'compare', body: body.filter((n): n is Node => n !== null), stage: { scene: 'title' }, stageDescription: t('stage.title') };
}

useCompare(compareScreen);

// Parts of the compare screen: the comparison computed once per set of
// results, what made the difference, the debrief questions, one card per
// team and the team's one-page handout. All text through textContent.
import { t, fmt } from '../../text/i18n.ts';
import { causeLabel } from '../../text/explain.ts';
import { decompose, discussionPrompts, pathRows, whatMadeTheDifference, type DifferenceLine, type MeasureDifference, type PathRow, type Prompt } from '../../app/comparison.ts';
import type { TeamResult } from '../../app/results.ts';
import { compileScenario, totalsByCause, versionMet, WORKSHOP_DECK, yearsOfTurn, type CompiledScenario, type GameContext, type MetricId } from '../../engine/index.ts';
import { button, h } from '../dom.ts';
import { disclose } from '../disclose.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { formatMetric, plain, text } from '../widgets.ts';

export interface View {
  c: CompiledScenario;
  rows: PathRow[];
  diffs: MeasureDifference[];
  prompts: Prompt[];
}

/**
 * Teams compared in detail (replayed for their cards and causes): a workshop
 * has a handful; a desk of hundreds would freeze the page for seconds. The
 * measures, the CSV and the learning gain cover every team.
 */
export const MAX_COMPARED = 24;

// Replaying every team is the costly part: once per set of results (the array is replaced on each import), not on every redraw.
const views = new WeakMap<readonly TeamResult[], View | null>();

/** The comparison of the imported teams on the first team's scenario and seed, or null when its content is not there. */
export function comparisonFor(ui: UiContext): View | null {
  const { results, bundles } = ui.app.workshop;
  if (views.has(results)) return views.get(results)!;
  let view: View | null = null;
  const bundle = bundles[results[0]?.scenarioId ?? ''];
  const scenario = bundle?.scenarios.find((s) => s.id === results[0]!.scenarioId);
  if (bundle && scenario) {
    try {
      const c = compileScenario(scenario, bundle.shared, 'full', WORKSHOP_DECK);
      const rows = pathRows(c, results.slice(0, MAX_COMPARED), ui.catalog.length);
      view = { c, rows, diffs: whatMadeTheDifference(c, rows), prompts: discussionPrompts(c, rows) };
    } catch {
      view = null;
    }
  }
  views.set(results, view);
  return view;
}

export const nameOf = (r: PathRow) => (r.historical ? t('compare.realPath') : r.team);

export function endingText(v: View, id: string | null): string {
  const e = v.c.scenario.endings.find((x) => x.id === id);
  return e ? `${plain(e.title)} (${t(`ending.tone.${e.tone}`)})` : (id ?? '');
}

const signed = (x: number) => fmt.delta(x, 1);

function picksFor(v: View, ctx: GameContext, line: DifferenceLine): string {
  if (line.about.kind === 'decision') {
    const options = v.c.options.get(line.about.decision);
    return (ctx.choices[line.about.decision] ?? []).map((id) => plain(options?.get(id)?.label)).join(', ') || t('compare.noPick');
  }
  const id = line.about.event;
  const event = v.c.eventById.get(id);
  const given = ctx.responses.find((r) => r.event === id);
  // The label of the answer in the version of the card this team met.
  return given && event ? plain(versionMet(event, ctx.cards, given.turn).responses.find((x) => x.id === given.response)?.label) : t('compare.noCard');
}

function aboutTitle(v: View, line: DifferenceLine): string {
  return line.about.kind === 'decision'
    ? plain(v.c.decisions.find((d) => d.id === (line.about as { decision: string }).decision)?.title)
    : plain(v.c.eventById.get(line.about.event)?.headline);
}

const OUTCOMES: readonly MetricId[] = ['debt', 'dataExposure', 'backlash'];

/** One measure: the best and worst team, the decisions and responses that separate them, and the rest of the gap. */
function measureBlock(v: View, d: MeasureDifference): HTMLElement {
  const best = v.rows[d.best]!;
  const worst = v.rows[d.worst]!;
  const rest = [
    d.events ? t('compare.restEvents', { delta: signed(d.events) }) : '',
    d.rules ? t('compare.restRules', { delta: signed(d.rules), rule: d.mainRule ? causeLabel(v.c, d.mainRule) : '' }) : '',
    d.others ? t('compare.restOthers', { delta: signed(d.others) }) : '',
  ].filter(Boolean);
  return h(
    'div',
    { class: 'difference-measure', 'data-metric': d.metric },
    h('h3', {}, t('compare.measureHead', { metric: t(`metric.${d.metric}`), best: nameOf(best), bestValue: formatMetric(d.metric, best.ctx.metrics[d.metric]), worst: nameOf(worst), worstValue: formatMetric(d.metric, worst.ctx.metrics[d.metric]) })),
    h(
      'ul',
      {},
      ...d.lines.map((line) =>
        h('li', {}, t('compare.line', { what: aboutTitle(v, line), best: nameOf(best), bestPick: picksFor(v, best.ctx, line), bestDelta: signed(line.best), worst: nameOf(worst), worstPick: picksFor(v, worst.ctx, line), worstDelta: signed(line.worst) })),
      ),
      rest.length ? h('li', { class: 'meta' }, t('compare.rest', { list: fmt.list(rest) })) : null,
    ),
  );
}

/** What made the difference: the three outcomes lead; the supporting measures open on request (a printed comparison opens them). */
export function differencePanel(ui: UiContext, v: View): Node[] {
  const level = (['debt', 'dataExposure', 'backlash', 'publicSafety', 'sovereignty', 'standing'] as MetricId[]).filter((m) => !v.diffs.some((d) => d.metric === m));
  const teams = v.rows.filter((r) => !r.historical).length;
  if (teams < 2) return [];
  const supporting = v.diffs.filter((d) => !OUTCOMES.includes(d.metric));
  return [
    h(
      'section',
      { class: 'difference', 'aria-labelledby': 'difference-heading' },
      h('h2', { id: 'difference-heading' }, t('compare.difference')),
      h('p', { class: 'meta' }, t('compare.differenceIntro')),
      ...v.diffs.filter((d) => OUTCOMES.includes(d.metric)).map((d) => measureBlock(v, d)),
      supporting.length ? disclose(ui, 'compare.supporting', t('compare.supporting'), h('div', {}, ...supporting.map((d) => measureBlock(v, d)))) : null,
      level.length ? h('p', { class: 'meta' }, t('compare.level', { list: fmt.list(level.map((m) => t(`metric.${m}`))) })) : null,
    ),
  ];
}

/** The scenario's questions, those about something a team did first; on a handout, those about this team or everyone. */
export function promptList(v: View, row: number | null): Node[] {
  const prompts = row === null ? v.prompts : v.prompts.filter((p) => p.because.length === 0 || p.because.some((b) => b.rows.includes(row)));
  if (prompts.length === 0) return [];
  return [
    h('h2', {}, t('compare.prompts')),
    h('p', { class: 'meta' }, t('compare.promptsIntro')),
    h(
      'ol',
      { class: 'discussion' },
      ...prompts.map((p) =>
        h(
          'li',
          {},
          text('p', p.question),
          p.because.length
            ? h('p', { class: 'meta' }, t('compare.because', { list: p.because.map((b) => t('compare.did', { what: causeLabel(v.c, b.cause), teams: fmt.list(b.rows.map((i) => nameOf(v.rows[i]!))) })).join('; ') }))
            : null,
        ),
      ),
    ),
  ];
}

function bar(metric: 'debt' | 'dataExposure' | 'backlash', value: number, max: number): HTMLElement {
  const fill = h('span', { class: `chart-fill chart-${metric}` });
  fill.style.setProperty('--share', String(Math.min(1, value / max)));
  return h('div', { class: 'chart-row' }, h('span', { class: 'chart-label' }, t(`metric.${metric}`)), h('span', { class: 'chart-value' }, formatMetric(metric, value)), h('span', { class: 'chart-track' }, fill));
}

function decompositionTable(v: View, r: PathRow): HTMLElement {
  const cell = (x: number) => h('td', {}, fmt.number(x, 1));
  const part = (x: number) => h('td', {}, x === 0 ? '0' : signed(x));
  return h(
    'table',
    { class: 'paths decomposition' },
    h('caption', {}, t('compare.decomposition', { team: nameOf(r) })),
    h('thead', {}, h('tr', {}, ...['measure', 'start', 'decisions', 'events', 'rules', 'final'].map((k) => h('th', { scope: 'col' }, t(`compare.${k}`))))),
    h('tbody', {}, ...decompose(v.c, r.ctx).map((d) => h('tr', {}, h('th', { scope: 'row' }, t(`metric.short.${d.metric}`)), cell(d.start), part(d.decisions), part(d.events), part(d.rules), cell(d.final)))),
  );
}

function pathLists(v: View, r: PathRow): Node[] {
  const year = (turn: number) => String(v.c.scenario.years.start + yearsOfTurn(v.c, turn).first - 1);
  return [
    h('h4', {}, t('compare.choices')),
    h(
      'dl',
      { class: 'team-choices' },
      ...v.c.decisions.flatMap((d) => [h('dt', {}, plain(d.title)), h('dd', {}, (r.ctx.choices[d.id] ?? []).map((id) => plain(v.c.options.get(d.id)?.get(id)?.label)).join(', ') || t('decision.none'))]),
    ),
    h('h4', {}, t('compare.responses')),
    r.ctx.responses.length
      ? h(
          'ul',
          { class: 'team-responses' },
          ...r.ctx.responses.map((x) => {
            const base = v.c.eventById.get(x.event);
            const event = base && versionMet(base, r.ctx.cards, x.turn);
            return h('li', {}, t('compare.response', { year: year(x.turn), event: plain(event?.headline), response: plain(event?.responses.find((y) => y.id === x.response)?.label) }));
          }),
        )
      : h('p', { class: 'meta' }, t('compare.noResponses')),
  ];
}

export function teamCard(ui: UiContext, v: View, i: number): HTMLElement {
  const r = v.rows[i]!;
  const max = Math.max(1, ...v.rows.map((x) => x.ctx.metrics.debt));
  return h(
    'article',
    r.historical ? { class: 'team-card real-path', 'data-path': 'real' } : { class: 'team-card', 'data-team': r.team },
    h('h3', {}, nameOf(r)),
    h('p', {}, h('strong', {}, `${t('workshop.ending')}: `), endingText(v, r.ctx.ending)),
    h('div', { class: 'chart', role: 'group', 'aria-label': t('workshop.measures') }, bar('debt', r.ctx.metrics.debt, max), bar('dataExposure', r.ctx.metrics.dataExposure, 100), bar('backlash', r.ctx.metrics.backlash, 100)),
    // Where each measure came from, and the path in words: on request (a printed comparison opens them).
    disclose(ui, `compare.team.${i}`, t('compare.pathAndCauses'), h('div', {}, decompositionTable(v, r), ...pathLists(v, r))),
    r.historical ? null : button(t('compare.handoutButton', { team: r.team }), () => ui.send({ type: 'handout.open', team: i }), { 'data-action': `handout-${i}` }),
  );
}

/** One team's page to print and hand back: its path, measures and where they came from, its largest causes and its questions. */
export function handoutScreen(ui: UiContext, v: View, i: number, header: string): Screen {
  const r = v.rows[i]!;
  const causes = totalsByCause(r.ctx.ledger).slice(0, 6);
  return {
    name: 'compare',
    body: [
      h('h1', { tabindex: '-1' }, t('compare.handout', { team: r.team })),
      h(
        'div',
        { class: 'actions' },
        button(t('compare.back'), () => ui.send({ type: 'handout.open', team: null }), { 'data-action': 'handout-back' }),
        button(t('compare.printHandout'), () => ui.send({ type: 'page.print' }), { class: 'primary', 'data-action': 'print-handout' }),
      ),
      h('article', { class: 'handout' }, h('p', { class: 'print-header' }, header), h('h2', {}, plain(v.c.scenario.title)), h('p', {}, h('strong', {}, `${t('workshop.ending')}: `), endingText(v, r.ctx.ending)), decompositionTable(v, r), ...pathLists(v, r), h('h4', {}, t('compare.causes')), h('ul', { class: 'changes' }, ...causes.map((x) => h('li', {}, `${t(`metric.${x.metric}`)} ${signed(x.delta)} — ${causeLabel(v.c, x.cause)}`))), ...promptList(v, i)),
    ],
    stage: { scene: 'title' },
    stageDescription: t('stage.title'),
  };
}

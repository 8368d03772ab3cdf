// The debrief: the outcome first, then one section at a time — why the
// measures moved (the few causes that mattered most, every change on
// request), the player's path beside the real government's (with where that
// path leads in the model), what really happened, the sources, and questions
// to discuss.
import { versionMet, historicalChoiceRow, historicalResponseRow, METRIC_IDS, runScenario, standInBehind, totalsByCause, yearsOfTurn, type CompiledScenario, type HistoricalRow, type MetricId, type RunResult } from '../../engine/index.ts';
import type { DebriefTab } from '../../app/app-types.ts';
import type { GameState } from '../../app/game.ts';
import { teamResultOf } from '../../app/workshop-desk.ts';
import { formatCode } from '../../app/codes.ts';
import { causeLabel } from '../../text/explain.ts';
import { fmt, plain, t } from '../../text/i18n.ts';
import { button, h, type Child } from '../dom.ts';
import { disclose } from '../disclose.ts';
import { rulesButton, shortValue } from '../measures.ts';
import { endingRules } from '../model-text.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { formatMetric, LOWER_IS_BETTER, PRIMARY_METRICS, referenceList, sourceList, text, tip } from '../widgets.ts';
import { cityStage } from '../city-view.ts';
import { endingOf, toneLine } from './ending-screen.ts';
import { knowledgeResults } from './knowledge-screen.ts';
import { causeText } from './turn-screen.ts';

const historicalRuns = new WeakMap<CompiledScenario, Map<number, RunResult>>();

/** The real government's path played in the model on the same seed: where it leads. */
function historicalRun(c: CompiledScenario, seed: number): RunResult {
  let bySeed = historicalRuns.get(c);
  if (!bySeed) historicalRuns.set(c, (bySeed = new Map()));
  let run = bySeed.get(seed);
  if (!run) bySeed.set(seed, (run = runScenario(c, { seed, policy: 'historical' })));
  return run;
}

function whyTab(ui: UiContext, game: GameState): Child[] {
  const ctx = game.snapshot.context;
  const totals = totalsByCause(ctx.ledger);
  const top = PRIMARY_METRICS.map((m) => {
    const mine = totals.filter((e) => e.metric === m).slice(0, 2);
    return h(
      'li',
      {},
      h('strong', {}, `${t(`metric.${m}`)}: `),
      mine.length ? mine.map((e) => `${causeLabel(game.compiled, e.cause)} (${fmt.delta(e.delta, 1)})`).join('; ') : t('turn.noChanges'),
    );
  });
  const all = METRIC_IDS.map((m: MetricId) => {
    const entries = totals.filter((e) => e.metric === m);
    if (entries.length === 0) return null;
    return h(
      'section',
      { class: 'why-metric' },
      h('h3', {}, `${t(`metric.${m}`)}: ${formatMetric(m, ctx.metrics[m])}`),
      h(
        'ul',
        { class: 'changes' },
        ...entries.map((e) =>
          h(
            'li',
            { class: e.delta > 0 ? 'change is-up' : 'change is-down' },
            h('strong', {}, `${e.delta > 0 ? '▲' : '▼'} ${fmt.delta(e.delta)}${e.turns.length > 1 ? ` (${t('debrief.times', { count: e.turns.length })})` : ''}`),
            ' — ',
            causeText(game, e),
            sourceList(ui.bundle, e.sources),
          ),
        ),
      ),
    );
  });
  return [
    h('p', { class: 'meta' }, t('debrief.topIntro')),
    h('ul', { class: 'top-causes' }, ...top),
    disclose(ui, 'debrief:all-causes', t('debrief.why'), h('div', {}, h('p', { class: 'meta' }, t('debrief.whyIntro')), ...all), 'why'),
    disclose(ui, 'debrief:ending-rules', t('debrief.endingRules'), endingRules(game.compiled, endingOf(game).id), 'ending-rules-box'),
  ];
}

/** What the record says of a row of the real path: documented (with its facts) or a stand-in (with why). */
function statusCell(ui: UiContext, row: HistoricalRow | undefined, label: string, same: boolean): HTMLElement {
  const mark = same ? ` (${t('debrief.same')})` : '';
  if (!row) return h('td', {}, `${label}${mark}`);
  if (row.status === 'documented') {
    return h('td', { class: 'documented' }, h('span', {}, `${label}${mark}`), h('span', { class: 'status' }, ` ✓ ${t('debrief.documented')}`), sourceList(ui.bundle, row.facts));
  }
  return h(
    'td',
    { class: 'stand-in' },
    h('span', { class: 'status' }, `◇ ${t('debrief.notDocumented')} `),
    h('span', {}, t('debrief.standInIs', { choice: `${label}${mark}` })),
    row.note ? disclose(ui, `stand-in:${row.kind}:${row.id}`, t('debrief.whyStandIn'), text('p', row.note)) : null,
  );
}

function pathTab(ui: UiContext, game: GameState): Child[] {
  const c = game.compiled;
  const s = c.scenario;
  const ctx = game.snapshot.context;
  const real = historicalRun(c, game.seed);
  const realEnding = s.endings.find((e) => e.id === real.ending);
  const rows = s.decisions.map((d) => {
    const row = historicalChoiceRow(c, d.id);
    const theirs = row?.picks ?? [];
    const yours = ctx.choices[d.id] ?? [];
    const label = (ids: readonly string[]) => (ids.length ? ids.map((id) => plain(d.options.find((o) => o.id === id)?.label)).join('; ') : t('decision.none'));
    const same = yours.length === theirs.length && yours.every((id) => theirs.includes(id));
    return h('tr', {}, h('th', { scope: 'row' }, plain(d.title)), h('td', {}, label(yours)), statusCell(ui, row, label(theirs), same));
  });
  // The events the real path meets in the model on this seed, and its answers.
  const events = real.responses.map((r) => {
    const base = c.eventById.get(r.event);
    // The version of the card the real path met (variants.ts).
    const event = base && versionMet(base, real.cards, r.turn);
    const response = event?.responses.find((x) => x.id === r.response);
    const row = historicalResponseRow(c, r.event);
    return h('tr', {}, h('th', { scope: 'row' }, `${s.years.start + yearsOfTurn(c, r.turn).first - 1}: ${plain(event?.headline)}`), statusCell(ui, row?.picks.includes(r.response) ? row : undefined, plain(response?.label), false));
  });
  // Why the real path ends where it does, each line marked when a stand-in is behind it.
  const top = PRIMARY_METRICS.map((m) => {
    const mine = totalsByCause(real.ledger).filter((e) => e.metric === m).slice(0, 2);
    return h(
      'li',
      {},
      h('strong', {}, `${t(`metric.${m}`)}: `),
      ...mine.flatMap((e, i) => {
        const stand = standInBehind(c, e.cause);
        return [i > 0 ? '; ' : '', `${causeLabel(c, e.cause)} (${fmt.delta(e.delta, 1)})`, stand ? h('span', { class: 'stand-in-mark' }, ` ◇ ${t('debrief.standInLine')}`) : null];
      }),
    );
  });
  const outcomeRow = (label: string, ending: string, metrics: Record<MetricId, number>) =>
    h('tr', { class: 'outcome-row' }, h('th', { scope: 'row' }, label), h('td', {}, ending), ...PRIMARY_METRICS.map((m) => h('td', {}, shortValue(m, metrics[m]))));
  return [
    h(
      'table',
      { class: 'paths' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('debrief.decision')), h('th', { scope: 'col' }, t('debrief.yours')), h('th', { scope: 'col' }, t('debrief.theirs')))),
      h('tbody', {}, ...rows),
    ),
    h(
      'table',
      { class: 'paths outcomes' },
      h('caption', {}, t('debrief.pathsInModel')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('debrief.path')), h('th', { scope: 'col' }, t('workshop.ending')), ...PRIMARY_METRICS.map((m) => h('th', { scope: 'col' }, t(`metric.short.${m}`))))),
      h(
        'tbody',
        {},
        outcomeRow(t('debrief.yourPath'), plain(endingOf(game).title), ctx.metrics),
        outcomeRow(t('debrief.historicalPath'), plain(realEnding?.title), real.metrics),
      ),
    ),
    h('p', { class: 'meta' }, t('debrief.pathsNote')),
    disclose(
      ui,
      'debrief:real-path',
      t('debrief.realPathDetail'),
      h(
        'div',
        {},
        events.length ? h('table', { class: 'paths' }, h('caption', {}, t('debrief.realEvents')), h('tbody', {}, ...events)) : null,
        h('p', { class: 'meta' }, t('debrief.realWhy')),
        h('ul', { class: 'top-causes' }, ...top),
      ),
    ),
  ];
}

function recordTab(ui: UiContext, game: GameState): Child[] {
  const s = game.compiled.scenario;
  const directions = (['debt', 'dataExposure', 'backlash'] as const).map((m) => {
    const d = s.historical.directions[m];
    if (!d) return null;
    return h('li', {}, `${t(`metric.${m}`)}: ${t(`debrief.direction.${d.expect}`)}`, sourceList(ui.bundle, d.sources));
  });
  return [text('p', s.historical.summary), text('p', s.historical.outcome), h('h3', {}, t('debrief.directions')), h('ul', {}, ...directions), sourceList(ui.bundle, s.historical.sources)];
}

function sourcesTab(ui: UiContext, game: GameState): Child[] {
  const s = game.compiled.scenario;
  const ending = endingOf(game);
  const totals = totalsByCause(game.snapshot.context.ledger);
  return [
    referenceList(ui.bundle, [
      ...s.sources,
      ...ending.sources,
      ...s.historical.sources,
      ...Object.values(s.historical.directions).flatMap((d) => d?.sources ?? []),
      ...totals.flatMap((e) => e.sources),
    ]),
  ];
}

const TABS: readonly DebriefTab[] = ['why', 'path', 'record', 'sources', 'discuss'];

export function debriefScreen(ui: UiContext, game: GameState): Screen {
  const ctx = game.snapshot.context;
  const c = game.compiled;
  const s = c.scenario;
  const ending = endingOf(game);
  const tabs = TABS.filter((tab) => tab !== 'discuss' || s.discussion.length > 0);
  const current = tabs.includes(ui.app.debriefTab) ? ui.app.debriefTab : 'why';
  const content: Record<DebriefTab, () => Child[]> = {
    why: () => whyTab(ui, game),
    path: () => pathTab(ui, game),
    record: () => recordTab(ui, game),
    sources: () => sourcesTab(ui, game),
    discuss: () => [h('ol', { class: 'discussion' }, ...s.discussion.map((q) => text('li', q)))],
  };
  const finals = h(
    'ul',
    { class: 'finals' },
    ...PRIMARY_METRICS.map((m) =>
      h(
        'li',
        { class: `final final-${m}` },
        h('span', { class: 'final-label' }, t(`metric.${m}`)),
        h('strong', {}, formatMetric(m, ctx.metrics[m])),
        h('span', { class: 'meta' }, ` ${fmt.delta(ctx.metrics[m] - (s.initialMetrics[m] ?? 0), 1)} · ${t(LOWER_IS_BETTER.has(m) ? 'metric.lowerIsBetter' : 'metric.higherIsBetter')}`),
        rulesButton(ui, m),
      ),
    ),
  );
  // Tabs: buttons that show one section; the others are in the page, hidden, and print with it.
  const tablist = h(
    'div',
    { class: 'tabs', role: 'tablist', 'aria-label': t('debrief.sections') },
    ...tabs.map((tab) =>
      button(t(`debrief.tab.${tab}`), () => ui.send({ type: 'debrief.tab', tab }), {
        role: 'tab',
        id: `tab-${tab}`,
        'aria-selected': String(tab === current),
        'aria-controls': `tabpanel-${tab}`,
        tabindex: tab === current ? '0' : '-1',
        'data-action': `tab-${tab}`,
      }),
    ),
  );
  const panels = tabs.map((tab) =>
    h('section', { class: 'tabpanel', role: 'tabpanel', id: `tabpanel-${tab}`, 'aria-labelledby': `tab-${tab}`, hidden: tab !== current, 'data-print': 'always' }, h('h2', { class: 'print-only' }, t(`debrief.tab.${tab}`)), ...content[tab]()),
  );
  return {
    name: 'debrief',
    body: [
      h('p', { class: 'step' }, t('debrief.title')),
      text('h1', ending.title, { tabindex: '-1' }),
      toneLine(ending.tone),
      tip(ui.app.debriefTip, 'debrief', () => ui.send({ type: 'settings.update', patch: { tips: false } })),
      finals,
      teamResultSection(ui, game),
      tablist,
      ...panels,
      knowledgeResults(ui, game),
      h(
        'div',
        { class: 'actions', 'data-arrow-group': '' },
        button(t('debrief.replay'), () => ui.send({ type: 'scenario.start', id: s.id }), { class: 'primary', 'data-action': 'replay' }),
        button(t('debrief.replaySame'), () => ui.send({ type: 'scenario.start', id: s.id, seed: game.seed }), { 'data-action': 'replay-same' }),
        button(t('debrief.another'), () => ui.send({ type: 'nav.map', selected: s.id }), { 'data-action': 'another' }),
        button(t('debrief.print'), () => ui.send({ type: 'page.print' }), { 'data-action': 'print-debrief' }),
      ),
    ].filter((n): n is HTMLElement => n !== null),
    ...cityStage(game, [], ending.tone),
  };
}

function teamResultSection(ui: UiContext, game: GameState): HTMLElement | null {
  const result = teamResultOf(game, ui.catalog);
  if (!result) return null;
  const include = h('input', { type: 'checkbox', id: 'include-answers', checked: true });
  return h(
    'section',
    { class: 'team-result' },
    h('h2', {}, t('workshop.yourResult')),
    h('p', { class: 'meta' }, t('workshop.sessionLine', { team: game.meta.team ?? '', code: formatCode(game.meta.sessionCode ?? '') })),
    h('p', {}, `${t('workshop.resultCode')}: `, h('strong', { class: 'big-code', 'data-result-code': result.code }, result.code)),
    h('p', { class: 'meta' }, t('workshop.resultCodeHelp')),
    game.meta.knowledgeCheck ? h('div', { class: 'field' }, h('label', { for: 'include-answers' }, t('workshop.includeAnswers')), include) : null,
    button(t('workshop.download'), () => ui.send({ type: 'result.download', includeAnswers: include.checked }), {
      'data-action': 'download-result',
    }),
  );
}

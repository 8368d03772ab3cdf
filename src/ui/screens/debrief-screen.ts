import { METRIC_IDS, totalsByCause, type MetricId } from '../../engine/index.ts';
import { fmt, t } from '../../app/i18n.ts';
import type { GameSession } from '../../app/session.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { formatMetric, LOWER_IS_BETTER, plain, referenceList, sourceList, text, tip } from '../widgets.ts';
import { knowledgeResults } from './knowledge-screen.ts';
import { download } from '../download.ts';
import { formatCode } from '../../app/codes.ts';
import { cityStage } from './city-stage.ts';
import { endingOf, TONE_ICON } from './ending-screen.ts';
import { causeText } from './turn-screen.ts';
import { endingRules } from '../model-text.ts';

export function debriefScreen(ui: UiContext, session: GameSession): Screen {
  const ctx = session.snapshot.context;
  const c = session.compiled;
  const s = c.scenario;
  const ending = endingOf(session);
  const totals = totalsByCause(ctx.ledger);

  const finalTable = h(
    'table',
    { class: 'final' },
    h('caption', {}, t('debrief.final')),
    h('tbody', {}, ...METRIC_IDS.map((m) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, t(`metric.${m}`)),
        h('td', {}, formatMetric(m, ctx.metrics[m])),
        h('td', { class: 'meta' }, `${fmt.delta(ctx.metrics[m] - s.initialMetrics[m])} · ${t(LOWER_IS_BETTER.has(m) ? 'metric.lowerIsBetter' : 'metric.higherIsBetter')}`),
        h('td', {}, button(t('debrief.rules'), () => ui.openPanel('rules', m), { 'aria-label': `${t('debrief.rules')}: ${t(`metric.${m}`)}`, class: 'link-button', 'data-action': `rules-${m}` })),
      ),
    )),
  );

  const why = METRIC_IDS.map((m: MetricId) => {
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
            causeText(session, { ...e, turn: e.turns[0]! }),
            sourceList(ui.bundle, e.sources),
          ),
        ),
      ),
    );
  });

  const pathRows = s.decisions.map((d) => {
    const want = s.historical.choices[d.id]?.options;
    const theirs = want === undefined ? [] : typeof want === 'string' ? [want] : want;
    const yours = ctx.choices[d.id] ?? [];
    const label = (ids: readonly string[]) => (ids.length ? ids.map((id) => plain(d.options.find((o) => o.id === id)?.label)).join('; ') : t('decision.none'));
    const same = yours.length === theirs.length && yours.every((id) => theirs.includes(id));
    return h('tr', {}, h('th', { scope: 'row' }, plain(d.title)), h('td', {}, label(yours)), h('td', {}, same ? `${label(theirs)} (${t('debrief.same')})` : label(theirs)));
  });

  const directions = (['debt', 'dataExposure', 'backlash'] as const).map((m) => {
    const d = s.historical.directions[m];
    if (!d) return null;
    return h('li', {}, `${t(`metric.${m}`)}: ${t(`debrief.direction.${d.expect}`)}`, sourceList(ui.bundle, d.sources));
  });

  return {
    name: 'debrief',
    body: [
      h('p', { class: 'step' }, t('debrief.title')),
      text('h1', ending.title, { tabindex: '-1' }),
      h('p', { class: `tone tone-${ending.tone}` }, h('span', { 'aria-hidden': 'true' }, `${TONE_ICON[ending.tone]} `), t(`ending.tone.${ending.tone}`)),
      tip(ui.settings.tips, 'debrief', () => ui.updateSettings({ tips: false })),
      teamResultSection(ui, session),
      finalTable,
      h('h2', {}, t('debrief.why')),
      h('p', { class: 'meta' }, t('debrief.whyIntro')),
      ...why.filter((n): n is HTMLElement => n !== null),
      h('h2', {}, t('debrief.record')),
      text('p', s.historical.summary),
      text('p', s.historical.outcome),
      h('h3', {}, t('debrief.directions')),
      h('ul', {}, ...directions),
      sourceList(ui.bundle, s.historical.sources),
      h('details', { class: 'ending-rules-box' }, h('summary', {}, t('debrief.endingRules')), endingRules(c, ending.id)),
      h('h3', {}, t('debrief.yourPath')),
      h(
        'table',
        { class: 'paths' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('debrief.decision')), h('th', { scope: 'col' }, t('debrief.yours')), h('th', { scope: 'col' }, t('debrief.theirs')))),
        h('tbody', {}, ...pathRows),
      ),
      knowledgeResults(ui, session),
      s.discussion.length ? h('h2', {}, t('debrief.discussion')) : null,
      s.discussion.length ? h('ol', { class: 'discussion' }, ...s.discussion.map((q) => text('li', q))) : null,
      h('h3', {}, t('debrief.sourcesUsed')),
      referenceList(ui.bundle, [
        ...s.sources,
        ...ending.sources,
        ...s.historical.sources,
        ...Object.values(s.historical.directions).flatMap((d) => d?.sources ?? []),
        ...totals.flatMap((e) => e.sources),
      ]),
      h(
        'div',
        { class: 'actions', 'data-arrow-group': '' },
        button(t('debrief.replay'), () => ui.startScenario(s.id), { class: 'primary', 'data-action': 'replay' }),
        button(t('debrief.replaySame'), () => ui.startScenario(s.id, session.seed), { 'data-action': 'replay-same' }),
        button(t('debrief.another'), () => ui.goMap(s.id), { 'data-action': 'another' }),
        button(t('debrief.print'), () => window.print(), { 'data-action': 'print-debrief' }),
      ),
    ].filter((n): n is HTMLElement => n !== null),
    ...cityStage(session, [], ending.tone),
  };
}

function teamResultSection(ui: UiContext, session: GameSession): HTMLElement | null {
  const result = ui.teamResult();
  if (!result) return null;
  const include = h('input', { type: 'checkbox', id: 'include-answers', checked: true });
  return h(
    'section',
    { class: 'team-result' },
    h('h2', {}, t('workshop.yourResult')),
    h('p', { class: 'meta' }, t('workshop.sessionLine', { team: session.meta.team ?? '', code: formatCode(session.meta.sessionCode ?? '') })),
    h('p', {}, `${t('workshop.resultCode')}: `, h('strong', { class: 'big-code', 'data-result-code': result.code }, result.code)),
    h('p', { class: 'meta' }, t('workshop.resultCodeHelp')),
    session.meta.knowledgeCheck ? h('div', { class: 'field' }, h('label', { for: 'include-answers' }, t('workshop.includeAnswers')), include) : null,
    button(t('workshop.download'), () => download(`safe-city-${(session.meta.team ?? 'team').replace(/[^A-Za-z0-9А-Яа-я_-]+/g, '-')}.json`, result.file(include.checked), 'application/json'), {
      'data-action': 'download-result',
    }),
  );
}

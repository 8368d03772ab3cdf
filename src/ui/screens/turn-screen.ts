import { explainCause, type LedgerEntry } from '../../engine/index.ts';
import { currentLanguage, fmt, t } from '../../app/i18n.ts';
import type { GameSession } from '../../app/session.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { meters, plain, sourceList, text, tip, voteTally } from '../widgets.ts';
import { cityStage, deltasOf } from './city-stage.ts';

export function causeText(session: GameSession, e: LedgerEntry): string {
  return explainCause(session.compiled, e, currentLanguage() === 'ru' ? 'ru' : 'en');
}

export function changeList(ui: UiContext, session: GameSession, entries: readonly LedgerEntry[]): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'meta' }, t('turn.noChanges'));
  return h(
    'ul',
    { class: 'changes' },
    ...entries.map((e) =>
      h(
        'li',
        { class: e.delta > 0 ? 'change is-up' : 'change is-down' },
        h('strong', {}, `${t(`metric.${e.metric}`)} ${e.delta > 0 ? '▲' : '▼'} ${fmt.delta(e.delta)}`),
        ' — ',
        causeText(session, e),
        sourceList(ui.bundle, e.sources),
      ),
    ),
  );
}

export function turnScreen(ui: UiContext, session: GameSession, fresh: readonly LedgerEntry[]): Screen {
  const ctx = session.snapshot.context;
  const s = session.compiled.scenario;
  const quarter = s.turnUnit === 'quarter';
  const year = quarter ? `${s.years.start + Math.floor((ctx.turn - 1) / 4)} Q${((ctx.turn - 1) % 4) + 1}` : String(s.years.start + ctx.turn - 1);
  const event = ctx.currentEvent ? session.compiled.eventById.get(ctx.currentEvent) : undefined;
  const body: (Node | null)[] = [
    h('h1', { tabindex: '-1' }, t(quarter ? 'turn.titleQuarter' : 'turn.title', { turn: ctx.turn, of: s.turns, year })),
    tip(ui.settings.tips, 'turn', () => ui.updateSettings({ tips: false })),
    meters(ctx.metrics, deltasOf(fresh), s.fiscal.unsustainableDebtUsdM, (m) => ui.openPanel('rules', m)),
  ];
  const changes = h('section', { class: 'turn-changes', 'aria-label': t('turn.changes') }, h('h2', {}, t('turn.changes')), changeList(ui, session, fresh));
  if (event) {
    const responses = session.enabled().flatMap((e) => (e.type === 'event.respond' ? [e] : []));
    body.push(
      h(
        'article',
        { class: 'dispatch' },
        h('p', { class: 'kicker' }, t('turn.headline')),
        text('h2', event.headline, { class: 'headline' }),
        event.hypothetical ? h('p', { class: 'hypothetical' }, h('span', { 'aria-hidden': 'true' }, '◇ '), t('turn.hypothetical')) : null,
        h('p', { class: 'kicker' }, t('turn.memo')),
        text('p', event.memo, { class: 'memo' }),
        sourceList(ui.bundle, event.sources),
      ),
      h('h2', {}, t('turn.respond')),
      h(
        'ul',
        { class: 'responses', 'data-arrow-group': '' },
        ...responses.map((e) => {
          const r = event.responses.find((x) => x.id === e.response)!;
          const key = `${ctx.turn}.${event.id}.${r.id}`;
          return h(
            'li',
            {},
            button(plain(r.label), () => ui.send(e), { class: 'primary', 'data-response': r.id }),
            ui.settings.classroom ? voteTally(() => ui.votes(key), (d) => ui.vote(key, d), plain(r.label)) : null,
            r.summary ? text('p', r.summary, { class: 'meta' }) : null,
            sourceList(ui.bundle, r.sources ?? []),
          );
        }),
      ),
    );
  } else {
    body.push(h('p', { class: 'lede' }, t('turn.quiet')), button(t('turn.continue'), () => ui.send({ type: 'turn.continue' }), { class: 'primary', 'data-action': 'continue' }));
  }
  body.push(changes);
  return { name: 'turn', body: body.filter((n): n is Node => n !== null), ...cityStage(session, fresh) };
}

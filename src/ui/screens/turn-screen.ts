import type { LedgerEntry } from '../../engine/index.ts';
import { causeText as explain } from '../../text/explain.ts';
import { fmt, t } from '../../text/i18n.ts';
import { enabledMoves, type GameState } from '../../app/game.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { meters, plain, sourceList, text, tip, voteTally } from '../widgets.ts';
import { cityStage, deltasOf } from '../city-view.ts';

export function causeText(game: GameState, e: Pick<LedgerEntry, 'metric' | 'cause'>): string {
  return explain(game.compiled, e.metric, e.cause);
}

export function changeList(ui: UiContext, game: GameState, entries: readonly LedgerEntry[]): HTMLElement {
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
        causeText(game, e),
        sourceList(ui.bundle, e.sources),
      ),
    ),
  );
}

export function turnScreen(ui: UiContext, game: GameState, fresh: readonly LedgerEntry[]): Screen {
  const ctx = game.snapshot.context;
  const s = game.compiled.scenario;
  const year = String(s.years.start + ctx.turn - 1);
  const event = ctx.currentEvent ? game.compiled.eventById.get(ctx.currentEvent) : undefined;
  const body: (Node | null)[] = [
    h('h1', { tabindex: '-1' }, t('turn.title', { turn: ctx.turn, of: s.turns, year })),
    tip(ui.settings.tips, 'turn', () => ui.send({ type: 'settings.update', patch: { tips: false } })),
    meters(ctx.metrics, deltasOf(fresh), s.fiscal.unsustainableDebtUsdM, (m) => ui.send({ type: 'panel.open', panel: 'rules', metric: m })),
  ];
  const changes = h('section', { class: 'turn-changes', 'aria-label': t('turn.changes') }, h('h2', {}, t('turn.changes')), changeList(ui, game, fresh));
  if (event) {
    const responses = enabledMoves(game).flatMap((e) => (e.type === 'event.respond' ? [e] : []));
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
            button(plain(r.label), () => ui.send({ type: 'game.move', move: e }), { class: 'primary', 'data-response': r.id }),
            ui.settings.classroom ? voteTally(() => (ui.votes[key] ?? 0), (d) => ui.send({ type: 'vote.change', key: key, delta: d }), plain(r.label)) : null,
            r.summary ? text('p', r.summary, { class: 'meta' }) : null,
            sourceList(ui.bundle, r.sources ?? []),
          );
        }),
      ),
    );
  } else {
    body.push(h('p', { class: 'lede' }, t('turn.quiet')), button(t('turn.continue'), () => ui.send({ type: 'game.move', move: { type: 'turn.continue' } }), { class: 'primary', 'data-action': 'continue' }));
  }
  body.push(changes);
  return { name: 'turn', body: body.filter((n): n is Node => n !== null), ...cityStage(game, fresh) };
}

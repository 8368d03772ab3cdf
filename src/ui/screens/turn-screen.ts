// A year: the headline and the memo first, the responses under them, and
// what changed in one line per measure — every change with its cause and
// source one tap away.
import { currentCard, totalsByCause, yearsOfTurn, type LedgerEntry } from '../../engine/index.ts';
import { causeLabel, causeText as explain } from '../../text/explain.ts';
import { fmt, t } from '../../text/i18n.ts';
import { enabledMoves, type GameState } from '../../app/game.ts';
import { button, h } from '../dom.ts';
import { disclose } from '../disclose.ts';
import { measuresBar } from '../measures.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { plain, PRIMARY_METRICS, sourceList, text, tip, voteTally } from '../widgets.ts';
import { cityStage, deltasOf } from '../city-view.ts';
import { prose } from '../glossary-links.ts';

export function causeText(game: GameState, e: Pick<LedgerEntry, 'metric' | 'cause'>): string {
  return explain(game.compiled, e.metric, e.cause);
}

/** Every change with its cause and sources. */
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

/** One line per outcome that moved: its net change and the causes that moved it most. */
export function changeSummary(game: GameState, entries: readonly LedgerEntry[]): HTMLElement {
  const totals = totalsByCause(entries);
  const lines = PRIMARY_METRICS.flatMap((m) => {
    const mine = totals.filter((x) => x.metric === m);
    const net = mine.reduce((s, x) => s + x.delta, 0);
    if (Math.abs(net) < 0.05) return [];
    const top = mine.slice(0, 1).map((x) => causeLabel(game.compiled, x.cause));
    return [h('li', { class: net > 0 ? 'change is-up' : 'change is-down' }, h('strong', {}, `${t(`metric.short.${m}`)} ${net > 0 ? '▲' : '▼'}${fmt.delta(net, 1)}`), ` — ${top.join('; ')}`)];
  });
  return lines.length ? h('ul', { class: 'changes summary' }, ...lines) : h('p', { class: 'meta' }, t('turn.noChanges'));
}

export function turnScreen(ui: UiContext, game: GameState, fresh: readonly LedgerEntry[]): Screen {
  const ctx = game.snapshot.context;
  const c = game.compiled;
  const s = c.scenario;
  const span = yearsOfTurn(c, ctx.turn);
  const year = fmt.years(s.years.start + span.first - 1, s.years.start + span.last - 1);
  const event = currentCard(c, ctx);
  const body: (Node | null)[] = [
    measuresBar(ui, ctx.metrics, s.fiscal.unsustainableDebtUsdM, { deltas: deltasOf(fresh) }),
    h('p', { class: 'step' }, span.first === span.last ? t('turn.title', { turn: span.first, of: s.turns, year }) : t('turn.titleSpan', { first: span.first, last: span.last, of: s.turns, year })),
  ];
  if (event) {
    const responses = enabledMoves(game).flatMap((e) => (e.type === 'event.respond' ? [e] : []));
    body.push(
      text('h1', event.headline, { tabindex: '-1', class: 'headline' }),
      event.hypothetical ? h('p', { class: 'hypothetical' }, h('span', { 'aria-hidden': 'true' }, '◇ '), t('turn.hypothetical')) : null,
      prose(ui, event.memo, ui.settings.lang, 'memo'),
      sourceList(ui.bundle, event.sources),
      tip(ui.settings.tips, 'turn', () => ui.send({ type: 'settings.update', patch: { tips: false } })),
      h('h2', { class: 'respond' }, t('turn.respond')),
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
            ui.settings.classroom ? voteTally(ui.votes[key] ?? 0, (d) => ui.send({ type: 'vote.change', key, delta: d }), plain(r.label)) : null,
            r.summary ? text('p', r.summary, { class: 'meta' }) : null,
          );
        }),
      ),
    );
    if (ui.settings.classroom) {
      const total = responses.reduce((sum, e) => sum + (ui.votes[`${ctx.turn}.${event.id}.${e.response}`] ?? 0), 0);
      body.push(h('p', { class: 'vote-total', role: 'status' }, t('classroom.total', { count: total })));
    }
  } else {
    body.push(h('h1', { tabindex: '-1', class: 'quiet-title' }, t('turn.quietTitle')), h('p', { class: 'lede' }, t('turn.quiet')), button(t('turn.continue'), () => ui.send({ type: 'game.move', move: { type: 'turn.continue' } }), { class: 'primary', 'data-action': 'continue' }));
  }
  body.push(
    // The measures bar shows this year's changes; their causes and sources open on request.
    h('section', { class: 'turn-changes', 'aria-label': t('turn.changes') }, disclose(ui, 'turn:all-changes', t('turn.allChanges'), h('div', {}, changeSummary(game, fresh), changeList(ui, game, fresh)), 'why')),
  );
  return { name: 'turn', body: body.filter((n): n is Node => n !== null), ...cityStage(game, fresh) };
}

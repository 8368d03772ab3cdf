// The briefing: the situation in a few lines, the question, what the player
// is judged on, the advisors in a line each, and the length of the game; the
// full briefing, the advisors' whole views and the model's assumptions open
// on request.
import type { GameState } from '../../app/game.ts';
import { historicalChoiceRow, type LocalizedText } from '../../engine/index.ts';
import { fmt, plain, t } from '../../text/i18n.ts';
import { button, h } from '../dom.ts';
import { disclose } from '../disclose.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { sourceList, text, tip } from '../widgets.ts';
import { cityStage } from '../city-view.ts';
import { prose } from '../glossary-links.ts';

const WORD = /\S+/g;

/**
 * The opening of a text, whole sentences up to about `words` words (never cut
 * mid-sentence; at least the first sentence). For the short view of a text
 * that has no short version of its own.
 */
export function opening(value: LocalizedText | undefined, words: number, cut = false): string {
  const full = plain(value);
  const sentences = full.match(/[^.!?]+[.!?]+(?:["”»)]+)?(?:\s+|$)|[^.!?]+$/g) ?? [full];
  let out = '';
  for (const s of sentences) {
    if (out && (out + s).match(WORD)!.length > words) break;
    out += s;
  }
  out = out.trim();
  // A first sentence longer than the room: its first words and an ellipsis (the whole text is one tap away).
  const all = out.match(WORD) ?? [];
  return cut && all.length > words + 3 ? `${all.slice(0, words).join(' ')}…` : out;
}

export function briefingScreen(ui: UiContext, game: GameState): Screen {
  const c = game.compiled;
  const s = c.scenario;
  const country = t(`map.country.${s.place.country.toLowerCase()}`);
  const place = s.place.city ? `${plain(s.place.city)}, ${country}` : country;
  const own = c.decisions.filter((d) => !c.presets.has(d.id));
  const lengthButton = (length: 'lesson' | 'full') =>
    button(
      t(`briefing.length.${length}`, { turns: length === 'lesson' ? (s.lesson?.turns ?? s.turns) : s.turns, years: s.turns, decisions: length === 'lesson' ? s.decisions.length - (s.lesson?.preset.length ?? 0) : s.decisions.length }),
      () => ui.send({ type: 'game.length', length }),
      { 'aria-pressed': String(c.length === length), 'data-action': `length-${length}`, class: 'toggle' },
    );
  const presets = [...c.presets.keys()].map((id) => {
    const d = c.decisions.find((x) => x.id === id)!;
    const standIn = historicalChoiceRow(c, id)?.status === 'stand-in' ? ` (${t('briefing.presetStandIn')})` : '';
    return `${plain(d.title)}: ${(c.presets.get(id) ?? []).map((o) => plain(d.options.find((x) => x.id === o)?.label)).join(', ') || t('decision.none')}${standIn}`;
  });
  return {
    name: 'briefing',
    body: [
      text('h1', s.title, { tabindex: '-1' }),
      h('p', { class: 'meta' }, t('briefing.meta', { place, years: fmt.years(s.years.start, s.years.end), seed: game.seed })),
      tip(ui.settings.tips, 'briefing', () => ui.send({ type: 'settings.update', patch: { tips: false } })),
      s.briefing.summary ? prose(ui, s.briefing.summary, ui.settings.lang, 'lede') : h('p', { class: 'lede' }, opening(s.briefing.text, 45)),
      disclose(ui, 'briefing:full', t('briefing.fullText'), h('div', {}, text('p', s.briefing.text), sourceList(ui.bundle, s.briefing.sources))),
      h('p', { class: 'task' }, h('strong', {}, `${t('briefing.youDecide')} `), fmt.list(own.map((d) => plain(d.title)))),
      h('p', { class: 'task' }, h('strong', {}, `${t('briefing.judged')} `), t('briefing.measures')),
      h('h2', {}, t('briefing.advisors')),
      h(
        'ul',
        { class: 'advisors' },
        ...s.advisors.map((a) =>
          h(
            'li',
            { class: `advisor advisor-${a.role}` },
            h('span', { class: 'advisor-badge', 'aria-hidden': 'true' }, plain(a.name).slice(0, 1)),
            h('p', {}, h('strong', {}, `${plain(a.name)} (${t(`briefing.roleShort.${a.role}`)}): `), a.line ? plain(a.line) : opening(a.view, 10, true)),
          ),
        ),
      ),
      disclose(
        ui,
        'briefing:advisors',
        t('briefing.advisorsFull'),
        h(
          'div',
          {},
          ...s.advisors.map((a) => h('div', { class: 'advisor-view' }, h('h3', {}, `${plain(a.name)} — ${t(`briefing.role.${a.role}`)}`), text('p', a.view), sourceList(ui.bundle, a.sources))),
          h('p', { class: 'note' }, t('briefing.fictionalAdvisors')),
        ),
      ),
      s.assumptions.length
        ? disclose(
            ui,
            'briefing:assumptions',
            t('briefing.assumptions'),
            h('div', {}, h('p', {}, t('briefing.assumptionsIntro')), h('ul', {}, ...s.assumptions.map((a) => h('li', {}, text('strong', a.text), ' ', text('span', a.reasoning))))),
            'assumptions',
          )
        : null,
      s.lesson ? h('div', { class: 'length', role: 'group', 'aria-label': t('briefing.lengthLabel') }, h('p', { class: 'meta' }, t('briefing.lengthLabel')), lengthButton('lesson'), lengthButton('full')) : null,
      presets.length ? h('p', { class: 'meta presets' }, t('briefing.presets', { list: presets.join('; ') })) : null,
      button(t('briefing.begin'), () => ui.send({ type: 'game.move', move: { type: 'briefing.start' } }), { class: 'primary', 'data-action': 'begin' }),
    ].filter((n): n is HTMLElement => n !== null),
    ...cityStage(game),
  };
}

// The knowledge check: the same questions before and after play, answered on
// this device; the debrief shows each answer with its explanation and source.
import { t } from '../../text/i18n.ts';
import type { GameState } from '../../app/game.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { plain, sourceList, text } from '../widgets.ts';
import { cityStage } from '../city-view.ts';

export function knowledgeScreen(ui: UiContext, game: GameState, when: 'before' | 'after', onDone: (answers: Record<string, string>) => void): Screen {
  const questions = game.compiled.scenario.knowledgeCheck;
  const form = h('form', { class: 'knowledge' });
  questions.forEach((q, i) => {
    form.append(
      h(
        'fieldset',
        {},
        h('legend', {}, `${i + 1}. ${plain(q.question)}`),
        ...q.choices.map((c) => {
          const id = `q-${q.id}-${c.id}`;
          return h('div', { class: 'choice' }, h('input', { type: 'radio', name: q.id, value: c.id, id }), h('label', { for: id }, plain(c.text)));
        }),
      ),
    );
  });
  const collect = () => {
    const answers: Record<string, string> = {};
    for (const q of questions) {
      const picked = form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(q.id)}"]:checked`);
      if (picked) answers[q.id] = picked.value;
    }
    return answers;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onDone(collect());
  });
  return {
    name: 'check',
    body: [
      h('h1', { tabindex: '-1' }, t(when === 'before' ? 'check.beforeTitle' : 'check.afterTitle')),
      h('p', {}, t('check.intro', { count: questions.length })),
      form,
      h(
        'div',
        { class: 'actions' },
        button(t('check.submit'), () => onDone(collect()), { class: 'primary', 'data-action': 'check-submit' }),
        button(t('check.skip'), () => onDone({}), { 'data-action': 'check-skip' }),
      ),
    ],
    ...cityStage(game),
  };
}

/** The check's results for the debrief: before and after, with explanations and sources. */
export function knowledgeResults(ui: UiContext, game: GameState): HTMLElement | null {
  const { before, after } = game.meta;
  const questions = game.compiled.scenario.knowledgeCheck;
  if (!game.meta.knowledgeCheck || questions.length === 0 || (!before && !after)) return null;
  const mark = (answers: Record<string, string> | undefined, q: (typeof questions)[number]) =>
    !answers?.[q.id] ? t('check.unanswered') : answers[q.id] === q.answer ? `✓ ${t('check.correct')}` : `✗ ${t('check.wrong')}`;
  const count = (answers: Record<string, string> | undefined) => questions.filter((q) => answers?.[q.id] === q.answer).length;
  return h(
    'section',
    { class: 'knowledge-results' },
    h('h2', {}, t('check.resultsTitle')),
    h('p', { class: 'meta' }, t('check.score', { before: count(before), after: count(after), count: questions.length })),
    h(
      'ol',
      {},
      ...questions.map((q) =>
        h(
          'li',
          {},
          h('strong', {}, plain(q.question)),
          h('p', { class: 'meta' }, `${t('workshop.before')}: ${mark(before, q)} · ${t('workshop.after')}: ${mark(after, q)}`),
          h('p', {}, t('check.answer', { answer: plain(q.choices.find((c) => c.id === q.answer)?.text) })),
          text('p', q.explanation),
          sourceList(ui.bundle, q.sources),
        ),
      ),
    ),
  );
}

// The desk's parts of the compare screen, kept apart so the compare screen's
// own layout can call them: the files a facilitator picked (read only when
// small enough to be a result file), the import's progress and outcome, the
// confirmation before clearing, and the learning gain in percentage points.
import { MAX_RESULT_FILE_BYTES } from '../app/results.ts';
import { fmt, t } from '../text/i18n.ts';
import { button, h } from './dom.ts';
import type { UiContext } from './ui-context.ts';
import type { Scenario } from '../engine/index.ts';
import { plain } from './widgets.ts';

/** Picked files as the desk takes them: a file too large is not read, and keeps its size for the message. */
export function readResultFiles(files: FileList | null): Promise<{ name: string; text: string; size: number }[]> {
  return Promise.all([...(files ?? [])].map(async (f) => ({ name: f.name, size: f.size, text: f.size > MAX_RESULT_FILE_BYTES ? '' : await f.text() })));
}

/** Progress while entries replay, and what the last import did (beside the import button). */
export function deskStatus(ui: UiContext): HTMLElement {
  const { progress, summary } = ui.app.workshop;
  const box = h('div', { class: 'desk-status' });
  if (progress) {
    const bar = h('progress', { max: String(progress.total), value: String(progress.done), 'aria-label': t('desk.progressLabel') });
    box.append(h('p', { role: 'status', 'data-progress': `${progress.done}/${progress.total}` }, t('desk.progress', { done: progress.done, total: progress.total })), bar);
  } else if (summary) box.append(h('p', { role: 'status', class: 'meta', 'data-summary': '' }, summary));
  return box;
}

/** The confirmation a clear needs, placed beside the Clear button (null until asked). */
export function clearConfirm(ui: UiContext): HTMLElement | null {
  const { confirmClear, results } = ui.app.workshop;
  if (!confirmClear) return null;
  return h(
        'div',
        { class: 'notice', role: 'alertdialog', 'aria-label': t('desk.clearTitle') },
        h('p', {}, t('desk.clearAsk', { count: results.length })),
        h(
          'div',
          { class: 'actions' },
          button(t('desk.clearYes'), () => ui.send({ type: 'results.clearConfirm' }), { 'data-action': 'clear-confirm' }),
          button(t('desk.clearNo'), () => ui.send({ type: 'results.clearCancel' }), { class: 'primary', 'data-action': 'clear-cancel' }),
        ),
      );
}

/** "+12.5 pp" in the reader's language. */
export function ppText(pp: number): string {
  const r = Math.round(pp * 10) / 10;
  return t('desk.pp', { value: `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r).toFixed(1)}` });
}

/** The learning gain the desk computed: per question and overall, in points, over players, with the teams left out named. */
export function learningGainView(ui: UiContext, scenario: Scenario): HTMLElement | null {
  const gain = ui.app.workshop.gain;
  if (!gain || scenario.knowledgeCheck.length === 0) return null;
  const pct = (x: number) => fmt.percent(x);
  const row = (label: string, b: number, a: number, pp: number) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, pct(b)), h('td', {}, pct(a)), h('td', {}, ppText(pp)));
  return h(
    'section',
    { class: 'learning-gain' },
    h('h2', {}, t('workshop.knowledgeTitle')),
    h('p', { class: 'meta', 'data-gain-n': String(gain.n) }, t('desk.gainN', { count: gain.n, teams: gain.teams })),
    gain.assumedOne.length > 0 ? h('p', { class: 'meta' }, t('desk.assumedOne', { teams: gain.assumedOne.join(', ') })) : null,
    gain.missing.length > 0 ? h('p', { class: 'meta', 'data-gain-missing': '' }, t('desk.gainMissing', { teams: gain.missing.join(', ') })) : null,
    h(
      'table',
      { class: 'paths knowledge-gain' },
      h('thead', {}, h('tr', {}, ...[t('workshop.question'), t('workshop.before'), t('workshop.after'), t('desk.gainPp')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...gain.questions.map((q) => row(plain(scenario.knowledgeCheck.find((x) => x.id === q.id)?.question), q.before, q.after, q.gainPp))),
      h('tfoot', {}, row(t('workshop.allQuestions'), gain.before, gain.after, gain.gainPp)),
    ),
  );
}

// The desk's parts of the compare screen, kept apart so the compare screen's
// own layout can call them: the files a facilitator picked (read only when
// small enough to be a result file), the import's progress and outcome, the
// confirmation before clearing, and the learning gain in percentage points.
import { MAX_RESULT_FILE_BYTES } from '../app/results.ts';
import { t } from '../text/i18n.ts';
import { button, h } from './dom.ts';
import type { UiContext } from './ui-context.ts';

/** Picked files as the desk takes them: a file too large is not read, and keeps its size for the message. */
export function readResultFiles(files: FileList | null): Promise<{ name: string; text: string; size: number }[]> {
  return Promise.all([...(files ?? [])].map(async (f) => ({ name: f.name, size: f.size, text: f.size > MAX_RESULT_FILE_BYTES ? '' : await f.text() })));
}

/** Progress while entries replay, and what the last import did (beside the import button). */
export function deskStatus(ui: UiContext): HTMLElement {
  const { progress, summary } = ui.app.workshop;
  const box = h('div', { class: 'desk-status' });
  if (progress) box.append(h('p', { role: 'status', 'data-progress': `${progress.done}/${progress.total}` }, t('desk.progress', { done: progress.done, total: progress.total })));
  else if (summary) box.append(h('p', { role: 'status', class: 'meta', 'data-summary': '' }, summary));
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
          button(t('desk.clearYes'), () => ui.send({ type: 'results.clear', confirm: true }), { 'data-action': 'clear-confirm' }),
          button(t('desk.clearNo'), () => ui.send({ type: 'results.clear', confirm: false }), { class: 'primary', 'data-action': 'clear-cancel' }),
        ),
      );
}

/** The learning gain, as the desk worded it (overall points over players, the teams counted as one and those left out named). */
export function learningGainView(ui: UiContext): HTMLElement | null {
  const { gain, gainLine } = ui.app.workshop;
  return gain && gainLine ? h('p', { class: 'learning-gain', 'data-gain-n': String(gain.n) }, gainLine) : null;
}

// What the page says about saves and versions, drawn from the snapshot: the
// notices of the screen the player landed on, a save that could not be
// stored (with a download), the "new version" prompt, and the question asked
// before a saved game is replaced. Pure, like the rest of the render.
import type { AppSnapshot } from '../app/app-machine.ts';
import type { AppEvent, Notice } from '../app/app-types.ts';
import { visibleNotices } from '../app/notices.ts';
import { t } from '../text/i18n.ts';
import { button, h } from './dom.ts';
import type { Screen, UiContext } from './ui-context.ts';
import { plain } from './widgets.ts';

export const noticeText = (n: Notice) => t(n.key, n.values);

/** The notices as the screens show them: each once, at most a few, then a count. */
export function noticeLines(notices: readonly Notice[]): string[] {
  return visibleNotices(notices).map(noticeText);
}

/** Lines for the top of a screen (after its heading): the update prompt, a save problem, and — where the screen does not show them itself — the notices. */
export function saveAndUpdateLines(snapshot: AppSnapshot, send: (event: AppEvent) => void, withNotices: boolean): HTMLElement[] {
  const app = snapshot.context;
  const out: HTMLElement[] = [];
  if (snapshot.matches({ update: 'offered' })) {
    out.push(
      h(
        'div',
        { class: 'notice update-prompt', role: 'alert' },
        h('p', {}, t(app.game ? 'update.readyInGame' : 'update.ready')),
        button(t('update.reload'), () => send({ type: 'update.apply' }), { 'data-action': 'update-reload' }),
        ' ',
        button(t('update.later'), () => send({ type: 'update.later' }), { 'data-action': 'update-later' }),
      ),
    );
  }
  if (app.saveProblem) {
    out.push(
      h(
        'div',
        { class: 'notice save-problem', role: 'alert' },
        h('p', {}, t(app.saveProblem.kind === 'write' ? 'notice.saveFailed' : 'notice.saveNotKeptShort', { reason: app.saveProblem.reason })),
        button(t('save.download'), () => send({ type: 'save.download' }), { 'data-action': 'save-download' }),
      ),
    );
  }
  if (withNotices) out.push(...noticeLines(app.notices).map((n) => h('p', { class: 'notice', role: 'alert' }, n)));
  return out;
}

/** Asked before a saved game with progress is replaced by a new one: a screen of the app machine, by keyboard or mouse. */
export function replaceScreen(ui: UiContext, snapshot: AppSnapshot): Screen {
  const app = snapshot.context;
  const title = (id: string | undefined) => {
    const s = ui.catalog.find((x) => x.id === id);
    return s ? plain(s.title) : t('replace.unknown');
  };
  const saved = app.resumable;
  const savedLabel = saved && saved.turn > 0 ? t('replace.savedYear', { scenario: title(saved.scenario), turn: saved.turn }) : title(saved?.scenario);
  const next = title(app.pending?.id);
  return {
    name: 'replace',
    body: [
      h('h1', { tabindex: '-1' }, t('replace.title')),
      h('p', { class: 'lede' }, t('replace.body', { saved: savedLabel, next })),
      h(
        'ul',
        { class: 'menu', 'data-arrow-group': '' },
        h('li', {}, button(t('replace.start', { next }), () => ui.send({ type: 'replace.confirm' }), { 'data-action': 'replace-confirm' })),
        h('li', {}, button(t('replace.continue'), () => ui.send({ type: 'save.resume' }), { 'data-action': 'continue' })),
        h('li', {}, button(t('replace.back'), () => ui.send({ type: 'nav.map' }), { 'data-action': 'replace-back' })),
      ),
    ],
    stage: { scene: 'title' },
    stageDescription: t('stage.title'),
  };
}

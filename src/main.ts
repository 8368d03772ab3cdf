// Boot: load the content, start the stage (Phaser, lazily, in its own chunk),
// read settings, the save and the URL, then show the title.
import './zod-config.ts';
import '@fontsource/pt-sans/400.css';
import '@fontsource/pt-sans/700.css';
import '@fontsource/pt-serif/400.css';
import '@fontsource/pt-serif/700.css';
import './style.css';
import { formatProblem } from './engine/index.ts';
import { loadBundle } from './content.ts';
import { Controller, type Shell } from './app/controller.ts';
import { LANGUAGES, setLanguage, t } from './app/i18n.ts';
import { restoreSession, setAsideSave } from './app/session.ts';
import { loadSettings } from './app/settings.ts';
import { webStore } from './app/storage.ts';
import { readUrlParams } from './app/url-params.ts';
import { fill, h } from './ui/dom.ts';
import { installArrowKeys } from './ui/keyboard.ts';

function shell(): Shell {
  const get = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  return {
    app: get('app'),
    stage: get('stage'),
    polite: get('live-polite'),
    assertive: get('live-assertive'),
    captions: get('captions'),
    dialog: get<HTMLDialogElement>('panel'),
    menu: get('menu'),
  };
}

function showBoot(s: Shell, fraction: number, step: string) {
  const percent = Math.round(fraction * 100);
  s.app.dataset['screen'] = 'boot';
  let bar = s.app.querySelector('progress');
  if (!bar) {
    fill(
      s.app,
      h('h1', { tabindex: '-1' }, t('boot.title')),
      h('progress', { max: '100', value: '0', 'aria-label': t('boot.title') }),
      h('p', { class: 'meta boot-step' }),
    );
    bar = s.app.querySelector('progress')!;
  }
  bar.value = percent;
  s.app.querySelector('.boot-step')!.textContent = `${step} — ${t('boot.progress', { percent })}`;
}

async function boot() {
  const s = shell();
  const store = webStore(() => window.localStorage);
  const settings = loadSettings(store);
  const url = readUrlParams(location.search, { scenarios: [], languages: LANGUAGES });
  setLanguage(url.lang ?? settings.value.lang);
  document.querySelector('.skip-link')!.textContent = t('app.skipToContent');

  showBoot(s, 0.05, t('boot.step.content'));
  const report = await loadBundle();
  if (!report.bundle) {
    s.app.dataset['screen'] = 'error';
    fill(
      s.app,
      h('h1', { tabindex: '-1' }, t('contentError.title')),
      h('p', {}, t('contentError.intro')),
      h('ul', { lang: 'en' }, ...report.problems.map((p) => h('li', {}, formatProblem(p)))),
    );
    return;
  }
  const bundle = report.bundle;
  const params = readUrlParams(location.search, { scenarios: bundle.scenarios.map((x) => x.id), languages: LANGUAGES });
  const controller = new Controller(bundle, store, { ...settings.value, lang: params.lang ?? settings.value.lang }, s);
  for (const n of params.notices) controller.addNotice(t(n.key, n.values));
  if (settings.problem) controller.addNotice(t('notice.settingsReset', { reason: settings.problem }));
  if (store.problem) controller.addNotice(t('notice.storageUnavailable', { reason: store.problem }));
  controller.applySettings();
  installArrowKeys(s.app);
  installArrowKeys(s.dialog);
  s.dialog.addEventListener('close', () => s.app.querySelector<HTMLElement>('h1')?.focus());

  // The stage: Phaser in its own chunk. The game is fully playable without it.
  showBoot(s, 0.3, t('boot.step.engine'));
  try {
    const { createStage } = await import('./stage/phaser-stage.ts');
    const stage = await createStage(s.stage, (fraction) => showBoot(s, 0.4 + fraction * 0.6, t('boot.step.assets')));
    controller.attachStage(stage);
  } catch (error) {
    controller.addNotice(t('boot.stageFailed', { reason: (error as Error).message }));
  }

  // Sound: Howler loads on the first input, not before.
  try {
    const { attachSound } = await import('./app/sound-bridge.ts');
    attachSound(controller);
  } catch {
    /* the game is fully playable with sound off */
  }

  if (params.scenario) {
    controller.startScenario(params.scenario, params.seed);
    return;
  }
  // A save that cannot be used is set aside now, with a message, so Continue never fails.
  const restored = restoreSession(store, bundle);
  if (restored.kind === 'discarded') {
    setAsideSave(store);
    controller.addNotice(t('notice.saveDiscarded', { reason: restored.reason }));
  } else if (restored.kind === 'restored') {
    restored.session.stop();
  }
  if (params.seed !== undefined) controller.addNotice(t('title.workshopNote', { seed: params.seed }));
  controller.goTitle();
}

void boot();

// Boot: load the content, start the stage (Phaser, lazily, in its own chunk),
// read settings, the save and the URL, then show the title.
import './zod-config.ts';
import '@fontsource/pt-sans/400.css';
import '@fontsource/pt-sans/700.css';
import '@fontsource/pt-serif/400.css';
import '@fontsource/pt-serif/700.css';
import './style.css';
import { CATALOG } from './catalog.ts';
import { Controller, type Shell } from './app/controller.ts';
import { LANGUAGES, setLanguage, t } from './app/i18n.ts';
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
  const params = readUrlParams(location.search, { scenarios: CATALOG.map((x) => x.id), languages: LANGUAGES });
  setLanguage(params.lang ?? settings.value.lang);
  document.querySelector('.skip-link')!.textContent = t('app.skipToContent');
  showBoot(s, 0.1, t('boot.step.content'));

  const controller = new Controller(CATALOG, store, { ...settings.value, lang: params.lang ?? settings.value.lang }, s);
  for (const n of params.notices) controller.addNotice(t(n.key, n.values));
  if (settings.problem) controller.addNotice(t('notice.settingsReset', { reason: settings.problem }));
  if (store.problem) controller.addNotice(t('notice.storageUnavailable', { reason: store.problem }));
  controller.applySettings();
  installArrowKeys(s.app);
  installArrowKeys(s.dialog);
  s.dialog.addEventListener('close', () => s.app.querySelector<HTMLElement>('h1')?.focus());
  // A printed page shows its reference list and other folded text in full, whatever the browser does with closed <details>.
  let closedForPrint: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    closedForPrint = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open]):not(.sources), details.reference-list:not([open])')];
    for (const d of closedForPrint) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of closedForPrint) d.open = false;
    closedForPrint = [];
  });

  // The title is interactive before the graphics engine arrives: the DOM
  // carries every choice; the stage loads alongside with its own progress bar.
  if (params.scenario) await controller.start(params.scenario, params.seed);
  else if (params.join !== undefined) controller.openJoin(params.join);
  else {
    // A save that cannot be used is set aside now, with a message, so Continue never fails.
    await controller.checkSave();
    if (params.seed !== undefined) controller.addNotice(t('title.workshopNote', { seed: params.seed }));
    controller.goTitle();
  }
  performance.mark('title-interactive');

  const progress = h('div', { class: 'stage-progress' }, h('progress', { max: '100', value: '5', 'aria-label': t('boot.step.assets') }));
  s.stage.append(progress);
  const bar = progress.querySelector('progress')!;
  try {
    const { createStage } = await import('./stage/phaser-stage.ts');
    bar.value = 40;
    const stage = await createStage(s.stage, (fraction) => (bar.value = 40 + Math.round(fraction * 60)));
    controller.attachStage(stage);
  } catch (error) {
    controller.addNotice(t('boot.stageFailed', { reason: (error as Error).message }));
  } finally {
    progress.remove();
  }

  // Sound: Howler loads on the first input, not before.
  try {
    const { attachSound } = await import('./app/sound-bridge.ts');
    attachSound(controller, s.captions);
  } catch {
    /* the game is fully playable with sound off */
  }
  // Everything the page loads by itself has arrived (tests and the benchmark wait for this).
  performance.mark('stage-ready');
}

void boot();

// Boot: register the languages, read settings, storage and the URL, start the
// app machine and the page that renders it; then load the stage (Phaser, in
// its own chunk) and the sound (Howler, on the first input).
import '../text/locales.ts';
import '../zod-config.ts';
import '@fontsource/pt-sans/400.css';
import '@fontsource/pt-sans/700.css';
import '@fontsource/pt-serif/400.css';
import '@fontsource/pt-serif/700.css';
import '../style.css';
import { createActor, waitFor } from 'xstate';
import { appMachine } from '../app/app-machine.ts';
import type { Notice } from '../app/app-types.ts';
import { CATALOG } from '../app/catalog.ts';
import { bundledContent } from '../app/content.ts';
import { loadSettings } from '../app/settings.ts';
import { openSaveStore } from '../app/idb-saves.ts';
import { webStore } from '../app/storage.ts';
import { readUrlParams } from '../app/url-params.ts';
import { MAX_SEED } from '../engine/index.ts';
import { LANGUAGES, setLanguage, t } from '../text/i18n.ts';
import { fill, h } from '../ui/dom.ts';
import { installArrowKeys } from '../ui/keyboard.ts';
import { hasMarkdown, useMarkdown } from '../ui/render-guide.ts';
import { hasCompare } from '../ui/render-compare.ts';
import { mountPage, pageElements } from './page.ts';
import { browserServices, reducedMotion } from './services.ts';
import { afterUpdate, watchUpdates } from './updates.ts';

function showBoot(app: HTMLElement) {
  app.dataset['screen'] = 'boot';
  fill(app, h('h1', { tabindex: '-1' }, t('boot.title')), h('p', { class: 'meta boot-step' }, t('boot.step.content')));
}

async function boot() {
  const el = pageElements();
  const store = webStore(() => window.localStorage);
  const loaded = loadSettings(store);
  const params = readUrlParams(location.search, { scenarios: CATALOG.map((x) => x.id), languages: LANGUAGES });
  const settings = { ...loaded.value, lang: params.lang ?? loaded.value.lang };
  setLanguage(settings.lang);
  document.querySelector('.skip-link')!.textContent = t('app.skipToContent');
  showBoot(el.app);

  // Saves in IndexedDB (or localStorage, or memory), persistent storage asked for at the first save.
  const saves = await openSaveStore({ local: store, persist: () => navigator.storage?.persist?.().catch(() => false) });
  const session = webStore(() => window.sessionStorage);
  const reloaded = afterUpdate(session);

  const notices: Notice[] = [...params.notices];
  if (reloaded.updated) notices.push({ key: 'notice.updated', values: { version: __APP_VERSION__ } });
  if (loaded.problem) notices.push({ key: 'notice.settingsReset', values: { reason: loaded.problem } });
  // Settings and seen endings live in localStorage, saves in IndexedDB: either one blocked is worth saying.
  const storageProblem = store.problem ?? saves.problem;
  if (storageProblem) notices.push({ key: 'notice.storageUnavailable', values: { reason: storageProblem } });
  if (params.seed !== undefined && !params.scenario) notices.push({ key: 'title.workshopNote', values: { seed: params.seed } });

  const services = browserServices(el, store, saves, bundledContent(CATALOG));
  services.applySettings(settings);
  const seed = params.seed ?? services.randomSeed(MAX_SEED);
  // After an update's reload the game in play continues, whatever the address still says.
  const start = reloaded.resume ? { resume: true as const } : params.scenario ? { scenario: params.scenario, seed } : params.join !== undefined ? { join: params.join } : null;
  const actor = createActor(appMachine, { input: { services, catalog: CATALOG, settings, notices, start } });
  services.updates = watchUpdates({ ready: () => actor.send({ type: 'update.ready' }), stale: () => actor.send({ type: 'update.apply' }) }, session, () => saves.idle());
  installArrowKeys(el.app);
  installArrowKeys(el.dialog);
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

  actor.start();
  const page = mountPage(el, actor, () => reducedMotion(actor.getSnapshot().context.settings));
  // The guide's Markdown renderer comes in its own chunk, when the guide is first opened.
  let comparing = false;
  actor.subscribe((s) => {
    // The compare screen and its styles come in their own chunk, when it is first opened (it registers itself).
    if (!comparing && s.matches({ screen: { workshop: 'compare' } }) && !hasCompare()) {
      comparing = true;
      void import('../ui/screens/compare-screen.ts').then(() => page.refresh());
    }
    if (s.context.guide && !hasMarkdown()) {
      void import('../ui/markdown.ts').then((m) => {
        useMarkdown(m.renderMarkdown);
        page.refresh();
      });
    }
  });

  // The title is interactive before the graphics engine arrives: the DOM carries every choice.
  const busy = ['booting', 'checkingSave', 'keepingSave', 'route', 'starting', 'replacing', 'loading', 'resuming'];
  await waitFor(actor, (s) => !busy.some((state) => s.matches({ screen: state } as never)), { timeout: 60_000 }).catch(() => {});
  performance.mark('title-interactive');

  const progress = h('div', { class: 'stage-progress' }, h('progress', { max: '100', value: '5', 'aria-label': t('boot.step.assets') }));
  el.stage.append(progress);
  const bar = progress.querySelector('progress')!;
  try {
    const { createStage } = await import('../stage/phaser-stage.ts');
    bar.value = 40;
    const stage = await createStage(el.stage, (fraction) => (bar.value = 40 + Math.round(fraction * 60)));
    page.attachStage(stage);
  } catch (error) {
    services.announce(t('boot.stageFailed', { reason: (error as Error).message }));
  } finally {
    progress.remove();
  }

  // Sound: Howler loads on the first input, not before.
  try {
    const { attachSound } = await import('./sound-bridge.ts');
    attachSound(services, page, el.captions, () => actor.getSnapshot().context.settings);
  } catch {
    /* the game is fully playable with sound off */
  }
  // Everything the page loads by itself has arrived (tests and the benchmark wait for this).
  performance.mark('stage-ready');
}

void boot();

// The page around the app: it renders every snapshot of the app machine into
// the DOM (a pure render, src/ui/render.ts), keeps focus and scroll where a
// reader expects them, syncs the panel dialog, feeds the stage, and runs the
// facilitator's countdown. This is the only place that writes to the page.
import type { AppActor, AppSnapshot } from '../app/app-machine.ts';
import type { AppEvent } from '../app/app-types.ts';
import { fill, h } from '../ui/dom.ts';
import { renderApp, type Rendered } from '../ui/render.ts';
import type { StagePort, StageView } from '../app/stage-view.ts';
import { t } from '../text/i18n.ts';

export interface PageElements {
  app: HTMLElement;
  stage: HTMLElement;
  polite: HTMLElement;
  assertive: HTMLElement;
  captions: HTMLElement;
  dialog: HTMLDialogElement;
  menu: HTMLElement;
}

export function pageElements(): PageElements {
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

/** What identifies a control across renders: its id, or the data attribute that names its action. */
/** Fields whose typed text no state holds until a button is pressed (a screen marks them; others show the state, such as a new seed). */
const TYPED_FIELDS = 'textarea[id][data-keep-typed], input[id][data-keep-typed]';
const KEYS = ['id', 'data-action', 'data-option', 'data-response', 'data-scenario', 'data-metric', 'data-key'] as const;

function focusKey(el: Element | null, root: HTMLElement): string | null {
  if (!el || !root.contains(el) || el === root) return null;
  for (const k of KEYS) {
    const v = el.getAttribute(k);
    if (v) return `[${k}="${CSS.escape(v)}"]`;
  }
  return el.tagName === 'H1' ? 'h1' : null;
}

function mood(snapshot: AppSnapshot, name: string): 'calm' | 'tense' | 'somber' | 'hopeful' {
  const game = snapshot.context.game;
  if (!game) return 'calm';
  if (name === 'ending' || name === 'debrief') {
    const tone = game.compiled.scenario.endings.find((e) => e.id === game.snapshot.context.ending)?.tone ?? 'mixed';
    return tone === 'good' ? 'hopeful' : tone === 'bad' ? 'somber' : 'calm';
  }
  const m = game.snapshot.context.metrics;
  return (name === 'turn' || name === 'decision') && (m.backlash >= 50 || m.dataExposure >= 50) ? 'tense' : 'calm';
}

export interface Page {
  attachStage(stage: StagePort): void;
  setMood(handler: (mood: 'calm' | 'tense' | 'somber' | 'hopeful') => void): void;
  /** Draw again (a lazily loaded part, such as the guide's renderer, has arrived). */
  refresh(): void;
}

export function mountPage(el: PageElements, actor: AppActor, reducedMotion: () => boolean): Page {
  const send = (event: AppEvent) => actor.send(event);
  let lastKey: string | null = null;
  let lastStage = '';
  let stage: StagePort | null = null;
  let stageView: StageView | null = null;
  let onMood: ((mood: 'calm' | 'tense' | 'somber' | 'hopeful') => void) | null = null;
  let timer: Rendered['timer'] = null;
  let announcedZero = false;

  let last: AppSnapshot | null = null;
  const apply = (snapshot: AppSnapshot, force = false) => {
    // An event the app ignored leaves the same snapshot: nothing to draw.
    if (snapshot === last && !force) return;
    last = snapshot;
    const rendered = renderApp(snapshot, send);
    const { screen, key } = rendered;
    const appFocus = focusKey(document.activeElement, el.app);
    const dialogFocus = focusKey(document.activeElement, el.dialog);
    // Folded sections the player opened stay open when the same screen is drawn again.
    const opened = new Set([...el.app.querySelectorAll<HTMLDetailsElement>('details[open][data-key]')].map((d) => d.dataset['key']));
    // What the player typed survives a redraw of the same screen (kept results loaded, a notice): the render knows only the state.
    const typed = key === lastKey ? [...el.app.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(TYPED_FIELDS)].map((f) => [f.id, f.value] as const) : [];
    el.app.dataset['screen'] = screen.name;
    fill(el.app, ...screen.body);
    if (key === lastKey) for (const d of el.app.querySelectorAll<HTMLDetailsElement>('details[data-key]')) if (opened.has(d.dataset['key'])) d.open = true;
    for (const [id, value] of typed) {
      const field = el.app.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${CSS.escape(id)}`);
      if (field?.matches(TYPED_FIELDS)) field.value = value;
    }
    fill(el.menu, rendered.menu);
    el.menu.setAttribute('aria-label', t('nav.menu'));

    if (rendered.panel) {
      const close = h('button', { type: 'button', class: 'dialog-close', 'data-action': 'close-panel' }, t('nav.close'));
      close.addEventListener('click', () => send({ type: 'panel.close' }));
      const opening = !el.dialog.open || el.dialog.dataset['panel'] !== rendered.panel.name;
      fill(el.dialog, close, rendered.panel.content);
      el.dialog.dataset['panel'] = rendered.panel.name;
      if (!el.dialog.open) el.dialog.showModal();
      const again = dialogFocus ? el.dialog.querySelector<HTMLElement>(dialogFocus) : null;
      // A glossary term asked about from the text gets the focus, in view; otherwise the panel's heading.
      const asked = rendered.panel.content.querySelector<HTMLElement>('dt.is-asked');
      if (opening && asked) asked.focus();
      else if (opening || !again) rendered.panel.content.querySelector<HTMLElement>('h2')?.focus();
      else again.focus();
    } else if (el.dialog.open && !snapshot.matches({ panel: 'loading' })) {
      el.dialog.close();
    }

    el.stage.setAttribute('aria-label', t('app.stageAlt', { description: screen.stageDescription }));
    stageView = { ...screen.stage, reducedMotion: reducedMotion() } as StageView;
    const stageJson = JSON.stringify(stageView);
    if (stageJson !== lastStage) {
      lastStage = stageJson;
      stage?.show(stageView);
    }
    onMood?.(mood(snapshot, screen.name));

    const moved = key !== lastKey;
    lastKey = key;
    if (!el.dialog.open) {
      const again = !moved && appFocus ? el.app.querySelector<HTMLElement>(appFocus) : null;
      if (again) again.focus();
      else if (moved || !document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected) {
        if (moved) window.scrollTo?.(0, 0);
        el.app.querySelector<HTMLElement>('h1')?.focus();
      }
    }
    if (rendered.timer?.deadline !== timer?.deadline || rendered.timer?.pausedAt !== timer?.pausedAt) announcedZero = false;
    timer = rendered.timer;
    tick();
  };

  // The countdown is shown and announced at zero, never acted on.
  const tick = () => {
    const node = el.app.querySelector<HTMLElement>('.timer');
    if (!node || !timer) return;
    const now = Date.now();
    const left = Math.max(0, Math.round((timer.deadline - (timer.pausedAt ?? now)) / 1000));
    const words = timer.clock ? { left: 'compare.timeLeft', up: 'compare.timeUp' } : { left: 'classroom.timeLeft', up: 'classroom.timeUp' };
    const text = left > 0 ? t(words.left, { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` }) : t(words.up);
    if (node.textContent !== text) node.textContent = text;
    if (left === 0 && !announcedZero) {
      announcedZero = true;
      node.classList.add('is-up');
      el.polite.append(h('p', {}, text));
    }
  };
  setInterval(tick, 1000);

  el.dialog.addEventListener('close', () => {
    if (actor.getSnapshot().context.panel) send({ type: 'panel.close' });
    el.app.querySelector<HTMLElement>('h1')?.focus();
  });

  actor.subscribe((snapshot) => apply(snapshot));
  apply(actor.getSnapshot());

  return {
    attachStage(port) {
      stage = port;
      // A pin opens its scenario's briefing, as the map's tip says (the list below does the same by keyboard).
      port.onPick((id) => {
        if (!actor.getSnapshot().matches({ screen: 'map' })) return;
        send({ type: 'scenario.start', id });
      });
      if (stageView) port.show(stageView);
    },
    setMood(handler) {
      onMood = handler;
    },
    refresh() {
      apply(actor.getSnapshot(), true);
    },
  };
}

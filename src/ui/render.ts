// The page as a pure function of the app's snapshot and the language: the
// screen, the open panel and the menu. It may run any number of times with
// the same result: it announces nothing, plays nothing, saves nothing —
// those happen in the app machine's transitions.
import type { AppSnapshot } from '../app/app-machine.ts';
import type { AppEvent } from '../app/app-types.ts';
import { phaseOfGame, type GameState } from '../app/game.ts';
import { formatProblem, type ContentBundle } from '../engine/index.ts';
import { t } from '../text/i18n.ts';
import { plain } from './widgets.ts';
import { button, h } from './dom.ts';
import { casebookPanel, endingsPanel, glossaryPanel, pausePanel, rulesPanel, settingsPanel } from './panels.ts';
import { briefingScreen } from './screens/briefing-screen.ts';
import { debriefScreen } from './screens/debrief-screen.ts';
import { decisionScreen } from './screens/decision-screen.ts';
import { endingScreen } from './screens/ending-screen.ts';
import { knowledgeScreen } from './screens/knowledge-screen.ts';
import { mapScreen } from './screens/map-screen.ts';
import { titleScreen } from './screens/title-screen.ts';
import { turnScreen } from './screens/turn-screen.ts';
import { outcomeScreen } from './screens/outcome-screen.ts';
import { guideScreen } from './screens/guide-screen.ts';
import { sourcesScreen } from './screens/sources-screen.ts';
import { joinScreen, setupScreen, workshopHub } from './screens/workshop-screens.ts';
import { compareView } from './render-compare.ts';
import { noticeLines, replaceScreen, saveAndUpdateLines } from './save-notices.ts';
import type { Screen, UiContext } from './ui-context.ts';

export { useMarkdown } from './render-guide.ts';

export interface Rendered {
  screen: Screen;
  /** Changes when the player is somewhere new (not when the same screen is redrawn): focus and scroll follow it. */
  key: string;
  panel: { name: string; content: HTMLElement } | null;
  menu: HTMLElement;
  /** A facilitator's countdown on this screen: its deadline, or null; `clock`: the session clock on the compare screen. */
  timer: { deadline: number; pausedAt: number | null; clock?: boolean } | null;
}

function uiContext(snapshot: AppSnapshot, send: (event: AppEvent) => void): UiContext {
  const app = snapshot.context;
  return {
    app,
    catalog: app.catalog,
    settings: app.settings,
    get bundle(): ContentBundle {
      if (!app.bundle) throw new Error('no content loaded yet');
      return app.bundle;
    },
    votes: app.votes,
    send,
  };
}

function loadingScreen(): Screen {
  return { name: 'boot', body: [h('h1', { tabindex: '-1' }, t('boot.title'))], stage: { scene: 'title' }, stageDescription: t('stage.title') };
}

function errorScreen(snapshot: AppSnapshot): Screen {
  return {
    name: 'error',
    body: [
      h('h1', { tabindex: '-1' }, t('contentError.title')),
      h('p', {}, t('contentError.intro')),
      h('ul', { lang: 'en' }, ...snapshot.context.problems.map((p) => h('li', {}, formatProblem(p)))),
    ],
    stage: { scene: 'title' },
    stageDescription: t('stage.title'),
  };
}

function gameScreen(ui: UiContext, snapshot: AppSnapshot, game: GameState): { screen: Screen; key: string } {
  const ctx = game.snapshot.context;
  const send = ui.send;
  if (snapshot.matches({ screen: { game: 'checkBefore' } }) || snapshot.matches({ screen: { game: 'checkAfter' } })) {
    const when = snapshot.matches({ screen: { game: 'checkBefore' } }) ? 'before' : 'after';
    return { screen: knowledgeScreen(ui, game, when, (answers) => send({ type: 'check.submit', answers })), key: `check:${when}` };
  }
  if (snapshot.matches({ screen: { game: 'debrief' } })) return { screen: debriefScreen(ui, game), key: 'debrief' };
  const phase = phaseOfGame(game);
  if (phase === 'briefing') return { screen: briefingScreen(ui, game), key: 'briefing' };
  if (phase === 'deciding') return { screen: decisionScreen(ui, game), key: `decision:${ctx.decisionIndex}` };
  if (game.outcome) return { screen: outcomeScreen(ui, game), key: `outcome:${ctx.turn}:${game.outcome.event}` };
  if (phase === 'ended') return { screen: endingScreen(ui, game, game.fresh), key: 'ending' };
  return { screen: turnScreen(ui, game, game.fresh), key: `turn:${ctx.turn}:${phase}` };
}

function currentScreen(snapshot: AppSnapshot, ui: UiContext): { screen: Screen; key: string } {
  const app = snapshot.context;
  const notices = noticeLines(app.notices);
  const at = (state: string) => snapshot.matches({ screen: state } as never);
  if (at('title')) return { screen: titleScreen(ui, notices), key: 'title' };
  if (at('map')) return { screen: mapScreen(ui, app.mapSelected, (id) => app.mapSelected !== id && ui.send({ type: 'map.select', id }), notices), key: 'map' };
  if (at('error')) return { screen: errorScreen(snapshot), key: 'error' };
  if (at('guide')) return { screen: guideScreen(ui), key: 'guide' };
  if (at('sources') && app.bundle) return { screen: sourcesScreen(ui, app.bundle), key: 'sources' };
  if (at('confirmReplace')) return { screen: replaceScreen(ui, snapshot), key: 'replace' };
  if (snapshot.matches({ screen: { workshop: 'hub' } })) return { screen: workshopHub(ui), key: 'workshop' };
  if (snapshot.matches({ screen: { workshop: 'setup' } })) return { screen: setupScreen(ui, [...app.catalog].sort((a, b) => a.id.localeCompare(b.id))), key: 'setup' };
  if (snapshot.matches({ screen: { workshop: 'join' } })) return { screen: joinScreen(ui), key: 'join' };
  if (snapshot.matches({ screen: { workshop: 'compare' } })) return { screen: compareView(ui), key: app.facilitator.handout === null ? 'compare' : `handout:${app.facilitator.handout}` };
  if (at('game') && app.game) return gameScreen(ui, snapshot, app.game);
  return { screen: loadingScreen(), key: 'loading' };
}

function panelContent(snapshot: AppSnapshot, ui: UiContext): { name: string; content: HTMLElement } | null {
  const panel = snapshot.context.panel;
  if (!panel || !snapshot.matches({ panel: 'open' })) return null;
  const send = ui.send;
  const bundle = panel.bundle ?? snapshot.context.bundle;
  let content: HTMLElement | null = null;
  if (panel.name === 'settings') {
    content = settingsPanel(ui.settings, {
      update: (patch) => send({ type: 'settings.update', patch }),
      forgetSave: () => send({ type: 'save.forget' }),
      hasSave: snapshot.context.resumable !== null || snapshot.context.game !== null || snapshot.context.kept.length > 0,
      kept: snapshot.context.kept,
      downloadKept: (key) => send({ type: 'save.downloadKept', key }),
      scenarioTitle: (id) => {
        const s = snapshot.context.catalog.find((x) => x.id === id);
        return s ? plain(s.title) : t('replace.unknown');
      },
    });
  } else if (panel.name === 'pause') content = pausePanel(() => send({ type: 'panel.close' }));
  else if (panel.name === 'endings') content = endingsPanel(panel.scenarios ?? [], new Set(panel.seenEndings ?? []));
  else if (bundle && panel.name === 'glossary') content = glossaryPanel(bundle, panel.term);
  else if (bundle && panel.name === 'casebook') content = casebookPanel(bundle);
  else if (bundle && panel.name === 'rules') content = rulesPanel(bundle, panel.metric ?? 'debt', snapshot.context.game?.compiled);
  return content ? { name: panel.name, content } : null;
}

function menu(snapshot: AppSnapshot, send: (event: AppEvent) => void): HTMLElement {
  const item = (label: string, action: string, event: AppEvent) => h('li', {}, button(label, () => send(event), { 'data-action': action }));
  // On a phone the menu folds behind one button; wider screens show it whole (see style.css).
  return h(
    'details',
    { class: 'menu-fold', 'data-key': 'menu' },
    h('summary', {}, t('nav.menuShort')),
    h(
    'ul',
    {},
    item(t('nav.title'), 'menu-title', { type: 'nav.title' }),
    item(t('nav.glossary'), 'menu-glossary', { type: 'panel.open', panel: 'glossary' }),
    item(t('nav.casebook'), 'menu-casebook', { type: 'panel.open', panel: 'casebook' }),
    item(t('nav.endings'), 'menu-endings', { type: 'panel.open', panel: 'endings' }),
    item(t('nav.settings'), 'menu-settings', { type: 'panel.open', panel: 'settings' }),
    item(t(snapshot.context.settings.stage ? 'nav.hidePicture' : 'nav.showPicture'), 'menu-picture', { type: 'settings.update', patch: { stage: !snapshot.context.settings.stage } }),
    snapshot.context.settings.classroom ? item(t('classroom.pause'), 'menu-pause', { type: 'panel.open', panel: 'pause' }) : null,
    ),
  );
}

export function renderApp(snapshot: AppSnapshot, send: (event: AppEvent) => void): Rendered {
  const ui = uiContext(snapshot, send);
  const { screen, key } = currentScreen(snapshot, ui);
  // Below the heading: a new version, a save that could not be stored, and the notices where the screen has no place of its own for them.
  const heading = screen.body.findIndex((n) => n instanceof HTMLElement && n.tagName === 'H1');
  screen.body.splice(heading + 1, 0, ...saveAndUpdateLines(snapshot, send, screen.name !== 'title' && screen.name !== 'map'));
  const timer = snapshot.context.timer;
  const teamTimer = timer && (screen.name === 'decision' || screen.name === 'turn');
  if (teamTimer) screen.body.unshift(h('p', { class: 'timer', role: 'timer' }));
  // The session clock: the compare screen draws its place (.timer) when the chunk is in and no handout is open.
  const clock = snapshot.context.facilitator.clock;
  const showClock = clock && screen.name === 'compare' && screen.body.some((n) => n instanceof HTMLElement && n.querySelector('.timer'));
  return {
    screen,
    key,
    panel: panelContent(snapshot, ui),
    menu: menu(snapshot, send),
    timer: teamTimer ? { deadline: timer.deadline, pausedAt: timer.pausedAt } : showClock ? { deadline: clock.deadline, pausedAt: clock.pausedAt, clock: true } : null,
  };
}

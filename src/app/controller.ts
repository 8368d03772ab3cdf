// The page's controller: it owns the game session, settings, storage, the
// stage and the sound, and renders the current screen into the DOM layer.
// Screens hold no rules; the engine decides, the controller only routes.
import { formatProblem, prepareScenario, type ContentBundle, type GameEvent, type LedgerEntry, type MetricId, type Problem } from '../engine/index.ts';
import type { ScenarioSummary } from '../catalog.ts';
import { loadContentFor } from '../content.ts';
import type { StagePort, StageView } from '../stage/stage-view.ts';
import { fill, h } from '../ui/dom.ts';
import { casebookPanel, glossaryPanel, rulesPanel, settingsPanel } from '../ui/panels.ts';
import { briefingScreen } from '../ui/screens/briefing-screen.ts';
import { debriefScreen } from '../ui/screens/debrief-screen.ts';
import { decisionScreen } from '../ui/screens/decision-screen.ts';
import { endingOf, endingScreen } from '../ui/screens/ending-screen.ts';
import { mapScreen } from '../ui/screens/map-screen.ts';
import { titleScreen } from '../ui/screens/title-screen.ts';
import { causeText, turnScreen } from '../ui/screens/turn-screen.ts';
import type { PanelName, Screen, UiContext } from '../ui/ui-context.ts';
import { plain } from '../ui/widgets.ts';
import { currentLanguage, fmt, setLanguage, t } from './i18n.ts';
import { GameSession, restoreSession, SAVE_KEY, setAsideSave } from './session.ts';
import { saveSettings, type Settings } from './settings.ts';
import type { KeyValueStore } from './storage.ts';
import { randomSeed } from './seeds.ts';

export interface Effects {
  play(effect: 'choice' | 'headline' | 'meter-up' | 'meter-down' | 'ending'): void;
  setMood(mood: 'calm' | 'tense' | 'somber' | 'hopeful' | null): void;
  apply(settings: Settings): void;
}

type View = { kind: 'title' } | { kind: 'map'; selected: string | null } | { kind: 'game' } | { kind: 'debrief' } | { kind: 'error'; problems: Problem[] };

export interface Shell {
  app: HTMLElement;
  stage: HTMLElement;
  polite: HTMLElement;
  assertive: HTMLElement;
  captions: HTMLElement;
  dialog: HTMLDialogElement;
  menu: HTMLElement;
}

export class Controller implements UiContext {
  session: GameSession | null = null;
  private view: View = { kind: 'title' };
  private notices: string[] = [];
  private stagePort: StagePort | null = null;
  private lastStage: StageView | null = null;
  sound: Effects | null = null;

  private loaded: ContentBundle | null = null;

  constructor(
    readonly catalog: readonly ScenarioSummary[],
    readonly store: KeyValueStore,
    public settings: Settings,
    private readonly shell: Shell,
  ) {}

  // --- UiContext --------------------------------------------------------

  /** The content loaded for the game in progress (or for the panels). */
  get bundle(): ContentBundle {
    if (!this.loaded) throw new Error('no content loaded yet');
    return this.loaded;
  }

  /** Load the shared files and, if named, one scenario; show the problems if any. */
  private async load(scenarioId: string | null): Promise<ContentBundle | null> {
    const entry = scenarioId === null ? null : this.catalog.find((s) => s.id === scenarioId);
    if (scenarioId !== null && !entry) return null;
    if (this.loaded && (scenarioId === null || this.loaded.scenarios.some((s) => s.id === scenarioId))) return this.loaded;
    const report = await loadContentFor(entry ? [entry.file] : []);
    if (!report.bundle) {
      this.view = { kind: 'error', problems: report.problems };
      this.render();
      return null;
    }
    this.loaded = report.bundle;
    return report.bundle;
  }

  get resumable() {
    if (this.session) return null;
    const restored = this.peekSave();
    return restored;
  }

  send(event: GameEvent): void {
    if (!this.session) return;
    if (this.session.send(event)) {
      this.playEffect('choice');
      this.render();
    }
  }

  startScenario(id: string, seed: number = randomSeed()): void {
    void this.start(id, seed);
  }

  async start(id: string, seed: number = randomSeed()): Promise<void> {
    const bundle = await this.load(id);
    const scenario = bundle?.scenarios.find((s) => s.id === id);
    if (!bundle || !scenario) return;
    this.session?.stop();
    this.session = new GameSession(prepareScenario(scenario, bundle.shared), seed, this.store);
    this.session.save();
    this.view = { kind: 'game' };
    this.notices = [];
    this.render();
  }

  resume(): void {
    void this.resumeSaved();
  }

  /** Restore the saved game, or set it aside with a message. */
  async checkSave(): Promise<void> {
    const saved = this.peekSave();
    if (!saved) return;
    const bundle = saved.scenario ? await this.load(saved.scenario) : null;
    const restored = restoreSession(this.store, bundle ?? { ...(await this.load(null))!, scenarios: [] });
    if (restored.kind === 'discarded') {
      setAsideSave(this.store);
      this.notices.push(t('notice.saveDiscarded', { reason: restored.reason }));
    } else if (restored.kind === 'restored') restored.session.stop();
  }

  private async resumeSaved(): Promise<void> {
    const saved = this.peekSave();
    const bundle = saved?.scenario ? await this.load(saved.scenario) : await this.load(null);
    if (!bundle) return;
    const restored = restoreSession(this.store, bundle);
    if (restored.kind === 'restored') {
      this.session = restored.session;
      if (restored.migrated) this.notices.push(t('notice.saveMigrated'));
      this.view = { kind: 'game' };
    } else if (restored.kind === 'discarded') {
      setAsideSave(this.store);
      this.notices.push(t('notice.saveDiscarded', { reason: restored.reason }));
    }
    this.render();
  }

  goTitle(): void {
    this.closePanel();
    this.session?.stop();
    this.session = null;
    this.view = { kind: 'title' };
    this.render();
  }

  goMap(selected?: string): void {
    this.session?.stop();
    this.session = null;
    this.view = { kind: 'map', selected: selected ?? null };
    this.render();
  }

  goDebrief(): void {
    this.view = { kind: 'debrief' };
    this.render();
  }

  openPanel(panel: PanelName, metric?: MetricId): void {
    if (panel !== 'settings' && !this.loaded) {
      void this.load(null).then((bundle) => bundle && this.openPanel(panel, metric));
      return;
    }
    const dialog = this.shell.dialog;
    let content: HTMLElement;
    if (panel === 'settings') {
      content = settingsPanel(this.settings, {
        update: (patch) => {
          this.updateSettings(patch);
          if (patch.lang) this.openPanel('settings');
        },
        forgetSave: () => this.store.remove(SAVE_KEY),
        hasSave: this.store.get(SAVE_KEY) !== null,
      });
    } else if (panel === 'glossary') content = glossaryPanel(this.bundle);
    else if (panel === 'casebook') content = casebookPanel(this.bundle);
    else content = rulesPanel(this.bundle, metric ?? 'debt');
    const close = h('button', { type: 'button', class: 'dialog-close', 'data-action': 'close-panel' }, t('nav.close'));
    close.addEventListener('click', () => this.closePanel());
    fill(dialog, close, content);
    dialog.dataset['panel'] = panel;
    if (!dialog.open) dialog.showModal();
    content.querySelector<HTMLElement>('h2')?.focus();
  }

  updateSettings(patch: Partial<Settings>): void {
    this.settings = { ...this.settings, ...patch };
    saveSettings(this.store, this.settings);
    this.applySettings();
    if (patch.lang !== undefined) this.render();
  }

  announce(message: string, politeness: 'polite' | 'assertive' = 'polite'): void {
    const region = politeness === 'assertive' ? this.shell.assertive : this.shell.polite;
    // Append rather than replace so quick successive messages are all read.
    region.append(h('p', {}, message));
    while (region.childElementCount > 8) region.firstElementChild?.remove();
  }

  playEffect(effect: 'choice' | 'headline' | 'meter-up' | 'meter-down' | 'ending'): void {
    this.sound?.play(effect);
  }

  // --- wiring -----------------------------------------------------------

  addNotice(message: string): void {
    this.notices.push(message);
  }

  attachStage(stage: StagePort): void {
    this.stagePort = stage;
    stage.onPick((id) => {
      if (this.view.kind === 'map') {
        this.view = { kind: 'map', selected: id };
        this.render();
        this.shell.app.querySelector<HTMLElement>(`[data-scenario="${CSS.escape(id)}"]`)?.focus();
      }
    });
    if (this.lastStage) stage.show(this.lastStage);
  }

  reducedMotion(): boolean {
    if (this.settings.reducedMotion === 'on') return true;
    if (this.settings.reducedMotion === 'off') return false;
    return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  applySettings(): void {
    const root = document.documentElement;
    if (currentLanguage() !== this.settings.lang) setLanguage(this.settings.lang);
    root.style.setProperty('--text-scale', String(this.settings.textScale));
    root.classList.toggle('classroom', this.settings.classroom);
    root.classList.toggle('reduce-motion', this.reducedMotion());
    this.shell.captions.hidden = !this.settings.captions;
    this.sound?.apply(this.settings);
    this.renderMenu();
  }

  private closePanel(): void {
    if (this.shell.dialog.open) this.shell.dialog.close();
  }

  private peekSave(): { scenario: string; turn: number } | null {
    const text = this.store.get(SAVE_KEY);
    if (!text) return null;
    try {
      const data = JSON.parse(text) as { scenarioId?: unknown; snapshot?: { context?: { turn?: unknown } } };
      if (typeof data.scenarioId !== 'string' || !this.catalog.some((s) => s.id === data.scenarioId)) return { scenario: '', turn: 0 };
      const turn = data.snapshot?.context?.turn;
      return { scenario: data.scenarioId, turn: typeof turn === 'number' ? turn : 0 };
    } catch {
      return { scenario: '', turn: 0 };
    }
  }

  private renderMenu(): void {
    const item = (label: string, action: string, onClick: () => void) => {
      const b = h('button', { type: 'button', 'data-action': action }, label);
      b.addEventListener('click', onClick);
      return h('li', {}, b);
    };
    fill(
      this.shell.menu,
      h(
        'ul',
        {},
        item(t('nav.title'), 'menu-title', () => this.goTitle()),
        item(t('nav.glossary'), 'menu-glossary', () => this.openPanel('glossary')),
        item(t('nav.casebook'), 'menu-casebook', () => this.openPanel('casebook')),
        item(t('nav.settings'), 'menu-settings', () => this.openPanel('settings')),
      ),
    );
    this.shell.menu.setAttribute('aria-label', t('nav.menu'));
  }

  /** Render the current screen. */
  render(): void {
    const screen = this.currentScreen();
    const app = this.shell.app;
    const changed = app.dataset['screen'] !== screen.name || screen.name === 'turn' || screen.name === 'decision';
    app.dataset['screen'] = screen.name;
    fill(app, ...screen.body);
    this.shell.stage.setAttribute('aria-label', t('app.stageAlt', { description: screen.stageDescription }));
    const stageView: StageView = { ...screen.stage, reducedMotion: this.reducedMotion() };
    this.lastStage = stageView;
    this.stagePort?.show(stageView);
    this.sound?.setMood(this.moodFor(screen.name));
    const focusLost = !this.shell.dialog.open && (document.activeElement === document.body || !document.activeElement?.isConnected);
    if (changed || focusLost) {
      if (changed) window.scrollTo?.(0, 0);
      app.querySelector<HTMLElement>('h1')?.focus();
    }
  }

  private moodFor(name: Screen['name']): 'calm' | 'tense' | 'somber' | 'hopeful' | null {
    if (name === 'ending' || name === 'debrief') {
      const tone = this.session ? endingOf(this.session).tone : 'mixed';
      return tone === 'good' ? 'hopeful' : tone === 'bad' ? 'somber' : 'calm';
    }
    if ((name === 'turn' || name === 'decision') && this.session) {
      const m = this.session.snapshot.context.metrics;
      return m.backlash >= 50 || m.dataExposure >= 50 ? 'tense' : 'calm';
    }
    return 'calm';
  }

  private takeFresh(): LedgerEntry[] {
    const session = this.session!;
    const ledger = session.snapshot.context.ledger;
    const fresh = ledger.slice(session.shown);
    if (fresh.length > 0) {
      session.shown = ledger.length;
      session.save();
    }
    return fresh;
  }

  private announceChanges(fresh: readonly LedgerEntry[]): void {
    const session = this.session!;
    // One message per step, so a long list of changes is read as a whole and not cut by the region's limit.
    if (fresh.length > 0) {
      this.announce(fresh.map((e) => t('turn.announce', { metric: t(`metric.${e.metric}`), delta: fmt.delta(e.delta), cause: causeText(session, e) })).join(' '));
    }
    if (fresh.some((e) => e.delta > 0 && e.metric !== 'publicSafety' && e.metric !== 'sovereignty' && e.metric !== 'standing')) this.playEffect('meter-up');
    else if (fresh.length > 0) this.playEffect('meter-down');
  }

  private currentScreen(): Screen {
    const view = this.view;
    const notices = this.notices;
    if (view.kind === 'title') return titleScreen(this, notices);
    if (view.kind === 'error') {
      return {
        name: 'error',
        body: [h('h1', { tabindex: '-1' }, t('contentError.title')), h('p', {}, t('contentError.intro')), h('ul', { lang: 'en' }, ...view.problems.map((p) => h('li', {}, formatProblem(p))))],
        stage: { scene: 'title' },
        stageDescription: t('stage.title'),
      };
    }
    if (view.kind === 'map') {
      return mapScreen(this, view.selected, (id) => {
        if (this.view.kind !== 'map' || this.view.selected === id) return;
        this.view = { kind: 'map', selected: id };
        this.lastStage = { ...this.lastStage!, selected: id };
        this.stagePort?.show(this.lastStage);
        this.shell.stage.setAttribute('aria-label', t('app.stageAlt', { description: mapScreen(this, id, () => {}, []).stageDescription }));
      }, notices);
    }
    const session = this.session!;
    if (view.kind === 'debrief') return debriefScreen(this, session);
    const phase = session.phase;
    if (phase === 'briefing') return briefingScreen(this, session);
    if (phase === 'deciding') return decisionScreen(this, session);
    const fresh = this.takeFresh();
    if (phase === 'ended') {
      const ending = endingOf(session);
      this.announce(t('ending.announce', { title: plain(ending.title), tone: t(`ending.tone.${ending.tone}`) }), 'assertive');
      this.playEffect('ending');
      return endingScreen(this, session, fresh);
    }
    this.announceChanges(fresh);
    const event = session.snapshot.context.currentEvent;
    if (event) {
      const card = session.compiled.eventById.get(event);
      if (card) this.announce(plain(card.headline));
      this.playEffect('headline');
    }
    return turnScreen(this, session, fresh);
  }
}

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
import { CodeError, decodeSession, normaliseCode, sessionOfResult, WORKSHOP_SEED_BITS, type SessionSettings } from './codes.ts';
import { importResultCode, parseResultFile, resultCodeFor, resultsCsv, RESULT_FILE_VERSION, type ResultFile, type TeamResult } from './results.ts';
import { compareScreen, joinScreen, setupScreen, workshopHub, type WorkshopActions } from '../ui/screens/workshop-screens.ts';
import { knowledgeScreen } from '../ui/screens/knowledge-screen.ts';
import { endingsPanel, pausePanel } from '../ui/panels.ts';
import { download } from '../ui/download.ts';

export interface Effects {
  play(effect: 'choice' | 'headline' | 'meter-up' | 'meter-down' | 'ending'): void;
  setMood(mood: 'calm' | 'tense' | 'somber' | 'hopeful' | null): void;
  apply(settings: Settings): void;
}

type View =
  | { kind: 'title' }
  | { kind: 'map'; selected: string | null }
  | { kind: 'game' }
  | { kind: 'check'; when: 'before' | 'after' }
  | { kind: 'debrief' }
  | { kind: 'workshop' }
  | { kind: 'setup' }
  | { kind: 'join'; code: string; problem: string | null }
  | { kind: 'compare' }
  | { kind: 'error'; problems: Problem[] };

const ENDINGS_KEY = 'safe-city.endings';

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
    const s = this.session;
    if (s && s.meta.knowledgeCheck && s.compiled.scenario.knowledgeCheck.length > 0 && !s.meta.after) this.view = { kind: 'check', when: 'after' };
    else this.view = { kind: 'debrief' };
    if (this.settings.tips && this.view.kind === 'debrief') {
      // The first scenario played to the end has taught the interface.
      this.tipsSeenDebrief = true;
    }
    this.render();
  }

  goWorkshop(): void {
    this.session?.stop();
    this.session = null;
    this.view = { kind: 'workshop' };
    this.render();
  }

  // --- workshop ------------------------------------------------------------

  private results: TeamResult[] = [];
  private resultProblems: string[] = [];
  private tallies = new Map<string, number>();
  private tipsSeenDebrief = false;

  votes(key: string): number {
    return this.tallies.get(key) ?? 0;
  }

  vote(key: string, delta: number): void {
    this.tallies.set(key, Math.max(0, this.votes(key) + delta));
  }

  private sortedIds(): string[] {
    return this.catalog.map((s) => s.id).sort();
  }

  /** Start a team's game from a session code. Returns why not, or null. */
  joinSession(code: string, team: string): string | null {
    const name = team.trim();
    let settings: SessionSettings;
    try {
      settings = decodeSession(code, this.catalog.length);
    } catch (error) {
      return t('workshop.badCode', { reason: (error as Error).message });
    }
    if (!name) return t('workshop.needTeam');
    const id = this.sortedIds()[settings.scenarioIndex]!;
    void this.start(id, settings.seed).then(() => {
      if (!this.session) return;
      this.session.meta = { team: name, sessionCode: normaliseCode(code), knowledgeCheck: settings.knowledgeCheck, timerMinutes: settings.timerMinutes };
      this.session.save();
      this.render();
    });
    return null;
  }

  openJoin(code: string): void {
    this.view = { kind: 'join', code, problem: null };
    this.render();
  }

  teamResult(): { code: string; file: (includeAnswers: boolean) => string } | null {
    const s = this.session;
    if (!s?.meta.sessionCode || s.snapshot.status !== 'done') return null;
    let settings: SessionSettings;
    try {
      settings = decodeSession(s.meta.sessionCode, this.catalog.length);
    } catch {
      return null;
    }
    const code = resultCodeFor(s.compiled, settings, s.events);
    return {
      code,
      file: (includeAnswers) => {
        const file: ResultFile = {
          format: 'safe-city-result',
          version: RESULT_FILE_VERSION,
          team: s.meta.team ?? 'Team',
          code,
          scenario: s.compiled.scenario.id,
          ...(includeAnswers && (s.meta.before || s.meta.after) ? { knowledge: { before: s.meta.before ?? {}, after: s.meta.after ?? {} } } : {}),
        };
        return JSON.stringify(file, null, 2);
      },
    };
  }

  private workshopActions(): WorkshopActions {
    return {
      openSetup: () => {
        this.view = { kind: 'setup' };
        this.render();
      },
      openJoin: (code = '') => {
        this.view = { kind: 'join', code, problem: null };
        this.render();
      },
      openCompare: () => {
        this.view = { kind: 'compare' };
        this.render();
      },
      join: (code, team) => this.joinSession(code, team),
      importResults: async (codes, files) => {
        const entries: { what: string; team: string; code: string; knowledge?: ResultFile['knowledge'] }[] = [];
        const problems: string[] = [];
        codes
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean)
          .forEach((line, i) => {
            const m = /^(.*?)\s*:\s*([0-9A-Za-z -]+)$/.exec(line);
            entries.push({ what: line.slice(0, 40), team: m ? m[1]! : `${t('workshop.team')} ${this.results.length + i + 1}`, code: m ? m[2]! : line });
          });
        for (const f of files) {
          try {
            if (!f.text) throw new CodeError('fileEmpty');
            const r = parseResultFile(f.text);
            entries.push({ what: f.name.slice(0, 60), team: r.team, code: r.code, knowledge: r.knowledge });
          } catch (error) {
            problems.push(t('workshop.importProblem', { what: f.name.slice(0, 60), reason: (error as Error).message }));
          }
        }
        const ids = this.sortedIds();
        for (const e of entries) {
          try {
            // Load the scenario the code names before replaying it.
            await this.loadFor(ids[sessionOfResult(e.code, ids.length).scenarioIndex] ?? '');
            this.results.push(importResultCode(e.code, e.team, ids, (id) => this.loadedFor.get(id)!, e.knowledge));
          } catch (error) {
            problems.push(t('workshop.importProblem', { what: e.what, reason: (error as Error).message }));
          }
        }
        this.resultProblems = problems;
        this.render();
      },
      clearResults: () => {
        this.results = [];
        this.resultProblems = [];
        this.render();
      },
      downloadCsv: () => {
        const csv = resultsCsv(
          this.results,
          (r) => {
            const e = this.loadedFor.get(r.scenarioId)?.scenarios.find((s) => s.id === r.scenarioId)?.endings.find((x) => x.id === r.ending);
            return e ? plain(e.title) : r.ending;
          },
          (r) => Object.values(r.choices).map((ids) => ids.join('+')).join('; '),
        );
        download('safe-city-results.csv', csv, 'text/csv');
      },
    };
  }

  private loadedFor = new Map<string, ContentBundle>();

  private async loadFor(scenarioId: string): Promise<void> {
    if (this.loadedFor.has(scenarioId)) return;
    const entry = this.catalog.find((s) => s.id === scenarioId);
    if (!entry) return;
    const report = await loadContentFor([entry.file]);
    if (report.bundle) this.loadedFor.set(scenarioId, report.bundle);
  }


  openPanel(panel: PanelName, metric?: MetricId): void {
    if (panel !== 'settings' && panel !== 'pause' && panel !== 'endings' && panel !== 'guide' && !this.loaded) {
      void this.load(null).then((bundle) => bundle && this.openPanel(panel, metric));
      return;
    }
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
    } else if (panel === 'pause') content = pausePanel(() => this.closePanel());
    else if (panel === 'endings' || panel === 'guide') {
      void (panel === 'endings' ? this.endingsContent() : guideContent()).then((c) => this.showPanel(panel, c));
      return;
    } else if (panel === 'glossary') content = glossaryPanel(this.bundle);
    else if (panel === 'casebook') content = casebookPanel(this.bundle);
    else content = rulesPanel(this.bundle, metric ?? 'debt', this.session?.compiled);
    this.showPanel(panel, content);
  }

  private showPanel(panel: PanelName, content: HTMLElement): void {
    const dialog = this.shell.dialog;
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

  private seenEndings(): string[] {
    try {
      const list = JSON.parse(this.store.get(ENDINGS_KEY) ?? '[]') as unknown;
      return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').slice(0, 500) : [];
    } catch {
      return [];
    }
  }

  private recordEnding(scenarioId: string, endingId: string): void {
    const seen = this.seenEndings();
    const key = `${scenarioId}:${endingId}`;
    if (!seen.includes(key)) this.store.set(ENDINGS_KEY, JSON.stringify([...seen, key]));
  }

  private async endingsContent(): Promise<HTMLElement> {
    const report = await loadContentFor(this.catalog.map((c) => c.file));
    return endingsPanel(report.bundle?.scenarios ?? [], new Set(this.seenEndings()));
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
        item(t('nav.endings'), 'menu-endings', () => this.openPanel('endings')),
        item(t('nav.settings'), 'menu-settings', () => this.openPanel('settings')),
        this.settings.classroom ? item(t('classroom.pause'), 'menu-pause', () => this.openPanel('pause')) : null,
      ),
    );
    this.shell.menu.setAttribute('aria-label', t('nav.menu'));
  }

  private timer: { key: string; deadline: number; handle: ReturnType<typeof setInterval> } | null = null;

  /** A facilitator's time limit per decision or turn: shown, announced at zero, never acted on. */
  private timerFor(screen: Screen): HTMLElement | null {
    const s = this.session;
    const minutes = s?.meta.timerMinutes ?? 0;
    if (!s || minutes <= 0 || (screen.name !== 'decision' && screen.name !== 'turn')) {
      if (this.timer) clearInterval(this.timer.handle);
      this.timer = null;
      return null;
    }
    const key = `${s.snapshot.context.decisionIndex}.${s.snapshot.context.turn}`;
    const el = h('p', { class: 'timer', role: 'timer' });
    if (!this.timer || this.timer.key !== key) {
      if (this.timer) clearInterval(this.timer.handle);
      this.timer = { key, deadline: Date.now() + minutes * 60_000, handle: setInterval(() => this.tick(), 1000) };
    }
    queueMicrotask(() => this.tick());
    return el;
  }

  private tick(): void {
    if (!this.timer) return;
    // A paused class (the pause panel open) does not lose time.
    if (this.shell.dialog.open && this.shell.dialog.dataset['panel'] === 'pause') this.timer.deadline += 1000;
    const el = this.shell.app.querySelector<HTMLElement>('.timer');
    if (!el) return;
    const left = Math.max(0, Math.round((this.timer.deadline - Date.now()) / 1000));
    const text = left > 0 ? t('classroom.timeLeft', { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` }) : t('classroom.timeUp');
    if (el.textContent !== text) el.textContent = text;
    if (left === 0 && !el.classList.contains('is-up')) {
      el.classList.add('is-up');
      this.announce(text);
    }
  }

  /** Render the current screen. */
  render(): void {
    const screen = this.currentScreen();
    const timer = this.timerFor(screen);
    if (timer) screen.body.unshift(timer);
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
    if (view.kind === 'workshop') return workshopHub(this, this.workshopActions());
    if (view.kind === 'setup') {
      const buffer = new Uint32Array(1);
      crypto.getRandomValues(buffer);
      return setupScreen(this, [...this.catalog].sort((a, b) => a.id.localeCompare(b.id)), {
        scenarioIndex: 0,
        seed: buffer[0]! % 2 ** WORKSHOP_SEED_BITS,
        knowledgeCheck: true,
        timerMinutes: 0,
      });
    }
    if (view.kind === 'join') return joinScreen(this, this.workshopActions(), view.code, view.problem);
    if (view.kind === 'compare') return compareScreen(this, this.workshopActions(), this.results, this.resultProblems, (id) => this.loadedFor.get(id) ?? null);
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
        // Only the stage follows the selection; the text stays, so focus stays where it is.
        const next = mapScreen(this, id, () => {}, []);
        this.lastStage = { ...next.stage, reducedMotion: this.reducedMotion() };
        this.stagePort?.show(this.lastStage);
        this.shell.stage.setAttribute('aria-label', t('app.stageAlt', { description: next.stageDescription }));
      }, notices);
    }
    const session = this.session!;
    if (view.kind === 'check') {
      return knowledgeScreen(this, session, view.when, (answers) => {
        session.meta = { ...session.meta, [view.when]: answers };
        session.save();
        this.view = view.when === 'before' ? { kind: 'game' } : { kind: 'debrief' };
        this.render();
      });
    }
    if (view.kind === 'debrief') {
      if (this.tipsSeenDebrief && this.settings.tips) queueMicrotask(() => this.updateSettings({ tips: false }));
      return debriefScreen(this, session);
    }
    const phase = session.phase;
    if (phase === 'briefing' && session.meta.knowledgeCheck && session.compiled.scenario.knowledgeCheck.length > 0 && !session.meta.before) {
      this.view = { kind: 'check', when: 'before' };
      return this.currentScreen();
    }
    if (phase === 'briefing') return briefingScreen(this, session);
    if (phase === 'deciding') return decisionScreen(this, session);
    const fresh = this.takeFresh();
    if (phase === 'ended') {
      const ending = endingOf(session);
      this.recordEnding(session.compiled.scenario.id, ending.id);
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

/** The teacher's guide in each language: docs/teacher-guide.md (English) and docs/teacher-guide.<lang>.md. */
const GUIDES = import.meta.glob<string>('../../docs/teacher-guide*.md', { query: '?raw', import: 'default' });

/** The guide in the player's language, or in English with a note; loaded only when opened. */
async function guideContent(): Promise<HTMLElement> {
  const own = GUIDES[`../../docs/teacher-guide.${currentLanguage()}.md`];
  const [text, { renderMarkdown }] = await Promise.all([(own ?? GUIDES['../../docs/teacher-guide.md']!)(), import('../ui/markdown.ts')]);
  const body = renderMarkdown(text, own ? currentLanguage() : 'en');
  const title = body.querySelector('h2');
  title?.setAttribute('tabindex', '-1');
  if (own || currentLanguage() === 'en') return h('section', { class: 'panel panel-guide' }, body);
  return h('section', { class: 'panel panel-guide', lang: 'en' }, h('p', { class: 'meta', lang: currentLanguage() }, t('nav.guideLanguage')), body);
}

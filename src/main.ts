// A minimal DOM front end that plays any scenario from start to debrief. The
// Phaser stage arrives with the browser-game issue; this page already follows
// its rules: all text and choices are DOM, the root names the current screen
// in data-screen, and no game rule lives here (it asks the engine).
import './style.css';
import { createActor, type Actor } from 'xstate';
import {
  chosenOptions,
  compileScenario,
  enabledEvents,
  explainCause,
  formatProblem,
  isValidSeed,
  localize,
  phaseOf,
  prepareScenario,
  totalsByCause,
  type CompiledScenario,
  type ContentBundle,
  type GameEvent,
  type GameMachine,
  type Lang,
  type LedgerEntry,
  type MetricId,
} from './engine/index.ts';
import { loadBundle } from './content.ts';
import { button, h } from './dom.ts';
import { STRINGS, type UiStrings } from './strings.ts';

const app = document.getElementById('app')!;

interface Game {
  compiled: CompiledScenario;
  actor: Actor<GameMachine>;
  /** Ledger length already shown, so each screen shows only what just changed. */
  shown: number;
}

let bundle: ContentBundle;
let lang: Lang = 'en';
let t: UiStrings = STRINGS.en;
let game: Game | null = null;
const notices: string[] = [];

function setScreen(name: string, ...children: Node[]) {
  app.dataset['screen'] = name;
  app.replaceChildren(...children);
  // Move focus to the new screen's heading so keyboard and screen-reader users follow along.
  app.querySelector<HTMLElement>('h1, h2')?.focus();
}

function heading(level: 'h1' | 'h2', text: string) {
  return h(level, { tabindex: '-1' }, text);
}

function formatMetric(metric: MetricId, value: number): string {
  if (metric === 'debt') return t.usdMillions(new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value));
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value)} / 100`;
}

function formatDelta(delta: number): string {
  return `${delta > 0 ? '+' : '−'}${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(Math.abs(delta))}`;
}

function sourceList(ids: readonly string[]) {
  if (ids.length === 0) return null;
  const facts = new Map(bundle.registry.facts.map((f) => [f.id, f]));
  const docs = new Map(bundle.registry.sources.map((s) => [s.id, s]));
  const items = ids.map((id) => {
    const fact = facts.get(id);
    const doc = docs.get(fact ? fact.source : id);
    const title = doc ? `${doc.id}: ${doc.title} (${doc.author}, ${doc.date})` : id;
    return h('li', {}, fact ? `${fact.id} — ${fact.text} [${title}]` : title);
  });
  return h('details', { class: 'sources' }, h('summary', {}, `${t.sources} (${ids.join(', ')})`), h('ul', {}, ...items));
}

function metricsPanel(g: Game) {
  const { metrics } = g.actor.getSnapshot().context;
  return h(
    'dl',
    { class: 'metrics', 'aria-label': t.measures },
    ...(Object.keys(metrics) as MetricId[]).flatMap((m) => [h('dt', {}, t.metric[m]), h('dd', {}, formatMetric(m, metrics[m]))]),
  );
}

function changesList(g: Game, entries: readonly LedgerEntry[]) {
  if (entries.length === 0) return null;
  return h(
    'ul',
    { class: 'changes', 'aria-label': t.whatChanged },
    ...entries.map((e) =>
      h('li', {}, h('strong', {}, `${t.metric[e.metric]} ${formatDelta(e.delta)}`), ' — ', explainCause(g.compiled, e, lang), sourceList(e.sources)),
    ),
  );
}

function takeNewChanges(g: Game): LedgerEntry[] {
  const { ledger } = g.actor.getSnapshot().context;
  const fresh = ledger.slice(g.shown);
  g.shown = ledger.length;
  return fresh;
}

function send(event: GameEvent) {
  game!.actor.send(event);
  render();
}

// ---------------------------------------------------------------------------

function renderTitle() {
  const list = h(
    'ul',
    { class: 'scenarios' },
    ...bundle.scenarios.map((s) =>
      h(
        'li',
        {},
        button(`${localize(s.title, lang)} — ${localize(s.place.city, lang)}, ${s.years.start}`, () => startGame(s.id, randomSeed())),
      ),
    ),
  );
  const langSwitch = button(lang === 'en' ? 'Русский' : 'English', () => {
    setLang(lang === 'en' ? 'ru' : 'en');
    render();
  }, { lang: lang === 'en' ? 'ru' : 'en' });
  setScreen(
    'title',
    heading('h1', 'Safe City'),
    h('p', { class: 'lede' }, t.tagline),
    ...notices.map((n) => h('p', { class: 'notice', role: 'alert' }, n)),
    h('h2', {}, t.chooseScenario),
    list,
    langSwitch,
  );
}

function renderBriefing(g: Game) {
  const s = g.compiled.scenario;
  setScreen(
    'briefing',
    heading('h1', localize(s.title, lang)),
    h('p', { class: 'meta' }, `${localize(s.place.city, lang)} · ${s.years.start}–${s.years.end} · ${t.seed} ${g.actor.getSnapshot().context.seed}`),
    h('p', {}, localize(s.briefing.text, lang)),
    sourceList(s.briefing.sources) ?? h('span'),
    h('h2', {}, t.advisors),
    h(
      'ul',
      { class: 'advisors' },
      ...s.advisors.map((a) => h('li', {}, h('strong', {}, `${localize(a.name, lang)} (${t.role[a.role]})`), ': ', localize(a.view, lang))),
    ),
    h('p', { class: 'note' }, t.fictionalAdvisors),
    button(t.begin, () => send({ type: 'briefing.start' })),
  );
}

function renderDecision(g: Game) {
  const ctx = g.actor.getSnapshot().context;
  const decision = g.compiled.decisions[ctx.decisionIndex]!;
  const valid = enabledEvents(g.compiled, 'deciding', ctx).filter((e): e is Extract<GameEvent, { type: 'decision.choose' }> => e.type === 'decision.choose');
  const availableIds = new Set(valid.flatMap((e) => e.options));
  const describe = (o: (typeof decision.options)[number]) =>
    h(
      'div',
      { class: 'option-text' },
      h('p', {}, localize(o.summary, lang)),
      o.hypothetical ? h('p', { class: 'hypothetical' }, t.hypotheticalOption) : null,
      o.vendor ? h('p', { class: 'meta' }, t.vendorLine(o.vendor.priceUsdM, o.vendor.capability, o.vendor.jurisdiction, o.vendor.remoteAccess, o.vendor.sanctioned)) : null,
      o.loan ? h('p', { class: 'meta' }, t.loanLine(o.loan.share, o.loan.annualRatePct, o.loan.graceYears, o.loan.tenorYears)) : null,
      decision.multi ? h('p', { class: 'meta' }, t.cost(o.cost)) : null,
      sourceList(o.sources),
    );
  const body: Node[] = [heading('h1', localize(decision.title, lang)), h('p', {}, localize(decision.prompt, lang))];
  if (!decision.multi) {
    body.push(
      h(
        'ul',
        { class: 'options' },
        ...decision.options.map((o) =>
          h(
            'li',
            {},
            button(localize(o.label, lang), () => send({ type: 'decision.choose', decision: decision.id, options: [o.id] }), {
              disabled: !availableIds.has(o.id),
            }),
            describe(o),
          ),
        ),
      ),
    );
  } else {
    const picked = new Set<string>();
    const status = h('p', { class: 'budget', 'aria-live': 'polite' });
    const confirm = button(t.confirm, () => send({ type: 'decision.choose', decision: decision.id, options: [...picked] }));
    const update = () => {
      const cost = decision.options.filter((o) => picked.has(o.id)).reduce((s, o) => s + o.cost, 0);
      status.textContent = t.budgetLine(cost, decision.budget);
      const ok = valid.some((e) => e.options.length === picked.size && e.options.every((o) => picked.has(o)));
      confirm.disabled = !ok;
    };
    body.push(
      h(
        'ul',
        { class: 'options' },
        ...decision.options.map((o) => {
          const toggle = button(localize(o.label, lang), () => {
            if (picked.has(o.id)) picked.delete(o.id);
            else picked.add(o.id);
            toggle.setAttribute('aria-pressed', String(picked.has(o.id)));
            update();
          }, { 'aria-pressed': 'false', disabled: !availableIds.has(o.id) });
          return h('li', {}, toggle, describe(o));
        }),
      ),
      status,
      confirm,
    );
    update();
  }
  body.push(metricsPanel(g));
  setScreen('decision', ...body);
}

function renderTurn(g: Game) {
  const snapshot = g.actor.getSnapshot();
  const ctx = snapshot.context;
  const changes = takeNewChanges(g);
  const s = g.compiled.scenario;
  const year = s.turnUnit === 'year' ? s.years.start + ctx.turn - 1 : `${s.years.start + Math.floor((ctx.turn - 1) / 4)} Q${((ctx.turn - 1) % 4) + 1}`;
  const head = [heading('h1', t.turnTitle(ctx.turn, s.turns, String(year)))];
  const event = ctx.currentEvent ? g.compiled.eventById.get(ctx.currentEvent) : undefined;
  const body: Node[] = [];
  if (event) {
    body.push(
      h('h2', { class: 'headline' }, localize(event.headline, lang)),
      event.hypothetical ? h('p', { class: 'hypothetical' }, t.hypotheticalEvent) : h('span'),
      h('p', { class: 'memo' }, localize(event.memo, lang)),
      sourceList(event.sources) ?? h('span'),
      h(
        'ul',
        { class: 'options' },
        ...enabledEvents(g.compiled, 'awaitingResponse', ctx).map((e) => {
          const response = event.responses.find((r) => e.type === 'event.respond' && r.id === e.response)!;
          return h('li', {}, button(localize(response.label, lang), () => send(e)), response.summary ? h('p', {}, localize(response.summary, lang)) : null);
        }),
      ),
    );
  } else {
    body.push(h('p', {}, t.quietTurn), button(t.continue, () => send({ type: 'turn.continue' })));
  }
  setScreen('turn', ...head, h('section', { 'aria-label': t.whatChanged }, changesList(g, changes) ?? h('p', {}, t.noChanges)), ...body, metricsPanel(g));
}

function renderEnding(g: Game) {
  const ctx = g.actor.getSnapshot().context;
  const s = g.compiled.scenario;
  const ending = s.endings.find((e) => e.id === ctx.ending)!;
  takeNewChanges(g);
  const totals = totalsByCause(ctx.ledger);
  const byMetric = (Object.keys(ctx.metrics) as MetricId[]).map((m) => {
    const entries = totals.filter((e) => e.metric === m);
    const list = entries.length
      ? h(
          'ul',
          { class: 'changes' },
          ...entries.map((e) =>
            h(
              'li',
              {},
              h('strong', {}, `${formatDelta(e.delta)}${e.turns.length > 1 ? ` (${t.times(e.turns.length)})` : ''}`),
              ' — ',
              explainCause(g.compiled, { ...e, turn: e.turns[0]! }, lang),
              sourceList(e.sources),
            ),
          ),
        )
      : h('p', {}, t.noChanges);
    return h('section', {}, h('h3', {}, `${t.metric[m]}: ${formatMetric(m, ctx.metrics[m])}`), list);
  });
  const choices = chosenOptions(g.compiled, ctx).map((o) => localize(o.label, lang));
  const historical = s.decisions.flatMap((d) => {
    const want = s.historical.choices[d.id];
    const ids = want === undefined ? [] : typeof want === 'string' ? [want] : want;
    return ids.map((id) => localize(d.options.find((o) => o.id === id)?.label, lang));
  });
  setScreen(
    'ending',
    heading('h1', localize(ending.title, lang)),
    h('p', { class: `tone tone-${ending.tone}` }, t.tone[ending.tone]),
    ending.hypothetical ? h('p', { class: 'hypothetical' }, t.hypotheticalEnding) : h('span'),
    h('p', {}, localize(ending.text, lang)),
    metricsPanel(g),
    h('h2', {}, t.yourPath),
    h('ul', {}, ...choices.map((c) => h('li', {}, c))),
    h('h2', {}, t.historicalPath),
    h('ul', {}, ...historical.map((c) => h('li', {}, c))),
    h('p', {}, localize(s.historical.summary, lang)),
    h('p', {}, localize(s.historical.outcome, lang)),
    sourceList(s.historical.sources) ?? h('span'),
    h('h2', {}, t.why),
    ...byMetric,
    s.discussion.length ? h('h2', {}, t.discussion) : h('span'),
    h('ol', {}, ...s.discussion.map((q) => h('li', {}, localize(q, lang)))),
    button(t.replay, () => startGame(s.id, randomSeed())),
    button(t.otherScenario, () => {
      game = null;
      render();
    }),
  );
}

function render() {
  if (!game) return renderTitle();
  const phase = phaseOf(game.actor.getSnapshot().value);
  if (phase === 'briefing') return renderBriefing(game);
  if (phase === 'deciding') return renderDecision(game);
  if (phase === 'ended') return renderEnding(game);
  return renderTurn(game);
}

// ---------------------------------------------------------------------------

function randomSeed(): number {
  return Math.floor(Math.random() * 1_000_000) + 1;
}

function startGame(id: string, seed: number) {
  const scenario = bundle.scenarios.find((s) => s.id === id)!;
  const compiled = prepareScenario(scenario, bundle.shared);
  const actor = createActor(compileScenario(compiled), { input: { seed } });
  actor.start();
  game = { compiled, actor, shown: 0 };
  notices.length = 0;
  render();
}

function setLang(next: Lang) {
  lang = next;
  t = STRINGS[lang];
  document.documentElement.lang = lang;
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  const known = new Set(['scenario', 'seed', 'lang']);
  for (const key of params.keys()) if (!known.has(key)) notices.push(t.unknownParam(key));
  const langParam = params.get('lang');
  if (langParam !== null) {
    if (langParam === 'en' || langParam === 'ru') setLang(langParam);
    else notices.push(t.unknownLang(langParam));
  }
  let seed = randomSeed();
  const seedParam = params.get('seed');
  if (seedParam !== null) {
    if (/^\d{1,10}$/.test(seedParam) && isValidSeed(Number(seedParam))) seed = Number(seedParam);
    else notices.push(t.badSeed(seedParam));
  }
  const scenarioParam = params.get('scenario');
  if (scenarioParam !== null) {
    if (bundle.scenarios.some((s) => s.id === scenarioParam)) return startGame(scenarioParam, seed);
    notices.push(t.unknownScenario(scenarioParam));
  }
  render();
}

async function boot() {
  const report = await loadBundle();
  if (!report.bundle) {
    setScreen(
      'error',
      heading('h1', STRINGS.en.contentError),
      h('ul', {}, ...report.problems.map((p) => h('li', {}, formatProblem(p)))),
    );
    return;
  }
  bundle = report.bundle;
  readUrl();
}

void boot();

// The content checks that hold a scenario to the record: a historical row
// marked documented rests on a fact that supports it, every event of the
// historical path can fire on it, and nothing set in a year cites what became
// public later (unless the text says it looks back). Used by validate.ts.
import { createActor } from 'xstate';
import { choiceProblem, scenarioMachine, compileScenario, type CompiledScenario } from './compile.ts';
import { earliestTurnOnAnyPath, historicalOptions, turnsEventCanArrive } from './history.ts';
import { allVersions } from './variants.ts';
import { SCHEMA_VERSION, type Decision, type EventCard, type Fact, type HindsightException, type Scenario, type SourceDocument } from './schema.ts';
import { SOURCES_FILE, type Problem } from './content-types.ts';

/** What the checks look things up in: the source registry and the shared deck. */
export interface Refs {
  sources: Set<string>;
  sharedEvents: readonly EventCard[];
  facts: ReadonlyMap<string, Fact>;
  documents: ReadonlyMap<string, SourceDocument>;
  sharedHindsight: readonly HindsightException[];
  sharedFile: string;
  /** Shared hindsight exceptions that excused at least one citation. */
  usedSharedHindsight: Set<HindsightException>;
}

// ---------------------------------------------------------------------------
// Documented rows of the historical path must rest on a fact that supports them.

/** Names by which the casebook's place column refers to each country. */
const COUNTRY_PLACES: Record<string, readonly string[]> = {
  KG: ['Kyrgyzstan', 'Kyrgyz', 'Bishkek'],
  KZ: ['Kazakhstan', 'Almaty', 'Nur-Sultan', 'Astana', 'Shymkent'],
  UZ: ['Uzbekistan', 'Tashkent', 'Samarkand'],
  TJ: ['Tajikistan', 'Dushanbe'],
  TM: ['Turkmenistan'],
};

/** Fact tags that can document a choice of each decision kind (policy: any). */
export const DOCUMENTING_TAGS: Record<Decision['kind'], readonly string[] | null> = {
  vendor: ['vendor', 'procurement'],
  financing: ['financing', 'free-equipment', 'debt'],
  safeguards: ['safeguards', 'law', 'oversight-office', 'procurement', 'civil-society'],
  policy: null,
};

/**
 * A row marked "documented" needs at least one fact that (1) exists, (2) is
 * about this scenario's country (its place names the country or one of its
 * cities: a precedent abroad cannot document what this government did), (3)
 * is cited by the chosen option itself (for a response: by the response or
 * its event), so the player sees it beside the choice, and (4) for a choice,
 * carries a theme tag of the decision's kind (a financing row needs a
 * financing fact). Every option of a multi-select row needs its own fact.
 */
export function checkDocumentedRows(file: string, s: Scenario, refs: Refs, problems: Problem[]) {
  const push = (path: string, expected: string) => problems.push({ file, path, expected });
  const places = COUNTRY_PLACES[s.place.country] ?? [];
  const aboutCountry = (f: Fact) => places.some((p) => f.place.includes(p));
  const country = places[0] ?? s.place.country;
  const checkFacts = (at: string, facts: readonly string[]) => {
    facts.forEach((id, i) => {
      if (!refs.facts.has(id)) push(`${at}.facts[${i}]`, `a fact id listed in scenarios/${SOURCES_FILE} (got "${id}")`);
    });
    return facts.map((id) => refs.facts.get(id)).filter((f): f is Fact => f !== undefined);
  };
  const allEvents = [...s.events, ...refs.sharedEvents];

  for (const d of s.decisions) {
    const row = Object.hasOwn(s.historical.choices, d.id) ? s.historical.choices[d.id]! : undefined;
    if (!row) continue;
    const at = `$.historical.choices.${d.id}`;
    const facts = checkFacts(at, row.facts);
    if (row.status !== 'documented') continue;
    const themes = DOCUMENTING_TAGS[d.kind];
    const fits = (f: Fact) => aboutCountry(f) && (themes === null || f.tags.some((t) => themes.includes(t)));
    const picks = historicalOptions(row.options);
    const themeText = themes ? ` tagged ${themes.join(' or ')}` : '';
    if (picks.length === 0) {
      if (!facts.some((f) => fits(f) && d.sources.includes(f.id)))
        push(`${at}.facts`, `a fact about ${country}${themeText}, cited by decision "${d.id}", that documents that no option was taken; otherwise mark the row "stand-in"`);
      continue;
    }
    for (const id of picks) {
      const option = d.options.find((o) => o.id === id);
      if (!option) continue;
      const cited = new Set([...option.sources, ...option.effects.flatMap((e) => e.sources)]);
      if (!facts.some((f) => fits(f) && cited.has(f.id)))
        push(
          `${at}.facts`,
          `a fact about ${country}${themeText} that option "${id}" itself cites and that documents that the government chose it (listed: ${row.facts.join(', ') || 'none'}); otherwise mark the row "stand-in" with a note`,
        );
    }
  }

  for (const [eventId, row] of Object.entries(s.historical.responses)) {
    const at = `$.historical.responses.${eventId}`;
    const facts = checkFacts(at, row.facts);
    if (row.status !== 'documented') continue;
    const event = allEvents.find((e) => e.id === eventId);
    // The version of the card (variants.ts) that offers the response: its own sources count.
    const version = event && allVersions(event).find((v) => v.responses.some((r) => r.id === row.response));
    const response = version?.responses.find((r) => r.id === row.response);
    if (!version || !response) continue;
    const cited = new Set([...version.sources, ...response.sources, ...response.effects.flatMap((e) => e.sources)]);
    if (!facts.some((f) => aboutCountry(f) && cited.has(f.id)))
      push(
        `${at}.facts`,
        `a fact about ${country}, cited by the event or by response "${row.response}", that documents this response (listed: ${row.facts.join(', ') || 'none'}); otherwise mark the row "stand-in" with a note`,
      );
  }
}

/**
 * Replay the historical choices through the compiled machine: each must be
 * allowed at its turn (requires, min/max, budget, no repeats), or the debrief
 * and `--policy historical` would silently show a different path. Then check
 * the events: every event the path names a response for must be able to
 * arrive on it, and every event that can arrive on it needs a row.
 */
export function checkHistoricalPath(file: string, s: Scenario, refs: Refs, problems: Problem[]) {
  const c = compileScenario(s, { schemaVersion: SCHEMA_VERSION, events: [...refs.sharedEvents], hindsight: [] });
  const actor = createActor(scenarioMachine(c), { input: { seed: 1 } });
  actor.start();
  actor.send({ type: 'briefing.start' });
  let replayed = true;
  for (const d of c.decisions) {
    const picked = historicalOptions(s.historical.choices[d.id]!.options);
    const problem = choiceProblem(c, actor.getSnapshot().context, d.id, picked);
    if (problem) {
      problems.push({ file, path: `$.historical.choices.${d.id}.options`, expected: `a choice the game allows at that point (${problem})` });
      replayed = false;
      break;
    }
    actor.send({ type: 'decision.choose', decision: d.id, options: picked });
  }
  actor.stop();
  if (!replayed) return;

  const admitted = new Set(c.events.map((e) => e.id));
  for (const [eventId, row] of Object.entries(s.historical.responses)) {
    const at = `$.historical.responses.${eventId}`;
    const event = c.eventById.get(eventId);
    if (!admitted.has(eventId) || !event) {
      problems.push({ file, path: at, expected: `an event this scenario admits ("${eventId}" is excluded by excludeSharedEvents): remove the row` });
      continue;
    }
    if (turnsEventCanArrive(c, event).length === 0)
      problems.push({ file, path: at, expected: `an event that can arrive on the historical path: its "when" cannot hold with the historical choices in any of turns 1–${s.turns} (check the tags, options and flags it needs)` });
    else if (turnsEventCanArrive(c, event, row.response).length === 0)
      problems.push({ file, path: `${at}.response`, expected: `a response that can be offered on the historical path: the "when" of "${row.response}" cannot hold with the historical choices` });
  }
  for (const event of c.events) {
    if (Object.hasOwn(s.historical.responses, event.id)) continue;
    const turns = turnsEventCanArrive(c, event);
    if (turns.length > 0)
      problems.push({
        file,
        path: '$.historical.responses',
        expected: `a row for event "${event.id}", which can arrive on the historical path (turn ${turns[0]}${turns.length > 1 ? ` to ${turns[turns.length - 1]}` : ''}): its documented response, or a stand-in with a note`,
      });
  }
}

// ---------------------------------------------------------------------------
// Time-consistency: an element set in a given year cites nothing that became
// public later, unless the scenario's hindsight list says its text looks back.

/** The year from which a fact or document was public. */
export function knownFromYear(id: string, refs: Pick<Refs, 'facts' | 'documents'>): number | undefined {
  const fact = refs.facts.get(id);
  if (fact) return fact.known.standing ? undefined : fact.known.year;
  const doc = refs.documents.get(id);
  return doc ? Number(doc.published.slice(0, 4)) : undefined;
}

/** Every `sources` list inside an element (effects, responses), with its path. */
function* citationLists(value: unknown, path: string): Generator<[string, string[]]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* citationLists(v, `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'sources' && Array.isArray(v)) yield [`${path}.sources`, v as string[]];
      else if (k !== 'when' && k !== 'requires') yield* citationLists(v, `${path}.${k}`);
    }
  }
}

interface TimedElement {
  path: string;
  year: number;
  value: unknown;
}

/** The calendar year of a turn of the full length (one year each). */
export function yearOfTurn(s: Scenario, turn: number): number {
  return s.years.start + turn - 1;
}

/**
 * The in-world elements of a scenario and the year each is set in: the
 * briefing, advisors and decisions in the first year; an event (with its
 * responses and effects) in the first year it can arrive on some path. Events
 * that can never arrive are left out.
 */
export function timedElements(c: CompiledScenario): TimedElement[] {
  const s = c.scenario;
  const out: TimedElement[] = [{ path: '$.briefing', year: s.years.start, value: s.briefing }];
  s.advisors.forEach((a, i) => out.push({ path: `$.advisors[${i}]`, year: s.years.start, value: a }));
  s.decisions.forEach((d, i) => out.push({ path: `$.decisions[${i}]`, year: s.years.start, value: d }));
  s.events.forEach((e, i) => {
    const turn = earliestTurnOnAnyPath(c, e);
    if (turn !== undefined) out.push({ path: `$.events[${i}]`, year: yearOfTurn(s, turn), value: e });
  });
  return out;
}

/** The exception that excuses citing `id` at `path`, if any. */
const excuse = (list: readonly HindsightException[], path: string, id: string) =>
  list.find((h) => (path === h.path || path.startsWith(`${h.path}.`) || path.startsWith(`${h.path}[`)) && h.sources.includes(id));

export function checkTimes(file: string, s: Scenario, refs: Refs, problems: Problem[]) {
  const report = (where: string, path: string, id: string, year: number, known: number, scenarioNote = '') =>
    problems.push({
      file: where,
      path,
      expected: `no citation published after the element's year ${year}${scenarioNote}: "${id}" was public only from ${known} (${refs.facts.get(id)?.known.basis ?? 'publication date'}); cite what was known then, or say in the text that it looks back and list it under "hindsight" with a reason`,
    });
  const c = compileScenario(s, { schemaVersion: SCHEMA_VERSION, events: [...refs.sharedEvents], hindsight: [] });
  const used = new Set<HindsightException>();
  for (const el of timedElements(c)) {
    for (const [path, ids] of citationLists(el.value, el.path)) {
      ids.forEach((id, i) => {
        const known = knownFromYear(id, refs);
        if (known === undefined || known <= el.year) return;
        const h = excuse(s.hindsight, path, id);
        if (h) used.add(h);
        else report(file, `${path}[${i}]`, id, el.year, known);
      });
    }
  }
  s.hindsight.forEach((h, i) => {
    if (!used.has(h))
      problems.push({ file, path: `$.hindsight[${i}]`, expected: `an exception that excuses a citation the check would report (none of ${h.sources.join(', ')} at ${h.path} is later than its element's year): remove it` });
  });
  const excluded = new Set(s.excludeSharedEvents);
  refs.sharedEvents.forEach((e, ei) => {
    if (excluded.has(e.id)) return;
    const turn = earliestTurnOnAnyPath(c, e);
    if (turn === undefined) return;
    const year = yearOfTurn(s, turn);
    for (const [path, ids] of citationLists(e, `$.events[${ei}]`)) {
      ids.forEach((id, i) => {
        const known = knownFromYear(id, refs);
        if (known === undefined || known <= year) return;
        const h = excuse(refs.sharedHindsight, path, id);
        if (h) refs.usedSharedHindsight.add(h);
        else
          report(refs.sharedFile, `${path}[${i}]`, id, year, known, ` (in scenario "${s.id}", where this event can arrive from ${year}: gate it with a later turn or exclude it there)`);
      });
    }
  });
}

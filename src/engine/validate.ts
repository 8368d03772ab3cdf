// Loads content files (already read as text) into a checked bundle. Every
// problem is reported as `file: json.path: what was expected`; nothing throws.
import type { z } from 'zod';
import { conditionReferences } from './conditions.ts';
import { historicalOptions } from './history.ts';
import { everyResponse } from './variants.ts';
import { Glossary, Scenario, SharedEvents, SourceRegistry, type Condition, type EventCard } from './schema.ts';

export * from './content-types.ts';
import { GLOSSARY_FILE, SHARED_EVENTS_FILE, SOURCES_FILE, type ContentFile, type ContentReport, type Problem } from './content-types.ts';
import { checkDocumentedRows, checkHistoricalPath, checkTimes, type Refs } from './record-checks.ts';
export { DOCUMENTING_TAGS, knownFromYear, timedElements, yearOfTurn } from './record-checks.ts';


function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : `.${String(s)}`;
  return out;
}

function parse<T>(file: ContentFile, schema: z.ZodType<T>, problems: Problem[]): T | null {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (error) {
    problems.push({ file: file.path, path: '$', expected: `valid JSON (${(error as Error).message})` });
    return null;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file: file.path, path: jsonPath(issue.path), expected: describeIssue(issue) });
  }
  return null;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message))
    return `a required field (${issue.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '')})`;
  if (issue.code === 'unrecognized_keys') return `no unknown fields (found ${issue.keys.map((k) => `"${k}"`).join(', ')})`;
  if (issue.code === 'invalid_union' && issue.path.includes('historical'))
    return '"status": "documented" with the "facts" that document it, or "status": "stand-in" with a "note" saying what the record does not say';
  if (issue.code === 'invalid_union') return 'a valid condition, e.g. {"tag": "remote-access"} or {"metric": "backlash", "gte": 50}';
  return issue.message.replace(/^Invalid (input|option): /, '');
}

/** Walk a parsed value, yielding every [path, key, value] triple. */
function* walk(value: unknown, path: string): Generator<[string, string, unknown]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* walk(v, `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield [`${path}.${k}`, k, v];
      yield* walk(v, `${path}.${k}`);
    }
  }
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}


function checkCommon(file: string, data: unknown, refs: Refs, assumptions: Set<string> | null, problems: Problem[]) {
  const push = (path: string, expected: string) => problems.push({ file, path, expected });
  for (const [path, key, value] of walk(data, '$')) {
    if (key === 'sources' && Array.isArray(value)) {
      value.forEach((id, i) => {
        if (typeof id === 'string' && !refs.sources.has(id))
          push(`${path}[${i}]`, `a source or fact id listed in scenarios/${SOURCES_FILE} (got "${id}")`);
      });
    }
    if (key === 'assumptions' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      value.forEach((id: string, i) => {
        if (!assumptions?.has(id)) push(`${path}[${i}]`, `an assumption id declared in this scenario's "assumptions" (got "${id}")`);
      });
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'en' in value && !('ru' in value)) {
      push(path, 'a Russian translation ("ru") beside the English text');
    }
  }
}

function checkScenario(file: string, s: Scenario, refs: Refs, problems: Problem[]) {
  const push = (path: string, expected: string) => problems.push({ file, path, expected });
  const problemsBefore = problems.length;
  checkCommon(file, s, refs, new Set(s.assumptions.map((a) => a.id)), problems);

  const expectedName = `${s.id}.json`;
  if (baseName(file) !== expectedName) push('$.id', `the file name to match the id ("${expectedName}")`);
  for (const [label, ids] of [
    ['decision', s.decisions.map((d) => d.id)],
    ['event', [...s.events, ...refs.sharedEvents].map((e) => e.id)],
    ['ending', s.endings.map((e) => e.id)],
    ['advisor', s.advisors.map((a) => a.id)],
    ['assumption', s.assumptions.map((a) => a.id)],
  ] as const) {
    for (const id of duplicates(ids)) push('$', `unique ${label} ids (the ${label} "${id}" appears more than once, counting the shared deck)`);
  }

  const span = s.years.end - s.years.start + 1;
  if (span < 1) push('$.years.end', 'an end year not before the start year');
  if (s.turns > span) push('$.turns', `at most ${span} turns (one a year) for ${s.years.start}–${s.years.end}`);
  if (s.lesson) {
    if (s.lesson.turns >= s.turns) push('$.lesson.turns', `fewer years than the full length (${s.turns})`);
    s.lesson.preset.forEach((id, i) => {
      if (!s.decisions.some((d) => d.id === id)) push(`$.lesson.preset[${i}]`, `a decision id of this scenario (got "${id}")`);
    });
    if (s.lesson.preset.length >= s.decisions.length) push('$.lesson.preset', 'at least one decision left to the player');
  }

  const hasVendorDecision = s.decisions.some((d) => d.kind === 'vendor');
  s.decisions.forEach((d, di) => {
    const at = `$.decisions[${di}]`;
    for (const id of duplicates(d.options.map((o) => o.id))) push(`${at}.options`, `unique option ids ("${id}" appears twice)`);
    if (!d.multi && (d.budget !== undefined || d.max !== undefined)) push(at, 'no "budget" or "max" on a single-choice decision (set "multi": true)');
    if (!d.multi && d.min !== 1) push(`${at}.min`, 'min 1 on a single-choice decision');
    if (d.max !== undefined && (d.max > d.options.length || d.max < d.min)) push(`${at}.max`, `a max between min (${d.min}) and the number of options (${d.options.length})`);
    d.options.forEach((o, oi) => {
      const oat = `${at}.options[${oi}]`;
      if (d.kind === 'vendor' && !o.vendor) push(oat, 'a "vendor" profile (price, capability, jurisdiction, remote access, sanctions, training) on every vendor option');
      if ((o.tags.includes('loan') || o.tags.includes('commodity-backed')) && !o.loan) push(oat, 'loan terms ("loan") on an option tagged loan or commodity-backed');
      if (o.loan && !hasVendorDecision) push(`${oat}.loan`, 'a vendor decision in the scenario: a loan finances the vendor package price');
      if (o.cost > 0 && !d.multi) push(`${oat}.cost`, 'no cost on a single-choice decision (costs count against a multi-select budget)');
    });
  });

  const regular = s.endings.filter((e) => !e.early);
  if (regular.length === 0) push('$.endings', 'at least one ending that is not early');
  const last = regular[regular.length - 1];
  if (last && last.when !== undefined) push(`$.endings[${s.endings.indexOf(last)}].when`, 'no condition on the last regular ending: it is the fallback');
  regular.slice(0, -1).forEach((e) => {
    if (e.when === undefined) push(`$.endings[${s.endings.indexOf(e)}].when`, 'a condition: only the last regular ending may be unconditional');
  });
  s.endings.forEach((e, i) => {
    if (e.early && e.when === undefined) push(`$.endings[${i}].when`, 'a condition on an early ending');
  });

  const decisionById = new Map(s.decisions.map((d) => [d.id, d]));
  const allEvents = [...s.events, ...refs.sharedEvents];
  const eventById = new Map(allEvents.map((e) => [e.id, e]));
  const flags = new Set<string>();
  for (const d of s.decisions) for (const o of d.options) o.flags.forEach((f) => flags.add(f));
  for (const e of allEvents) for (const r of everyResponse(e)) r.flags.forEach((f) => flags.add(f));
  s.events.forEach((e, i) => checkVariants(e, `$.events[${i}]`, push));

  for (const [path, key, value] of walk(s, '$')) {
    if (key !== 'when' && key !== 'requires') continue;
    for (const ref of conditionReferences(value as Condition, path)) {
      const [a, b] = ref.value.split('.');
      if (ref.kind === 'chose') {
        const d = decisionById.get(a!);
        if (!d) push(ref.path, `a decision id of this scenario (got "${a}")`);
        else if (!d.options.some((o) => o.id === b)) push(ref.path, `an option of decision "${a}" (got "${b}")`);
      } else if (ref.kind === 'responded') {
        const e = eventById.get(a!);
        if (!e) push(ref.path, `an event id (got "${a}")`);
        else if (!everyResponse(e).some((r) => r.id === b)) push(ref.path, `a response of event "${a}" (got "${b}")`);
      } else if (ref.kind === 'seen') {
        if (!eventById.has(ref.value)) push(ref.path, `an event id (got "${ref.value}")`);
      } else if (!flags.has(ref.value)) {
        push(ref.path, `a flag set by some option or response (no option or response sets "${ref.value}")`);
      }
    }
  }

  for (const d of s.decisions) {
    const row = Object.hasOwn(s.historical.choices, d.id) ? s.historical.choices[d.id] : undefined;
    const at = `$.historical.choices.${d.id}`;
    if (row === undefined) {
      push('$.historical.choices', `a historical choice for decision "${d.id}"`);
      continue;
    }
    const want = row.options;
    const picked = historicalOptions(want);
    if (!d.multi && typeof want !== 'string') push(`${at}.options`, 'a single option id for a single-choice decision');
    if (d.multi && typeof want === 'string') push(`${at}.options`, 'an array of option ids for a multi-select decision');
    let cost = 0;
    for (const id of picked) {
      const o = d.options.find((x) => x.id === id);
      if (!o) push(`${at}.options`, `an option of decision "${d.id}" (got "${id}")`);
      else cost += o.cost;
    }
    if (d.budget !== undefined && cost > d.budget) push(`${at}.options`, `options within the budget of ${d.budget} (they cost ${cost})`);
  }
  for (const id of Object.keys(s.historical.choices)) {
    if (!decisionById.has(id)) push(`$.historical.choices.${id}`, `a decision id of this scenario (got "${id}")`);
  }
  for (const id of duplicates(s.knowledgeCheck.map((q) => q.id))) push('$.knowledgeCheck', `unique question ids ("${id}" twice)`);
  s.knowledgeCheck.forEach((q, i) => {
    if (!q.choices.some((c) => c.id === q.answer)) push(`$.knowledgeCheck[${i}].answer`, `the id of one of the question's choices (got "${q.answer}")`);
    for (const id of duplicates(q.choices.map((c) => c.id))) push(`$.knowledgeCheck[${i}].choices`, `unique choice ids ("${id}" twice)`);
  });
  const sharedIds = new Set(refs.sharedEvents.map((e) => e.id));
  s.excludeSharedEvents.forEach((id, i) => {
    if (!sharedIds.has(id)) push(`$.excludeSharedEvents[${i}]`, `an event id from scenarios/${SHARED_EVENTS_FILE} (got "${id}")`);
  });
  for (const [eventId, row] of Object.entries(s.historical.responses)) {
    const e = eventById.get(eventId);
    if (!e) push(`$.historical.responses.${eventId}`, `an event id (got "${eventId}")`);
    else if (!everyResponse(e).some((r) => r.id === row.response)) push(`$.historical.responses.${eventId}.response`, `a response of event "${eventId}" (got "${row.response}")`);
  }
  if (problemsBefore === problems.length) checkDocumentedRows(file, s, refs, problems);
}

/** A card's variants (variants.ts): unique ids, each replacing something, unique response ids within every version. */
function checkVariants(e: EventCard, at: string, push: (path: string, expected: string) => void) {
  for (const id of duplicates(e.variants.map((v) => v.id))) push(`${at}.variants`, `unique variant ids ("${id}" appears twice)`);
  e.variants.forEach((v, i) => {
    const vat = `${at}.variants[${i}]`;
    if (!v.headline && !v.memo && !v.effects && !v.responses && !v.sources && v.hypothetical === undefined) push(vat, 'at least one part that replaces the card\'s own (headline, memo, effects, responses, sources, hypothetical)');
    if (v.responses) for (const id of duplicates(v.responses.map((r) => r.id))) push(`${vat}.responses`, `unique response ids ("${id}" appears twice)`);
    if (v.headline && !v.memo) push(`${vat}.memo`, 'a memo beside a new headline: the card\'s own memo tells another story');
  });
}

function checkShared(file: string, shared: SharedEvents, refs: Refs, problems: Problem[]) {
  const push = (path: string, expected: string) => problems.push({ file, path, expected });
  checkCommon(file, shared, refs, null, problems);
  for (const id of duplicates(shared.events.map((e) => e.id))) push('$.events', `unique event ids ("${id}" appears twice)`);
  const byId = new Map(shared.events.map((e) => [e.id, e]));
  const flags = new Set(shared.events.flatMap((e) => everyResponse(e).flatMap((r) => r.flags)));
  shared.events.forEach((e, i) => checkVariants(e, `$.events[${i}]`, push));
  for (const [path, key, value] of walk(shared, '$')) {
    if (key !== 'when') continue;
    for (const ref of conditionReferences(value as Condition, path)) {
      const [a, b] = ref.value.split('.');
      if (ref.kind === 'chose') push(ref.path, 'a tag, metric, flag or turn condition: shared events cannot name a scenario\'s decisions');
      else if (ref.kind === 'seen' && !byId.has(ref.value)) push(ref.path, `a shared event id (got "${ref.value}")`);
      else if (ref.kind === 'responded' && !everyResponse(byId.get(a!)).some((r) => r.id === b)) push(ref.path, `a shared event and response (got "${ref.value}")`);
      else if (ref.kind === 'flag' && !flags.has(ref.value)) push(ref.path, `a flag set by a shared response (none sets "${ref.value}")`);
    }
  }
}

function checkGlossary(file: string, g: Glossary, refs: Refs, problems: Problem[]) {
  checkCommon(file, g, refs, null, problems);
  const ids = new Set(g.terms.map((t) => t.id));
  for (const id of duplicates(g.terms.map((t) => t.id))) problems.push({ file, path: '$.terms', expected: `unique term ids ("${id}" twice)` });
  g.terms.forEach((t, i) =>
    t.see.forEach((id, j) => {
      if (!ids.has(id)) problems.push({ file, path: `$.terms[${i}].see[${j}]`, expected: `a term id of this glossary (got "${id}")` });
    }),
  );
}

function checkRegistry(file: string, r: SourceRegistry, problems: Problem[]) {
  const sources = new Set(r.sources.map((s) => s.id));
  r.sources.forEach((d, i) => {
    if (!d.kind) problems.push({ file, path: `$.sources[${i}]`, expected: 'a "kind" ({"en": "a news article", "ru": "…"}) for the About-the-sources page' });
    if (!d.about) problems.push({ file, path: `$.sources[${i}]`, expected: 'an "about" text (who wrote it, when, its angle) for the About-the-sources page' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.published) && !d.publishedEstimate)
      problems.push({ file, path: `$.sources[${i}].published`, expected: 'a full date, or a "publishedEstimate" saying how a partial date was estimated' });
  });
  const ids = new Set([...sources, ...r.facts.map((f) => f.id)]);
  for (const id of duplicates(r.notes.map((n) => n.id))) problems.push({ file, path: '$.notes', expected: `unique note ids ("${id}" twice)` });
  r.notes.forEach((n, i) =>
    n.sources.forEach((id, j) => {
      if (!ids.has(id)) problems.push({ file, path: `$.notes[${i}].sources[${j}]`, expected: `a source or fact id of this registry (got "${id}")` });
    }),
  );
  checkCommon(file, r, { sources: ids } as Refs, null, problems);
  for (const id of duplicates(r.sources.map((s) => s.id))) problems.push({ file, path: '$.sources', expected: `unique source ids ("${id}" twice)` });
  for (const id of duplicates(r.facts.map((f) => f.id))) problems.push({ file, path: '$.facts', expected: `unique fact ids ("${id}" twice)` });
  r.facts.forEach((f, i) => {
    if (!sources.has(f.source)) problems.push({ file, path: `$.facts[${i}].source`, expected: `a source id from $.sources (got "${f.source}")` });
  });
}

/**
 * Check a full set of content files: one source registry, one shared deck,
 * and any number of scenarios.
 */
/**
 * Options: `requireScenario` (default true) asks for at least one scenario
 * file; `allScenarios` says the files hold every scenario of the game (as in
 * scenarios:check), so a shared hindsight exception that excuses nothing in
 * any of them is stale. The browser loads one scenario at a time and leaves it
 * off.
 */
export function loadContent(files: readonly ContentFile[], options: { requireScenario?: boolean; allScenarios?: boolean } = {}): ContentReport {
  const problems: Problem[] = [];
  const registryFile = files.find((f) => baseName(f.path) === SOURCES_FILE);
  const sharedFile = files.find((f) => baseName(f.path) === SHARED_EVENTS_FILE);
  const glossaryFile = files.find((f) => baseName(f.path) === GLOSSARY_FILE);
  const scenarioFiles = files.filter((f) => f !== registryFile && f !== sharedFile && f !== glossaryFile);

  if (!registryFile) problems.push({ file: `scenarios/${SOURCES_FILE}`, path: '$', expected: 'a source registry file' });
  if (!sharedFile) problems.push({ file: `scenarios/${SHARED_EVENTS_FILE}`, path: '$', expected: 'a shared event deck file' });
  if (!glossaryFile) problems.push({ file: `scenarios/${GLOSSARY_FILE}`, path: '$', expected: 'a glossary file' });

  const registry = registryFile ? parse(registryFile, SourceRegistry, problems) : null;
  if (registry && registryFile) checkRegistry(registryFile.path, registry, problems);
  const refs: Refs = {
    sources: new Set([...(registry?.sources.map((s) => s.id) ?? []), ...(registry?.facts.map((f) => f.id) ?? [])]),
    sharedEvents: [],
    facts: new Map((registry?.facts ?? []).map((f) => [f.id, f])),
    documents: new Map((registry?.sources ?? []).map((d) => [d.id, d])),
    sharedHindsight: [],
    usedSharedHindsight: new Set(),
    sharedFile: sharedFile?.path ?? `scenarios/${SHARED_EVENTS_FILE}`,
  };
  const shared = sharedFile ? parse(sharedFile, SharedEvents, problems) : null;
  if (shared && sharedFile) {
    checkShared(sharedFile.path, shared, refs, problems);
    refs.sharedEvents = shared.events;
    refs.sharedHindsight = shared.hindsight;
  }

  const glossary = glossaryFile ? parse(glossaryFile, Glossary, problems) : null;
  if (glossary && glossaryFile) checkGlossary(glossaryFile.path, glossary, refs, problems);

  const scenarios: Scenario[] = [];
  for (const file of scenarioFiles) {
    const scenario = parse(file, Scenario, problems);
    if (!scenario) continue;
    const before = problems.length;
    checkScenario(file.path, scenario, refs, problems);
    if (problems.length === before) checkHistoricalPath(file.path, scenario, refs, problems);
    if (registry) checkTimes(file.path, scenario, refs, problems);
    scenarios.push(scenario);
  }
  if (options.allScenarios && registry && shared && sharedFile && scenarios.length > 0 && scenarios.length === scenarioFiles.length) {
    shared.hindsight.forEach((h, i) => {
      if (!refs.usedSharedHindsight.has(h))
        problems.push({ file: sharedFile.path, path: `$.hindsight[${i}]`, expected: `an exception that excuses a citation the check would report in some scenario (none of ${h.sources.join(', ')} at ${h.path} is later than the year the event can arrive): remove it` });
    });
  }
  for (const id of duplicates(scenarios.map((s) => s.id))) {
    problems.push({ file: 'scenarios/', path: '$.id', expected: `unique scenario ids ("${id}" is used twice)` });
  }
  if (scenarioFiles.length === 0 && options.requireScenario !== false) problems.push({ file: 'scenarios/', path: '$', expected: 'at least one scenario file' });

  const ok = problems.length === 0 && registry !== null && shared !== null && glossary !== null;
  return { bundle: ok ? { scenarios, shared: shared!, registry: registry!, glossary: glossary! } : null, problems };
}

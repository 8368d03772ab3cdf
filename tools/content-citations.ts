// npm run content:citations [-- --out FILE] [-- --lang ru]
// Writes a Markdown report (default reports/citations.md) that puts every
// cited element of the content beside the facts it cites: each scenario, the
// shared deck, the glossary, the source registry's notes and the engine's
// built-in rules. For each element: its JSON path, its text (English, or
// Russian with --lang ru), the facts' own words and their verbatim evidence
// quotes, so that a reviewer can read every claim against its evidence in one
// pass. Also lists figures in a text that none of its citations contains, and
// citations published after the element's scenario year (as scenarios:check).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import * as engine from '../src/engine/index.ts';
import { yearOfTurn } from '../src/engine/validate.ts';
import type { ContentBundle, Fact, LocalizedText, Scenario, SourceDocument } from '../src/engine/index.ts';
import { loadBundleOrExit } from './content-files.ts';
import './locales-from-disk.ts';
import { ruleText } from '../src/text/explain.ts';
import { setLanguage } from '../src/text/i18n.ts';

const args = parseArgs({ options: { out: { type: 'string' }, lang: { type: 'string' }, dir: { type: 'string' } } }).values;
const lang = args.lang === 'ru' ? 'ru' : 'en';
const OUT = args.out ?? (lang === 'ru' ? 'reports/citations.ru.md' : 'reports/citations.md');
const bundle: ContentBundle = loadBundleOrExit(args.dir);

const facts = new Map<string, Fact>(bundle.registry.facts.map((f) => [f.id, f]));
const documents = new Map<string, SourceDocument>(bundle.registry.sources.map((d) => [d.id, d]));

/** One element that cites: what the player reads, and what it rests on. */
export interface CitedElement {
  path: string;
  label: string;
  texts: string[];
  sources: string[];
  /** Year the element is set in, when it is an in-world element. */
  year?: number;
  /** Late citations a hindsight exception excuses, with its reason. */
  excused?: { ids: string[]; reason: string }[];
}

const txt = (t: LocalizedText | undefined) => (t ? ((lang === 'ru' ? t.ru : undefined) ?? t.en) : '');
const inline = (...texts: string[]) => [...new Set(texts.join(' ').match(/\b[FS]\d{1,3}\b/g) ?? [])].filter((id) => facts.has(id) || documents.has(id));


function effectElements(path: string, owner: string, effects: readonly engine.Effect[], year?: number): CitedElement[] {
  return effects.map((e, i) => ({
    path: `${path}[${i}]`,
    label: `${owner} → ${e.metric} ${e.delta > 0 ? '+' : ''}${e.delta}`,
    texts: [txt(e.because)],
    sources: e.sources,
    year,
  }));
}

function eventElements(prefix: string, events: readonly engine.EventCard[], yearOf: (e: engine.EventCard) => number | undefined): CitedElement[] {
  const out: CitedElement[] = [];
  events.forEach((e, i) => {
    const at = `${prefix}[${i}]`;
    const year = yearOf(e);
    out.push({ path: at, label: `event "${e.id}"${e.hypothetical ? ' (hypothetical)' : ''}`, texts: [txt(e.headline), txt(e.memo)], sources: e.sources, year });
    out.push(...effectElements(`${at}.effects`, `event "${e.id}"`, e.effects, year));
    e.responses.forEach((r, j) => {
      const rat = `${at}.responses[${j}]`;
      out.push({ path: rat, label: `response "${e.id}.${r.id}"`, texts: [txt(r.label), txt(r.summary)], sources: r.sources, year });
      out.push(...effectElements(`${rat}.effects`, `response "${e.id}.${r.id}"`, r.effects, year));
    });
  });
  return out;
}

function scenarioElements(s: Scenario): CitedElement[] {
  const start = s.years.start;
  // Date events as scenarios:check does: the first turn they can arrive on any path.
  const c = engine.compileScenario(s, bundle.shared);
  const eventYear = (e: engine.EventCard) => {
    const turn = engine.earliestTurnOnAnyPath(c, e);
    return turn === undefined ? undefined : yearOfTurn(s, turn);
  };
  const out: CitedElement[] = [{ path: '$.briefing', label: 'briefing', texts: [txt(s.briefing.text)], sources: s.briefing.sources, year: start }];
  s.advisors.forEach((a, i) => out.push({ path: `$.advisors[${i}]`, label: `advisor ${txt(a.name)} (${a.role})`, texts: [txt(a.view)], sources: a.sources, year: start }));
  s.assumptions.forEach((a, i) => {
    const texts = [txt(a.text), txt(a.reasoning)];
    out.push({ path: `$.assumptions[${i}]`, label: `assumption "${a.id}" (inline citations)`, texts, sources: inline(a.text.en, a.reasoning.en) });
  });
  s.decisions.forEach((d, i) => {
    const at = `$.decisions[${i}]`;
    out.push({ path: at, label: `decision "${d.id}"`, texts: [txt(d.title), txt(d.prompt)], sources: d.sources, year: start });
    d.options.forEach((o, j) => {
      const oat = `${at}.options[${j}]`;
      const vendor = o.vendor ? [`Vendor: ${txt(o.vendor.name)}`, txt(o.vendor.training)] : [];
      out.push({ path: oat, label: `option "${d.id}.${o.id}"${o.hypothetical ? ' (hypothetical)' : ''}`, texts: [txt(o.label), txt(o.summary), ...vendor], sources: o.sources, year: start });
      out.push(...effectElements(`${oat}.effects`, `option "${o.id}"`, o.effects, start));
      out.push(...effectElements(`${oat}.perTurn`, `option "${o.id}" (each turn)`, o.perTurn, start));
    });
  });
  out.push(...eventElements('$.events', s.events, eventYear));
  s.endings.forEach((e, i) => out.push({ path: `$.endings[${i}]`, label: `ending "${e.id}" (${e.tone})`, texts: [txt(e.title), txt(e.text)], sources: e.sources }));
  const h = s.historical;
  out.push({ path: '$.historical', label: 'what really happened', texts: [txt(h.summary), txt(h.outcome)], sources: h.sources });
  for (const m of ['debt', 'dataExposure', 'backlash'] as const) {
    const d = h.directions[m];
    if (d) out.push({ path: `$.historical.directions.${m}`, label: `direction of ${m}: ${d.expect}`, texts: [], sources: d.sources });
  }
  for (const row of engine.historicalRows(s)) {
    const where = row.kind === 'choice' ? `$.historical.choices.${row.id}` : `$.historical.responses.${row.id}`;
    out.push({
      path: where,
      label: `historical ${row.kind} ${row.id} → ${row.picks.join(', ') || '(none)'}: ${row.status.toUpperCase()}`,
      texts: [txt(row.note)],
      sources: row.facts,
    });
  }
  s.knowledgeCheck.forEach((q, i) => {
    const answer = q.choices.find((c) => c.id === q.answer);
    out.push({ path: `$.knowledgeCheck[${i}]`, label: `question "${q.id}"`, texts: [txt(q.question), `Answer: ${txt(answer?.text)}`, txt(q.explanation)], sources: q.sources });
  });
  for (const el of out) {
    const excused = s.hindsight.filter((h) => el.path === h.path || el.path.startsWith(`${h.path}.`) || el.path.startsWith(`${h.path}[`));
    const ids = (h: (typeof excused)[number]) => h.sources.filter((id) => el.sources.includes(id));
    el.excused = excused.filter((h) => ids(h).length > 0).map((h) => ({ ids: ids(h), reason: h.reason }));
  }
  return out;
}

/** The engine's built-in rules: each with its explanation as the player reads it (parameters filled in). */
function engineRuleElements(): CitedElement[] {
  return engine.MODEL_RULES.map((r) => {
    setLanguage(lang);
    const delta = r.when ? ` ${r.params['delta']! > 0 ? '+' : ''}${r.params['delta']}` : '';
    return { path: `MODEL_RULES.${r.id}`, label: `rule "${r.id}" → ${r.metrics.join(', ')}${delta}`, texts: [ruleText(r.id)], sources: [...r.sources] };
  });
}

// ---------------------------------------------------------------------------

const NUMBER = /(?<![\w.])\d[\d,.]*\d|(?<![\w.])\d(?![\w])/g;
/** Figures in a text that none of its citations contains (years of the scenario excepted). */
function unmatchedFigures(el: CitedElement, allowedYears: Set<string>): string[] {
  const hay = el.sources
    .map((id) => {
      const f = facts.get(id);
      return f ? `${f.text} ${f.figures} ${f.evidence} ${f.year} ${f.known.basis} ${documents.get(f.source)?.published ?? ''}` : `${documents.get(id)?.date ?? ''} ${documents.get(id)?.published ?? ''}`;
    })
    .join(' ')
    .replace(/\s+/g, ' ');
  const out: string[] = [];
  for (const m of el.texts.join(' ').matchAll(NUMBER)) {
    const n = m[0].replace(/[.,]$/, '');
    if (allowedYears.has(n) || n.length < 2) continue;
    const variants = [n, n.replace(/,/g, ''), n.replace(',', '.')];
    if (!variants.some((v) => hay.includes(v))) out.push(n);
  }
  return [...new Set(out)];
}

function knownYear(id: string): number | undefined {
  const f = facts.get(id);
  if (f) return f.known.standing ? undefined : f.known.year;
  return documents.has(id) ? Number(documents.get(id)!.published.slice(0, 4)) : undefined;
}

function citationBlock(id: string): string {
  const f = facts.get(id);
  if (f) return `- **${f.id}** (${f.source}; ${f.place}; ${f.year}; ${f.known.standing ? 'standing condition' : `public from ${f.known.year}`}) ${f.text}\n  > “${f.evidence}”`;
  const d = documents.get(id);
  if (d) return `- **${d.id}** (whole document) ${d.title} — ${d.author}, ${d.date}`;
  return `- **${id}** — NOT FOUND`;
}

function section(title: string, elements: CitedElement[], allowedYears: Set<string>, stats: Stats): string {
  const parts = [`## ${title}\n`];
  for (const el of elements) {
    if (el.sources.length === 0 && el.texts.every((t) => !t)) continue;
    stats.elements++;
    stats.citations += el.sources.length;
    const text = el.texts.filter(Boolean).map((t) => t.replace(/\n+/g, ' ¶ ')).join(' — ');
    const excusedIds = new Set((el.excused ?? []).flatMap((x) => x.ids));
    const late = el.year === undefined ? [] : el.sources.filter((id) => (knownYear(id) ?? 0) > el.year! && !excusedIds.has(id));
    const figures = unmatchedFigures(el, allowedYears);
    const flags = [
      el.sources.length === 0 ? '⚑ no citation' : '',
      late.length ? `⚑ public after ${el.year}: ${late.join(', ')}` : '',
      ...(el.excused ?? []).map((x) => `looks back (hindsight exception) for ${x.ids.join(', ')}: ${x.reason}`),
      figures.length ? `⚑ figures not in its citations: ${figures.join(', ')}` : '',
    ].filter(Boolean);
    if (el.sources.length === 0) stats.uncited++;
    if (late.length) stats.late += late.length;
    if (figures.length) stats.figureFlags++;
    parts.push(`### ${el.label}\n\n\`${el.path}\`${el.year !== undefined ? ` · set in ${el.year}` : ''}${flags.length ? ` · ${flags.join(' · ')}` : ''}\n\n${text ? `> ${text}\n\n` : ''}${el.sources.map(citationBlock).join('\n')}\n`);
  }
  return parts.join('\n');
}

interface Stats {
  elements: number;
  citations: number;
  uncited: number;
  late: number;
  figureFlags: number;
}
const stats: Stats = { elements: 0, citations: 0, uncited: 0, late: 0, figureFlags: 0 };
const body: string[] = [];
for (const s of bundle.scenarios) {
  const years = new Set<string>();
  for (let y = s.years.start - 1; y <= s.years.end + 1; y++) years.add(String(y));
  body.push(section(`Scenario: ${txt(s.title)} (\`${s.id}\`, ${s.years.start}–${s.years.end})`, scenarioElements(s), years, stats));
}
body.push(section('Shared events (`shared-events.json`)', eventElements('$.events', bundle.shared.events, () => undefined), new Set(), stats));
body.push(
  section(
    'Glossary (`glossary.json`)',
    bundle.glossary.terms.map((t, i) => ({ path: `$.terms[${i}]`, label: `term "${t.id}"`, texts: [txt(t.term), txt(t.definition)], sources: t.sources })),
    new Set(),
    stats,
  ),
);
body.push(
  section(
    'About the sources (`sources.json` notes)',
    bundle.registry.notes.map((n, i) => ({ path: `$.notes[${i}]`, label: `note "${n.id}" (${n.kind})`, texts: [txt(n.title), txt(n.text), n.outside ? `[Outside the five documents] ${txt(n.outside)}` : ''], sources: n.sources })),
    new Set(),
    stats,
  ),
);
body.push(section('Engine rules (`src/engine`)', engineRuleElements(), new Set(), stats));

const header = `# Citation report${lang === 'ru' ? ' (Russian texts)' : ''}

Generated by \`npm run content:citations\`. Every cited element of the content, its text, and beside it the facts it cites: each fact's own words (paraphrase) and its verbatim evidence quote from the source document. Read each element against its quotes: does every claim in the text rest on a cited fact, with the hedges the source gives?

Flags (automatic, to help the reader; the judgement is the reader's): ⚑ no citation; ⚑ a citation public only after the year the element is set in; ⚑ a figure in the text that none of its citations contains.

**${stats.elements} elements, ${stats.citations} citations; ${stats.uncited} elements without a citation, ${stats.late} late citations, ${stats.figureFlags} elements with an unmatched figure.**
`;
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${header}\n${body.join('\n')}`);
console.log(`${OUT}: ${stats.elements} elements, ${stats.citations} citations, ${stats.uncited} uncited, ${stats.late} late, ${stats.figureFlags} with unmatched figures`);

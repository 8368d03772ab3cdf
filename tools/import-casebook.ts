// Builds scenarios/sources.json from the project casebook (../shared/casebook.md):
// the five source documents and the fact table, so that content can cite
// facts by id and the game can show each fact's source and locating quote.
//
// What the casebook does not hold is kept from the existing sources.json, so a
// re-import never wipes it: each document's kind, about text, outside note,
// publication date and estimate; the registry's notes; and any fact date set
// by hand ("known" with "manual": true). Everything else is regenerated.
//
// Each fact gets "known": the first year it was public. From the casebook's
// year column when that gives the event, statement or cited report (capped at
// the source's publication), otherwise from its source's publication. Years
// after "since" or "founded" describe a state as of the document and do not
// count.
//
// Usage: npm run --silent import:casebook [-- path/to/casebook.md]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SCHEMA_VERSION, SourceRegistry, type Fact, type SourceDocument } from '../src/engine/schema.ts';

const OUT = resolve('scenarios/sources.json');
const casebookPath = resolve(process.argv[2] ?? '../shared/casebook.md');
const lines = readFileSync(casebookPath, 'utf8').split('\n');
/** The current file, read loosely: it may predate fields this tool now writes. */
interface Previous {
  sources?: Partial<SourceDocument>[];
  notes?: SourceRegistry['notes'];
  facts?: Partial<Fact>[];
}
const previous: Previous | null = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, 'utf8')) as Previous) : null;

function cells(line: string): string[] {
  return line
    .replace(/^\|\s?/, '')
    .replace(/\s?\|$/, '')
    .split(' | ')
    .map((c) => c.trim());
}

const stripTicks = (s: string) => s.replace(/^`|`$/g, '');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A date the casebook writes as "Sep 25, 2020", "19 November 2019" or "OCT 16 2019". */
function parseStatedDate(text: string): string | null {
  const m1 = /\b([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})\b/.exec(text);
  if (m1 && MONTHS.includes(m1[1]!.toLowerCase())) return `${m1[3]}-${pad(MONTHS.indexOf(m1[1]!.toLowerCase()) + 1)}-${pad(Number(m1[2]))}`;
  const m2 = /\b(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})\b/.exec(text);
  if (m2 && MONTHS.includes(m2[2]!.toLowerCase())) return `${m2[3]}-${pad(MONTHS.indexOf(m2[2]!.toLowerCase()) + 1)}-${pad(Number(m2[1]))}`;
  return null;
}

/** The latest "Mon. D, YYYY" date a seed text mentions, as "YYYY-MM" (an estimate for an undated document). */
function latestDateIn(text: string): string | null {
  let best: string | null = null;
  for (const m of text.matchAll(/\b([A-Z][a-z]{2})[a-z]*\.? \d{1,2}, (\d{4})\b/g)) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase());
    if (month < 0) continue;
    const date = `${m[2]}-${pad(month + 1)}`;
    if (best === null || date > best) best = date;
  }
  return best;
}

function publishedOf(date: string, seedFile: string): Pick<SourceDocument, 'published' | 'publishedEstimate'> {
  const stated = parseStatedDate(date);
  if (stated) return { published: stated };
  const copyright = /Copyright © (\d{4})/.exec(date);
  if (copyright) return { published: copyright[1]!, publishedEstimate: { en: `No publication date is stated, only "Copyright © ${copyright[1]}".` } };
  const seed = join(dirname(casebookPath), 'seeds', seedFile);
  const latest = existsSync(seed) ? latestDateIn(readFileSync(seed, 'utf8')) : null;
  if (latest) return { published: latest, publishedEstimate: { en: `No date is stated; ${latest} is the latest date the document cites.` } };
  throw new Error(`${casebookPath}: cannot date source with date "${date}"; add "published" to ${OUT} by hand`);
}

const sources: SourceDocument[] = lines
  .filter((l) => /^\| S\d+ \|/.test(l))
  .map((l) => {
    const [id, seedFile, title, author, date, url] = cells(l) as [string, string, string, string, string, string];
    const link = /^https?:\/\//.test(url) ? url : undefined;
    const kept = previous?.sources?.find((s) => s.id === id);
    const dated = kept?.published
      ? { published: kept.published, ...(kept.publishedEstimate ? { publishedEstimate: kept.publishedEstimate } : {}) }
      : publishedOf(date, seedFile);
    return {
      id,
      title,
      author,
      date,
      ...(link ? { url: link } : {}),
      seedFile,
      ...dated,
      ...(kept?.kind ? { kind: kept.kind } : {}),
      ...(kept?.about ? { about: kept.about } : {}),
      ...(kept?.outside ? { outside: kept.outside } : {}),
    };
  });
const publishedYear = new Map(sources.map((s) => [s.id, Number(s.published.slice(0, 4))]));

/** The first year a fact was public, from the casebook's year column (see the header). */
export function knownFrom(yearColumn: string, source: string): Fact['known'] {
  const published = publishedYear.get(source);
  if (published === undefined) throw new Error(`fact cites unknown source ${source}`);
  const dated = yearColumn.replace(/\b(since|founded)\s+(?:[A-Za-z]{3,9}\.?\s+)?\d{4}/gi, '');
  const years = [...dated.matchAll(/(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  if (years.length === 0) return { year: published, basis: `publication of ${source} (${published}); the casebook gives no earlier date` };
  const latest = Math.max(...years);
  return latest > published
    ? { year: published, basis: `publication of ${source} (${published}); the casebook's year column ("${yearColumn}") looks ahead` }
    : { year: latest, basis: `casebook year column: "${yearColumn}"` };
}

const facts: Fact[] = lines
  .filter((l) => /^\| F\d{3} \|/.test(l))
  .map((l) => {
    const c = cells(l);
    if (c.length !== 9) throw new Error(`${casebookPath}: fact row has ${c.length} cells, expected 9: ${l.slice(0, 60)}`);
    const [id, place, year, , text, figures, tags, source, evidence] = c as [string, string, string, string, string, string, string, string, string];
    const kept = previous?.facts?.find((f) => f.id === id)?.known;
    return {
      id,
      source,
      place,
      year,
      text,
      figures,
      evidence: stripTicks(evidence),
      tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
      known: kept?.manual ? kept : knownFrom(year, source),
    };
  });

const registry = SourceRegistry.parse({
  $schema: './schema/sources.schema.json',
  schemaVersion: SCHEMA_VERSION,
  sources,
  notes: previous?.notes ?? [],
  facts,
});
writeFileSync(OUT, JSON.stringify(registry, null, 2) + '\n');
console.log(`scenarios/sources.json: ${registry.sources.length} sources, ${registry.notes.length} notes, ${registry.facts.length} facts`);

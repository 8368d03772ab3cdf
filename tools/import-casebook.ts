// Builds scenarios/sources.json from the project casebook (../shared/casebook.md):
// the five source documents and the fact table, so that content can cite
// facts by id and the game can show each fact's source and locating quote.
// Usage: npm run --silent import:casebook [-- path/to/casebook.md]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCHEMA_VERSION, SourceRegistry } from '../src/engine/schema.ts';

const casebookPath = resolve(process.argv[2] ?? '../shared/casebook.md');
const lines = readFileSync(casebookPath, 'utf8').split('\n');

function cells(line: string): string[] {
  return line
    .replace(/^\|\s?/, '')
    .replace(/\s?\|$/, '')
    .split(' | ')
    .map((c) => c.trim());
}

const stripTicks = (s: string) => s.replace(/^`|`$/g, '');

const sources = lines
  .filter((l) => /^\| S\d+ \|/.test(l))
  .map((l) => {
    const [id, seedFile, title, author, date, url] = cells(l) as [string, string, string, string, string, string];
    const link = /^https?:\/\//.test(url) ? url : undefined;
    return { id, title, author, date, ...(link ? { url: link } : {}), seedFile };
  });

const facts = lines
  .filter((l) => /^\| F\d{3} \|/.test(l))
  .map((l) => {
    const c = cells(l);
    if (c.length !== 9) throw new Error(`${casebookPath}: fact row has ${c.length} cells, expected 9: ${l.slice(0, 60)}`);
    const [id, place, year, , text, figures, tags, source, evidence] = c as [string, string, string, string, string, string, string, string, string];
    return {
      id,
      source,
      place,
      year,
      text,
      figures,
      evidence: stripTicks(evidence),
      tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
    };
  });

const registry = SourceRegistry.parse({
  $schema: './schema/sources.schema.json',
  schemaVersion: SCHEMA_VERSION,
  sources,
  facts,
});
writeFileSync(resolve('scenarios/sources.json'), JSON.stringify(registry, null, 2) + '\n');
console.log(`scenarios/sources.json: ${registry.sources.length} sources, ${registry.facts.length} facts`);

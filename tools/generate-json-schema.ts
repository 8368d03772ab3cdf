// Writes the JSON Schemas that editors use to autocomplete and check content
// files, generated from the zod schema so the two never drift apart.
// `--check` exits 1 when the committed files are out of date (used in tests).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { Glossary, Scenario, SharedEvents, SourceRegistry } from '../src/engine/schema.ts';

export const SCHEMA_FILES = {
  'scenarios/schema/scenario.schema.json': Scenario,
  'scenarios/schema/shared-events.schema.json': SharedEvents,
  'scenarios/schema/sources.schema.json': SourceRegistry,
  'scenarios/schema/glossary.schema.json': Glossary,
} as const;

export function renderSchema(schema: z.ZodType): string {
  return JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2) + '\n';
}

const check = process.argv.includes('--check');
let stale = 0;
mkdirSync('scenarios/schema', { recursive: true });
for (const [file, schema] of Object.entries(SCHEMA_FILES)) {
  const text = renderSchema(schema);
  if (check) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
      console.error(`${file}: out of date; run npm run schema:generate`);
      stale++;
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}
process.exit(stale ? 1 : 0);

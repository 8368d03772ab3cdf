// npm run golden:update — rewrite tests/golden/*.json from the current model
// and content. Review the diff: every changed number is a changed outcome.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIR, loadBundleOrExit } from './content-files.ts';
import { GOLDEN_DIR, goldenText } from './golden-runs.ts';

const bundle = loadBundleOrExit(CONTENT_DIR);
mkdirSync(GOLDEN_DIR, { recursive: true });
let changed = 0;
for (const s of bundle.scenarios) {
  const path = join(GOLDEN_DIR, `${s.id}.json`);
  const text = goldenText(bundle, s.id);
  if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
  writeFileSync(path, text);
  changed++;
  console.log(`golden: wrote ${path}`);
}
console.log(`golden: ${bundle.scenarios.length} scenarios, ${changed} file(s) changed`);

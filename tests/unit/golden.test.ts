// Golden playthroughs: the documented path and two fixed seeds per scenario
// must give exactly the committed outcome. A model or content change that
// moves a number fails here; if the change is intended, run
// `npm run golden:update` and review the diff of tests/golden/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenFor, GOLDEN_DIR } from '../../tools/golden-runs.ts';
import { realContent, ROOT } from '../support/content.ts';

const bundle = realContent();

describe('golden playthroughs', () => {
  it('has one golden file per scenario, and none for a scenario that is gone', () => {
    const files = readdirSync(`${ROOT}${GOLDEN_DIR}`).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(bundle.scenarios.map((s) => `${s.id}.json`).sort());
  });

  it.each(bundle.scenarios.map((s) => s.id))('%s plays exactly as its golden file says', (id) => {
    const path = `${ROOT}${GOLDEN_DIR}/${id}.json`;
    expect(existsSync(path), `${path} is missing: run npm run golden:update`).toBe(true);
    const expected = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    expect(goldenFor(bundle, id), `${id} no longer plays as ${GOLDEN_DIR}/${id}.json says; if intended, run npm run golden:update and review the diff`).toEqual(expected);
  });
});

// The engine must stay pure TypeScript that runs in plain Node: the import
// and global rules are ESLint's (eslint.config.js, checked in
// tests/unit/layers.test.ts); this test runs the engine with every browser
// global watched and checks that it touches none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BROWSER_GLOBALS = new Set(['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch']);

describe('engine purity: it runs in plain Node', () => {
  it('imports src/engine/index.ts without a DOM and plays the fixture without touching browser globals', async () => {
    expect(typeof globalThis.document).toBe('undefined');
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');

    vi.resetModules();
    const engine = { ...(await import('../../src/engine/index.ts')), ...(await import('../../src/engine/validate.ts')) };
    const fixtureDir = join(ROOT, 'tests', 'fixtures', 'mini');
    const files = ['sources.json', 'shared-events.json', 'glossary.json', 'mini.json'].map((name) => ({
      path: `tests/fixtures/mini/${name}`,
      text: readFileSync(join(fixtureDir, name), 'utf8'),
    }));

    // From here on only engine code runs: any read of a browser global is recorded.
    const touched: string[] = [];
    const saved = new Map<string, PropertyDescriptor | undefined>();
    for (const name of BROWSER_GLOBALS) {
      saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
      const original = saved.get(name);
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          touched.push(name);
          return original && 'value' in original ? original.value : original?.get?.call(globalThis);
        },
      });
    }
    let report: ReturnType<typeof engine.loadContent>;
    let result: ReturnType<typeof engine.runScenario>;
    let historical: ReturnType<typeof engine.runScenario>;
    try {
      report = engine.loadContent(files);
      const scenario = report.bundle!.scenarios[0]!;
      const compiled = engine.compileScenario(scenario, report.bundle!.shared);
      result = engine.runScenario(compiled, { seed: 1, policy: 'random' });
      historical = engine.runScenario(compiled, { seed: 1, policy: 'historical' });
    } finally {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else delete (globalThis as Record<string, unknown>)[name];
      }
    }
    expect(touched).toEqual([]);
    expect(report.problems).toEqual([]);
    const scenario = report.bundle!.scenarios[0]!;
    expect(scenario.endings.map((e) => e.id)).toContain(result.ending);
    expect(result.scenario).toBe('mini');
    expect(result.ledger.length).toBeGreaterThan(0);
    expect(historical.choices['vendor']).toBe(scenario.historical.choices['vendor']!.options);
    expect(typeof globalThis.document).toBe('undefined');
  });
});

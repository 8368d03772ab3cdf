// The engine must stay pure TypeScript: no Phaser, no Howler, no DOM, nothing
// from outside src/engine but xstate, zod and pure-rand. A static check reads
// every non-test source file; a dynamic check runs the engine in plain Node.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENGINE_DIR = join(ROOT, 'src', 'engine');

const ALLOWED_PACKAGES = /^(xstate|zod|pure-rand)(\/.*)?$/;
const BROWSER_GLOBALS = new Set(['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'self', 'global']);

function engineSourceFiles(dir = ENGINE_DIR): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...engineSourceFiles(path));
    else if (/\.(ts|mts|cts|tsx)$/.test(entry.name) && !/\.test\.(ts|mts|cts|tsx)$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** Every module specifier a file imports, re-exports, requires or imports dynamically. */
function importsOf(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function importProblem(file: string, specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = resolve(dirname(file), specifier);
    const inside = target === ENGINE_DIR || target.startsWith(ENGINE_DIR + sep);
    return inside ? null : `imports "${specifier}", which is outside src/engine`;
  }
  if (ALLOWED_PACKAGES.test(specifier)) return null;
  return `imports "${specifier}"; the engine may import only xstate, zod and pure-rand`;
}

/**
 * Free references to browser globals, found in the syntax tree so that
 * comments, strings and property names (`registry.document`) do not count;
 * `globalThis.window` and `globalThis['document']` do.
 */
function browserGlobalsIn(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && BROWSER_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isMemberName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node && !isGlobalObject(parent.expression)) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isPropertySignature(parent) && parent.name === node) ||
        (ts.isPropertyDeclaration(parent) && parent.name === node) ||
        (ts.isMethodDeclaration(parent) && parent.name === node) ||
        (ts.isMethodSignature(parent) && parent.name === node) ||
        (ts.isQualifiedName(parent) && parent.right === node) ||
        (ts.isBindingElement(parent) && parent.propertyName === node);
      if (!isMemberName) found.push(`line ${where(node)}: uses the browser global "${node.text}"`);
    }
    if (
      ts.isElementAccessExpression(node) &&
      isGlobalObject(node.expression) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      BROWSER_GLOBALS.has(node.argumentExpression.text)
    ) {
      found.push(`line ${where(node)}: uses the browser global "${node.argumentExpression.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isGlobalObject(node: ts.Expression): boolean {
  return ts.isIdentifier(node) && GLOBAL_OBJECTS.has(node.text);
}

/** Every purity problem in one file's text. */
function purityProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  for (const spec of importsOf(text)) {
    const p = importProblem(file, spec);
    if (p) problems.push(p);
  }
  problems.push(...browserGlobalsIn(file, text));
  return problems;
}

describe('engine purity: static check', () => {
  const files = engineSourceFiles();

  it('finds the engine sources', () => {
    const names = files.map((f) => relative(ENGINE_DIR, f));
    for (const expected of ['index.ts', 'compile.ts', 'run.ts', 'validate.ts', 'schema.ts']) expect(names).toContain(expected);
    expect(names.some((n) => n.endsWith('.test.ts'))).toBe(false);
  });

  it('no engine source imports Phaser, Howler or anything outside src/engine but xstate, zod and pure-rand, or uses browser globals', () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const p of purityProblems(file, readFileSync(file, 'utf8'))) problems.push(`${relative(ROOT, file)}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('the engine imports at least one of its allowed packages (the import scan sees real imports)', () => {
    const all = files.flatMap((f) => importsOf(readFileSync(f, 'utf8')));
    expect(all.some((s) => s === 'xstate')).toBe(true);
    expect(all.some((s) => s === 'zod')).toBe(true);
    expect(all.some((s) => s.startsWith('pure-rand'))).toBe(true);
  });

  it('the checker flags forbidden imports and globals, and ignores comments, strings and property names', () => {
    const file = join(ENGINE_DIR, 'example.ts');
    const bad = [
      "import Phaser from 'phaser';",
      "import { Howl } from 'howler';",
      "import type { Scene } from 'phaser/types';",
      "import { readFileSync } from 'node:fs';",
      "export { strings } from '../strings.ts';",
      "import '../../tests/fixtures/mini/mini.json';",
      "const lazy = () => import('howler');",
      'const w = window.innerWidth;',
      "const el = document.getElementById('x');",
      'const lang = navigator.language;',
      "localStorage.setItem('k', 'v');",
      "sessionStorage.getItem('k');",
      "const res = fetch('/x');",
      'const d = globalThis.document;',
      "const s = globalThis['localStorage'];",
    ];
    const problems = purityProblems(file, bad.join('\n'));
    expect(problems).toHaveLength(bad.length);
    for (const name of ['phaser', 'howler', 'phaser/types', 'node:fs', '../strings.ts', '../../tests/fixtures/mini/mini.json']) {
      expect(problems.some((p) => p.includes(`"${name}"`))).toBe(true);
    }
    for (const g of BROWSER_GLOBALS) expect(problems.some((p) => p.includes(`"${g}"`))).toBe(true);

    const good = [
      "import { setup } from 'xstate';",
      "import { z } from 'zod';",
      "import { uniformInt } from 'pure-rand/distribution/uniformInt';",
      "import { evaluate } from './conditions.ts';",
      "import type { Scenario } from '../engine/schema.ts';",
      '// The engine never touches window, document or localStorage, and does not fetch() anything.',
      "const note = 'open the document window';",
      'const source = { document: 1, window: 2 };',
      'const t = source.document + source.window;',
      'interface R { fetch: number; navigator: string }',
    ];
    expect(purityProblems(file, good.join('\n'))).toEqual([]);
  });
});

describe('engine purity: it runs in plain Node', () => {
  it('imports src/engine/index.ts without a DOM and plays the fixture without touching browser globals', async () => {
    expect(typeof globalThis.document).toBe('undefined');
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');

    vi.resetModules();
    const engine = await import('../../src/engine/index.ts');
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
      const compiled = engine.prepareScenario(scenario, report.bundle!.shared);
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

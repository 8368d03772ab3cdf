// Every interface string comes from src/text/locales/: this test reads the DOM and
// stage code with the TypeScript parser and fails on any literal with words in
// it that reaches the page as text (element children, button labels,
// textContent, canvas text). Locale files must also have the same keys.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/content.ts';

const WORDS = /[A-Za-zА-Яа-яЁё]{2,}/;

/** Which arguments of which calls become visible text. */
const TEXT_ARGUMENTS: Record<string, (index: number) => boolean> = {
  h: (i) => i >= 2,
  button: (i) => i === 0,
  fill: (i) => i >= 1,
  text: (i) => i === 2, // this.add.text(x, y, text, style)
  append: () => true,
  prepend: () => true,
  createTextNode: () => true,
};

function literalsIn(node: ts.Expression, out: ts.Node[]) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    if (WORDS.test(node.text)) out.push(node);
  } else if (ts.isTemplateExpression(node)) {
    const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
    if (parts.some((p) => WORDS.test(p))) out.push(node);
  } else if (ts.isConditionalExpression(node)) {
    literalsIn(node.whenTrue, out);
    literalsIn(node.whenFalse, out);
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    literalsIn(node.left, out);
    literalsIn(node.right, out);
  } else if (ts.isParenthesizedExpression(node)) {
    literalsIn(node.expression, out);
  } else if (ts.isArrayLiteralExpression(node)) {
    node.elements.forEach((e) => literalsIn(e as ts.Expression, out));
  }
}

export function hardCodedStrings(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: ts.Node[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      const isText = TEXT_ARGUMENTS[name];
      if (isText) node.arguments.forEach((arg, i) => isText(i) && literalsIn(arg, found));
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
      if (['textContent', 'innerText', 'title', 'placeholder'].includes(node.left.name.text)) literalsIn(node.right, found);
    }
    if (ts.isJsxText?.(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found.map((n) => {
    const { line } = file.getLineAndCharacterOfPosition(n.getStart());
    return `${fileName}:${line + 1}: ${n.getText()}`;
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('interface strings', () => {
  it('catches a hard-coded label (the check itself works)', () => {
    const sample = "button('Play again', go); h('p', {}, `Year ${n}`); el.textContent = ok ? 'Done' : t('x'); h('span', {}, '▲ ');";
    expect(hardCodedStrings('sample.ts', sample)).toEqual([
      "sample.ts:1: 'Play again'",
      'sample.ts:1: `Year ${n}`',
      "sample.ts:1: 'Done'",
    ]);
  });

  it('finds none in the page code: every visible string comes from the locale files or the content', () => {
    const files = [...filesUnder(join(ROOT, 'src/ui')), ...filesUnder(join(ROOT, 'src/app')), ...filesUnder(join(ROOT, 'src/stage')), ...filesUnder(join(ROOT, 'src/shell')), ...filesUnder(join(ROOT, 'src/text'))];
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((f) => hardCodedStrings(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('never turns text into markup or code: no innerHTML, outerHTML, insertAdjacentHTML, document.write or eval in the game', () => {
    const files = filesUnder(join(ROOT, 'src'));
    const sinks = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\s*\(|new Function\s*\()/;
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (sinks.test(line) && !line.trim().startsWith('//') ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('has the same keys in every locale file', () => {
    const dir = join(ROOT, 'src/text/locales');
    const keys = (value: unknown, prefix = ''): string[] =>
      Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
        v !== null && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`],
      );
    const byLang = Object.fromEntries(
      readdirSync(dir)
        .filter((n) => n.endsWith('.json'))
        .map((n) => [n, [...new Set(keys(JSON.parse(readFileSync(join(dir, n), 'utf8'))))].sort()]),
    );
    expect(Object.keys(byLang).length).toBeGreaterThanOrEqual(2);
    for (const list of Object.values(byLang)) expect(list).toEqual(byLang['en.json']);
  });
});

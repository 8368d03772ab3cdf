// @vitest-environment happy-dom
// The guide's renderer: Markdown read by marked's lexer, built into DOM nodes
// through textContent only. The guides themselves are checked as rendered in
// tests/unit/teacher-guide.test.ts.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

/** Every tag the renderer may produce. */
const ALLOWED = new Set([
  'DIV', 'P', 'H2', 'H3', 'H4', 'H5', 'H6', 'OL', 'UL', 'LI', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD',
  'STRONG', 'EM', 'CODE', 'PRE', 'DEL', 'A', 'BR', 'HR', 'BLOCKQUOTE',
]);
/** Every attribute it may set, per tag ('*': any tag). */
const ATTRIBUTES: Record<string, string[]> = {
  '*': ['class', 'id', 'lang'],
  A: ['href', 'rel', 'target', 'title'],
  OL: ['start'],
  TH: ['scope'],
};

function expectOnlySafeNodes(root: HTMLElement) {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    expect(ALLOWED, el.outerHTML).toContain(el.tagName);
    for (const attr of el.getAttributeNames()) expect([...ATTRIBUTES['*']!, ...(ATTRIBUTES[el.tagName] ?? [])], `${el.tagName}[${attr}]`).toContain(attr);
  }
  for (const a of root.querySelectorAll('a')) {
    expect(new URL(a.getAttribute('href')!, 'https://game.invalid/').protocol).toMatch(/^https?:$/);
  }
}

const children = (el: Element) => [...el.children].map((c) => c.tagName);

describe('renderMarkdown', () => {
  it('returns div.markdown in the given language', () => {
    const root = renderMarkdown('Hello', 'ru');
    expect(root.tagName).toBe('DIV');
    expect(root.className).toBe('markdown');
    expect(root.getAttribute('lang')).toBe('ru');
    expect(root.innerHTML).toBe('<p>Hello</p>');
  });

  it('shifts headings one level down (the page owns the h1) and stops at h6', () => {
    const root = renderMarkdown('# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six', 'en');
    expect(children(root)).toEqual(['H2', 'H3', 'H4', 'H5', 'H6', 'H6']);
  });

  it('ends a paragraph at a heading or a list with no blank line between them', () => {
    const root = renderMarkdown('### Title\n1. First question?\n2. Second question?\n\nAfter.\n- a\n- b', 'en');
    expect(children(root)).toEqual(['H4', 'OL', 'P', 'UL']);
    expect([...root.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual(['First question?', 'Second question?']);
    expect(root.querySelector('h4')!.textContent).toBe('Title');
  });

  it('gives headings stable, unique, readable ids', () => {
    const root = renderMarkdown('# 6. Discussion questions by scenario\n\n## Huawei or Vega?\n\n## Huawei or Vega?\n\n## Камеры в кредит\n\n## `code` & **bold**', 'en');
    expect([...root.querySelectorAll('h2, h3')].map((h) => h.id)).toEqual([
      'md-6-discussion-questions-by-scenario',
      'md-huawei-or-vega',
      'md-huawei-or-vega-1',
      'md-камеры-в-кредит',
      'md-code--bold',
    ]);
    // The same source gives the same ids every time.
    expect(renderMarkdown('## Huawei or Vega?', 'en').querySelector('h3')!.id).toBe('md-huawei-or-vega');
  });

  it('renders strong, emphasis, code, strike-through and line breaks as elements, escapes and entities as text', () => {
    const root = renderMarkdown('**bold** *em* `a <b> c` ~~gone~~ \\*not em\\* AT&amp;T &#8212; &lt;x&gt; &unknown;  \nnext', 'en');
    const p = root.querySelector('p')!;
    expect(children(p)).toEqual(['STRONG', 'EM', 'CODE', 'DEL', 'BR']);
    expect(p.querySelector('code')!.textContent).toBe('a <b> c');
    expect(p.textContent).toBe('bold em a <b> c gone *not em* AT&T — <x> &unknown;next');
  });

  it('renders a table with th scope=col, td cells and alignment as a class (no inline style: the CSP forbids it)', () => {
    const root = renderMarkdown('| A | B | C |\n|:--|:-:|--:|\n| 1 | **2** | 3 |\n| 4 |\n', 'en');
    const table = root.querySelector('table.paths')!;
    expect(table).not.toBeNull();
    expect([...table.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope'), th.className])).toEqual([
      ['A', 'col', 'align-left'],
      ['B', 'col', 'align-center'],
      ['C', 'col', 'align-right'],
    ]);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => `${td.tagName}:${td.textContent}`));
    expect(rows).toEqual([
      ['TD:1', 'TD:2', 'TD:3'],
      ['TD:4', 'TD:', 'TD:'],
    ]);
    expect(table.querySelector('td strong')?.textContent).toBe('2');
    expect(root.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('renders nested and loose lists, a start number, quotes, code blocks and rules', () => {
    const root = renderMarkdown('3. three\n4. four\n   - inner\n\n> quoted *text*\n\n```\nx < y\n```\n\n---\n\n- loose\n\n- list', 'en');
    expect(children(root)).toEqual(['OL', 'BLOCKQUOTE', 'PRE', 'HR', 'UL']);
    expect(root.querySelector('ol')!.getAttribute('start')).toBe('3');
    expect(root.querySelector('ol > li:nth-child(2) > ul > li')!.textContent).toBe('inner');
    expect(root.querySelector('blockquote > p > em')!.textContent).toBe('text');
    expect(root.querySelector('pre > code')!.textContent).toBe('x < y');
    expect([...root.lastElementChild!.children].map((li) => children(li))).toEqual([['P'], ['P']]);
  });

  it('links http, https, relative and #anchor targets; opens absolute ones in a new tab without an opener', () => {
    const root = renderMarkdown('[site](https://example.org/a?b=1) <http://example.org> [doc](authoring.md) [up](#md-sources)', 'en');
    expect([...root.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')])).toEqual([
      ['site', 'https://example.org/a?b=1', '_blank', 'noopener noreferrer'],
      ['http://example.org', 'http://example.org', '_blank', 'noopener noreferrer'],
      ['doc', 'authoring.md', null, null],
      ['up', '#md-sources', null, null],
    ]);
  });

  it('keeps only the text of a link to any other scheme, and of an image', () => {
    const root = renderMarkdown(
      '[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](<java\tscript:alert(1)>) [d](data:text/html,<script>alert(1)</script>) [e](vbscript:x) [f](mailto:x@y.z) ![g](https://example.org/track.png)',
      'en',
    );
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(root.textContent).toBe('a b c d e f g');
    expectOnlySafeNodes(root);
  });

  it('shows raw HTML as inert text, drops HTML comments, and builds no element from either', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '',
      '<img src=x onerror=alert(1)>',
      '',
      'Inline <img src=x onerror="alert(2)"> and <b onclick="alert(3)">bold</b><!-- a note -->.',
      '',
      '<!-- an editor\'s note -->',
      '',
      '<a href="javascript:alert(4)">link</a> <iframe src="https://example.org"></iframe> <style>p{}</style>',
      '',
      '| <svg onload=alert(5)> | x |',
      '|---|---|',
      '| <form><input></form> | y |',
    ].join('\n');
    const root = renderMarkdown(hostile, 'en');
    expectOnlySafeNodes(root);
    expect(root.querySelectorAll('a, img, script, iframe, svg, style, form, input, b')).toHaveLength(0);
    const paragraphs = [...root.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toEqual([
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      'Inline <img src=x onerror="alert(2)"> and <b onclick="alert(3)">bold</b>.',
      '<a href="javascript:alert(4)">link</a> <iframe src="https://example.org"></iframe> <style>p{}</style>',
    ]);
    expect(root.textContent).not.toContain('note');
    expect(root.querySelector('th')!.textContent).toBe('<svg onload=alert(5)>');
  });
});

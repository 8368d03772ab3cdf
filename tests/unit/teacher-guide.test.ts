// @vitest-environment happy-dom
// The teacher's guide quotes each scenario's discussion questions and lists
// its years; when a scenario changes, the guide must change with it, in every
// language the guide exists in. Checked on the guide as the game shows it:
// rendered to DOM by the same renderMarkdown the guide panel uses, so a
// Markdown construct the renderer gets wrong fails here too.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/ui/markdown.ts';
import { realContent, ROOT } from '../support/content.ts';

const bundle = realContent();
const guides = readdirSync(`${ROOT}docs`)
  .map((file) => /^teacher-guide(?:\.([a-z]{2}))?\.md$/.exec(file))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ file: m[0], lang: (m[1] ?? 'en') as 'en' | 'ru' }));

const HEADING = /^H[1-6]$/;
const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The elements of a numbered section: after the heading "N. …" up to the next heading of that level or above. */
function section(root: HTMLElement, number: number): { heading: Element; body: Element[] } {
  const heading = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].find((h) => text(h).startsWith(`${number}. `));
  expect(heading, `a heading "${number}. …"`).toBeDefined();
  const level = Number(heading!.tagName[1]);
  const body: Element[] = [];
  for (let el = heading!.nextElementSibling; el; el = el.nextElementSibling) {
    if (HEADING.test(el.tagName) && Number(el.tagName[1]) <= level) break;
    body.push(el);
  }
  return { heading: heading!, body };
}

/** Column counts of the source's tables, from their delimiter rows (`|---|---|`). */
function sourceTables(source: string): { columns: number; bodyRows: number }[] {
  const lines = source.split('\n');
  const out: { columns: number; bodyRows: number }[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!/^\|(\s*:?-+:?\s*\|)+\s*$/.test(lines[i]!)) continue;
    let rows = 0;
    while (lines[i + 1 + rows]?.startsWith('|')) rows++;
    out.push({ columns: lines[i]!.split('|').length - 2, bodyRows: rows });
  }
  return out;
}

describe('the teacher guide', () => {
  it('exists in English and Russian', () => {
    expect(guides.map((g) => g.lang).sort()).toEqual(['en', 'ru']);
  });

  describe.each(guides)('$file, as the game renders it', ({ file, lang }) => {
    const source = readFileSync(`${ROOT}docs/${file}`, 'utf8');
    const root = renderMarkdown(source, lang);

    it('is one div.markdown in its language, titled by its only h2', () => {
      expect(root.tagName).toBe('DIV');
      expect(root.className).toBe('markdown');
      expect(root.getAttribute('lang')).toBe(lang);
      // The guide panel focuses the first h2 as the dialog's title.
      expect(root.querySelectorAll('h2')).toHaveLength(1);
      expect(root.firstElementChild?.tagName).toBe('H2');
    });

    it('gives every heading its own id, for links into the guide', () => {
      const ids = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.id);
      expect(ids.length).toBeGreaterThan(15);
      for (const id of ids) expect(id).toMatch(/^md-[\p{Ll}\p{N}-]+$/u);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('gives §6 one heading per scenario, each followed by a numbered list of its questions', () => {
      const { heading, body } = section(root, 6);
      const headings = body.filter((el) => HEADING.test(el.tagName));
      expect(headings.map(text).sort()).toEqual(bundle.scenarios.map((s) => s.title[lang]!).sort());
      for (const h of headings) {
        expect(Number(h.tagName[1]), text(h)).toBe(Number(heading.tagName[1]) + 1);
        expect(h.nextElementSibling?.tagName, `what follows "${text(h)}"`).toBe('OL');
      }
    });

    it.each(bundle.scenarios.map((s) => [s.id, s] as const))("shows %s's discussion questions as the scenario has them", (_id, scenario) => {
      const { body } = section(root, 6);
      const heading = body.find((el) => HEADING.test(el.tagName) && text(el) === scenario.title[lang]);
      expect(heading, `a heading "${scenario.title[lang]}" in §6`).toBeDefined();
      const list = heading!.nextElementSibling!;
      expect(list.tagName).toBe('OL');
      expect([...list.children].map((li) => [li.tagName, text(li)])).toEqual(scenario.discussion.map((q) => ['LI', q[lang]]));
    });

    it.each(bundle.scenarios.map((s) => [s.id, s] as const))("shows %s's years and id in the scenario table", (id, scenario) => {
      const rows = [...root.querySelectorAll('table tbody tr')].filter((tr) => [...tr.querySelectorAll('td code')].some((c) => c.textContent === id));
      expect(rows, `one table row naming \`${id}\` in code`).toHaveLength(1);
      expect([...rows[0]!.querySelectorAll('td')].map(text)).toContain(`${scenario.years.start}–${scenario.years.end}`);
    });

    it('renders every table with a header row of th and body rows of td, all as wide as the source says', () => {
      const expected = sourceTables(source);
      const tables = [...root.querySelectorAll('table')];
      expect(expected.length).toBeGreaterThan(0);
      expect(tables).toHaveLength(expected.length);
      for (const [i, table] of tables.entries()) {
        const { columns, bodyRows } = expected[i]!;
        const head = [...table.querySelectorAll('thead tr')];
        expect(head).toHaveLength(1);
        expect([...head[0]!.children].map((c) => c.tagName)).toEqual(Array(columns).fill('TH'));
        const body = [...table.querySelectorAll('tbody tr')];
        expect(body).toHaveLength(bodyRows);
        for (const tr of body) expect([...tr.children].map((c) => c.tagName)).toEqual(Array(columns).fill('TD'));
      }
    });

    it('lets no Markdown syntax through into the text the reader sees', () => {
      const blocks = [...root.querySelectorAll('p, li, td, th, h1, h2, h3, h4, h5, h6')];
      expect(blocks.length).toBeGreaterThan(50);
      for (const el of blocks) {
        const t = el.textContent ?? '';
        expect(t, `${el.tagName}: a heading marker`).not.toMatch(/(^|\s)#{1,6}\s/);
        expect(t, `${el.tagName}: emphasis markers`).not.toMatch(/\*\*|(^|\s)\*\S|\S\*(\s|$)/);
        expect(t, `${el.tagName}: a table row`).not.toMatch(/(^|\n)\s*\|/);
        // Section headings and the objectives table are numbered in their text; paragraphs and items are not.
        if (el.tagName !== 'P' && el.tagName !== 'LI') continue;
        // A list marker: at the start, after a line break, or run into a sentence ("… 1. The ministry …").
        expect(t, `${el.tagName}: a list marker`).not.toMatch(/(^|\n)\s*(\d+\.|[-*+])\s/);
        expect(t, `${el.tagName}: a list marker`).not.toMatch(/\s\d{1,2}\.\s+\p{Lu}/u);
      }
      for (const el of root.querySelectorAll('p, li')) expect(text(el), `an empty ${el.tagName}`).not.toBe('');
    });
  });
});

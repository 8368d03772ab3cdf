// A small Markdown reader for the teacher's guide: headings, paragraphs,
// lists, tables, **bold**, *emphasis* and `code`. It builds DOM nodes from text only —
// no HTML is ever parsed — so the guide is as inert as scenario text.
import { h, type Child } from './dom.ts';

function inline(text: string): Child[] {
  const out: Child[] = [];
  const pattern = /\*\*([^*]+)\*\*|`([^`]+)`|\*([^*\s][^*]*)\*/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index! > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(h('strong', {}, m[1]));
    else if (m[2] !== undefined) out.push(h('code', {}, m[2]));
    else out.push(h('em', {}, m[3]!));
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

export function renderMarkdown(source: string, lang: string): HTMLElement {
  const root = h('div', { class: 'markdown', lang });
  const blocks = source.replace(/\r\n/g, '\n').split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const first = lines[0]!;
    const heading = /^(#{1,4})\s+(.*)$/.exec(first);
    if (heading && lines.length === 1) {
      const level = Math.min(4, heading[1]!.length + 1) as 2 | 3 | 4;
      root.append(h(`h${level}` as 'h2', {}, ...inline(heading[2]!)));
    } else if (first.trim().startsWith('|')) {
      const rows = lines.filter((l) => !/^\s*\|?\s*:?-{2,}/.test(l));
      const [head, ...body] = rows;
      root.append(
        h(
          'table',
          { class: 'paths' },
          h('thead', {}, h('tr', {}, ...cells(head!).map((c) => h('th', { scope: 'col' }, ...inline(c))))),
          h('tbody', {}, ...body.map((r) => h('tr', {}, ...cells(r).map((c) => h('td', {}, ...inline(c)))))),
        ),
      );
    } else if (/^\s*([-*]|\d+\.)\s/.test(first)) {
      const ordered = /^\s*\d+\./.test(first);
      const items: string[] = [];
      for (const line of lines) {
        if (/^\s*([-*]|\d+\.)\s/.test(line)) items.push(line.replace(/^\s*([-*]|\d+\.)\s+/, ''));
        else items[items.length - 1] += ` ${line.trim()}`;
      }
      root.append(h(ordered ? 'ol' : 'ul', {}, ...items.map((i) => h('li', {}, ...inline(i)))));
    } else {
      root.append(h('p', {}, ...inline(lines.map((l) => l.trim()).join(' '))));
    }
  }
  return root;
}

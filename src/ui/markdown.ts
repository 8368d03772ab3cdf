// The teacher's guide as DOM. marked's lexer reads the Markdown (CommonMark
// and GitHub tables); this file turns its tokens into elements with
// createElement and text nodes only — no HTML is ever parsed or assigned — so
// the guide is as inert as scenario text. Decisions:
// - headings move one level down (# → h2: the page owns the h1) and get ids
//   from their text ("md-" + a GitHub-style slug, numbered when repeated), so
//   a table of contents can link to them;
// - links keep their element only for http(s), relative and #anchor targets
//   (absolute ones open in a new tab without an opener); any other scheme, and
//   every image, keeps only its text;
// - raw HTML is shown as the literal text the author wrote, HTML comments are
//   dropped; neither ever becomes an element;
// - no style attribute (the CSP forbids inline styles): table alignment is a
//   class, align-left/center/right.
import { getDefaults, Lexer, type Token, type Tokens } from 'marked';
import { h } from './dom.ts';

const ID_PREFIX = 'md-';
const LINK_BASE = 'https://relative.invalid/';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * marked leaves character references in text for an HTML renderer to pass on;
 * text nodes need them decoded. Numeric ones and the common named ones are;
 * any other name stays as written.
 */
function decode(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** The href to keep, or null: only http(s), relative and #anchor targets become links. */
function safeLink(href: string): { href: string; external: boolean } | null {
  const target = decode(href).trim();
  if (target === '') return null;
  let url: URL;
  try {
    // The URL parser, not a pattern: it sees "java\tscript:" as the browser would.
    url = new URL(target, LINK_BASE);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return { href: target, external: url.origin !== new URL(LINK_BASE).origin };
}

/** Raw HTML as the text the author wrote, without comments; '' when nothing is left. */
function htmlAsText(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
}

class Renderer {
  private readonly ids = new Map<string, number>();

  /** A GitHub-style slug of the heading's text, unique within this document. */
  headingId(text: string): string {
    const slug =
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\s-]/gu, '')
        .trim()
        .replace(/\s/g, '-') || 'section';
    const seen = this.ids.get(slug);
    this.ids.set(slug, (seen ?? 0) + 1);
    return `${ID_PREFIX}${seen === undefined ? slug : `${slug}-${seen}`}`;
  }

  blocks(tokens: readonly Token[], parent: Element): void {
    for (const token of tokens) {
      const node = this.block(token);
      if (node) parent.append(node);
    }
  }

  block(token: Token): Node | null {
    const t = token as Tokens.Generic;
    switch (t.type) {
      case 'space':
      case 'def':
        return null;
      case 'heading': {
        const { depth, tokens } = t as Tokens.Heading;
        const el = h(`h${Math.min(6, depth + 1)}` as 'h2', {}, ...this.inline(tokens));
        el.id = this.headingId(el.textContent ?? '');
        return el;
      }
      case 'paragraph':
        return h('p', {}, ...this.inline((t as Tokens.Paragraph).tokens));
      case 'text': {
        const { tokens, text } = t as Tokens.Text;
        return h('p', {}, ...(tokens ? this.inline(tokens) : [decode(text)]));
      }
      case 'list':
        return this.list(t as Tokens.List);
      case 'table':
        return this.table(t as Tokens.Table);
      case 'blockquote': {
        const el = h('blockquote');
        this.blocks((t as Tokens.Blockquote).tokens, el);
        return el;
      }
      case 'code':
        return h('pre', {}, h('code', {}, (t as Tokens.Code).text));
      case 'hr':
        return h('hr');
      case 'html': {
        const text = htmlAsText((t as Tokens.HTML).text);
        return text ? h('p', {}, text) : null;
      }
      default:
        // A token this renderer does not know: its inline content, or its source, as text.
        return h('p', {}, ...(t.tokens ? this.inline(t.tokens) : [t.raw.trim()]));
    }
  }

  list(token: Tokens.List): HTMLElement {
    const start = token.ordered && typeof token.start === 'number' && token.start !== 1 ? String(token.start) : undefined;
    const el = h(token.ordered ? 'ol' : 'ul', { start });
    for (const item of token.items) {
      const li = h('li');
      for (const child of item.tokens) {
        // A tight item's text is inline content of the item itself, not a paragraph.
        if (child.type === 'text') li.append(...this.inline((child as Tokens.Text).tokens ?? [child]));
        else {
          const node = this.block(child);
          if (node) li.append(node);
        }
      }
      el.append(li);
    }
    return el;
  }

  table(token: Tokens.Table): HTMLElement {
    const columns = token.header.length;
    const cell = (tag: 'th' | 'td', c: Tokens.TableCell | undefined, align: Tokens.TableCell['align']) =>
      h(tag, { scope: tag === 'th' ? 'col' : undefined, class: align ? `align-${align}` : undefined }, ...(c ? this.inline(c.tokens) : []));
    return h(
      'table',
      { class: 'paths' },
      h('thead', {}, h('tr', {}, ...token.header.map((c, i) => cell('th', c, token.align[i] ?? null)))),
      h(
        'tbody',
        {},
        // Every row as wide as the header: short rows padded, long ones cut (as GitHub does).
        ...token.rows.map((row) => h('tr', {}, ...Array.from({ length: columns }, (_, i) => cell('td', row[i], token.align[i] ?? null)))),
      ),
    );
  }

  inline(tokens: readonly Token[]): Node[] {
    const out: Node[] = [];
    for (const token of tokens) {
      const t = token as Tokens.Generic;
      switch (t.type) {
        case 'text': {
          const { tokens: inner, text } = t as Tokens.Text;
          out.push(...(inner ? this.inline(inner) : [document.createTextNode(decode(text))]));
          break;
        }
        case 'escape':
          out.push(document.createTextNode((t as Tokens.Escape).text));
          break;
        case 'strong':
          out.push(h('strong', {}, ...this.inline((t as Tokens.Strong).tokens)));
          break;
        case 'em':
          out.push(h('em', {}, ...this.inline((t as Tokens.Em).tokens)));
          break;
        case 'del':
          out.push(h('del', {}, ...this.inline((t as Tokens.Del).tokens)));
          break;
        case 'codespan':
          out.push(h('code', {}, (t as Tokens.Codespan).text));
          break;
        case 'br':
          out.push(h('br'));
          break;
        case 'link': {
          const link = t as Tokens.Link;
          const safe = safeLink(link.href);
          const content = this.inline(link.tokens);
          if (!safe) out.push(...content);
          else
            out.push(
              h(
                'a',
                {
                  href: safe.href,
                  title: link.title ? decode(link.title) : undefined,
                  target: safe.external ? '_blank' : undefined,
                  rel: safe.external ? 'noopener noreferrer' : undefined,
                },
                ...content,
              ),
            );
          break;
        }
        case 'image':
          // Alt text only: the guide loads nothing.
          out.push(document.createTextNode(decode((t as Tokens.Image).text)));
          break;
        case 'checkbox':
          out.push(document.createTextNode((t as Tokens.Checkbox).checked ? '[x] ' : '[ ] '));
          break;
        case 'html': {
          const text = htmlAsText((t as Tokens.Tag).text);
          if (text) out.push(document.createTextNode(text));
          break;
        }
        default:
          out.push(...(t.tokens ? this.inline(t.tokens) : [document.createTextNode(t.raw)]));
      }
    }
    return out;
  }
}

export function renderMarkdown(source: string, lang: string): HTMLElement {
  // A fresh options object: settings made on marked's shared instance elsewhere cannot change the guide.
  const tokens = Lexer.lex(source, { ...getDefaults(), gfm: true, breaks: false, pedantic: false });
  const root = h('div', { class: 'markdown', lang });
  new Renderer().blocks(tokens, root);
  return root;
}

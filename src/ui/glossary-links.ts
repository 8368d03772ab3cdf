// Glossary terms linked from the text: the first mention of each term in a
// passage becomes a button that opens the glossary at that term. Matching is
// plain text (the term, its short form in brackets, a quoted phrase), so a
// new term in glossary.json links itself, in every language.
import type { ContentBundle, GlossaryTerm, LocalizedText } from '../engine/index.ts';
import { plain, t } from '../text/i18n.ts';
import { button, h, type Child } from './dom.ts';
import type { UiContext } from './ui-context.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The phrases a term may appear as: the name without its bracket, the bracket's short form, a quoted phrase. */
export function phrasesOf(term: string): string[] {
  const out = [term.replace(/\s*\([^)]*\)/g, '').replace(/["“”«»]/g, '').trim()];
  // A bracket counts when it is a name of its own (several words, or an abbreviation), not a lone qualifier like "(soft)".
  for (const m of term.matchAll(/\(([^)]+)\)/g)) if (/\s/.test(m[1]!.trim()) || /^\p{Lu}{2,}$/u.test(m[1]!.trim())) out.push(m[1]!.trim());
  for (const m of term.matchAll(/["“«]([^"”»]+)["”»]/g)) out.push(m[1]!.trim());
  return [...new Set(out.filter((p) => p.length >= 3))];
}

const patterns = new WeakMap<ContentBundle, Map<string, { term: GlossaryTerm; re: RegExp }[]>>();

function termPatterns(bundle: ContentBundle, lang: string) {
  let byLang = patterns.get(bundle);
  if (!byLang) patterns.set(bundle, (byLang = new Map()));
  let list = byLang.get(lang);
  if (!list) {
    list = bundle.glossary.terms.flatMap((term) =>
      phrasesOf(plain(term.term)).map((p) => ({ term, re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(p)}(?![\\p{L}\\p{N}])`, 'iu') })),
    );
    byLang.set(lang, list);
  }
  return list;
}

/** A passage with its glossary terms as buttons (each term once). */
export function linkedText(ui: UiContext, value: LocalizedText | undefined, lang: string): Child[] {
  const text = plain(value);
  if (!ui.app.bundle) return [text];
  const found: { start: number; end: number; term: GlossaryTerm }[] = [];
  const seen = new Set<string>();
  for (const { term, re } of termPatterns(ui.app.bundle, lang)) {
    if (seen.has(term.id)) continue;
    const m = re.exec(text);
    if (!m) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => start < f.end && end > f.start)) continue;
    found.push({ start, end, term });
    seen.add(term.id);
  }
  found.sort((a, b) => a.start - b.start);
  const out: Child[] = [];
  let at = 0;
  for (const f of found) {
    out.push(text.slice(at, f.start));
    out.push(
      button(text.slice(f.start, f.end), () => ui.send({ type: 'panel.open', panel: 'glossary', term: f.term.id }), {
        class: 'term',
        'aria-label': t('glossary.openTerm', { term: text.slice(f.start, f.end) }),
        'data-term': f.term.id,
      }),
    );
    at = f.end;
  }
  out.push(text.slice(at));
  return out;
}

/** A paragraph of scenario prose with its terms linked. */
export function prose(ui: UiContext, value: LocalizedText | undefined, lang: string, className: string): HTMLElement {
  return h('p', { class: className }, ...linkedText(ui, value, lang));
}

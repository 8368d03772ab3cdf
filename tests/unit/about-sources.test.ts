// "About the sources": the source registry says who wrote each document,
// when, what kind of document it is, where the documents disagree and which
// errors a teacher should mention. Both teacher guides carry the same section,
// word for word from the registry, so the two cannot drift apart; and every
// statement from outside the five documents is labelled as such.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realContent, ROOT } from '../support/content.ts';

const { registry } = realContent();
const GUIDES = [
  { file: 'teacher-guide.md', lang: 'en' as const, heading: '## 11. About the sources', outside: '*From outside the five documents:*' },
  { file: 'teacher-guide.ru.md', lang: 'ru' as const, heading: '## 11. Об источниках', outside: '*Вне пяти документов:*' },
];

describe('the source registry describes its documents', () => {
  it.each(registry.sources.map((d) => [d.id, d] as const))('%s has a kind, an about text and a publication date', (_id, d) => {
    expect(d.kind?.en && d.kind.ru).toBeTruthy();
    expect(d.about?.en && d.about.ru).toBeTruthy();
    expect(d.published).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.published)) expect(d.publishedEstimate?.en, 'a partial date says how it was estimated').toBeTruthy();
  });

  it('names the known errors: the UK office S0 places in the NCSC, and the Entity List listing the sources leave out', () => {
    const text = (id: string) => {
      const n = registry.notes.find((x) => x.id === id);
      return `${n?.text.en ?? ''} ${n?.outside?.en ?? ''}`;
    };
    expect(text('uk-office')).toMatch(/HCSEC/);
    expect(text('uk-office')).toMatch(/2016/);
    expect(text('sanctions')).toMatch(/Hikvision and Dahua were added to the US Commerce Department's Entity List in October 2019/);
    // Both are outside the five documents, so they sit in the labelled field.
    expect(registry.notes.find((n) => n.id === 'uk-office')!.text.en).not.toMatch(/HCSEC/);
    expect(registry.notes.find((n) => n.id === 'sanctions')!.text.en).not.toMatch(/Hikvision and Dahua were added/);
  });

  it('has at least one note on where the sources disagree', () => {
    expect(registry.notes.filter((n) => n.kind === 'disagreement').length).toBeGreaterThan(0);
  });
});

describe.each(GUIDES)('$file carries the About-the-sources section', ({ file, lang, heading, outside }) => {
  const guide = readFileSync(`${ROOT}docs/${file}`, 'utf8');
  const section = guide.slice(guide.indexOf(heading));

  it('has the section', () => {
    expect(guide).toContain(heading);
  });

  it.each(registry.sources.map((d) => [d.id, d] as const))('describes %s as the registry does', (_id, d) => {
    expect(section).toContain(`**${d.id} — ${d.kind![lang]}**`);
    expect(section).toContain(d.about![lang]);
    if (d.outside) expect(section).toContain(`${outside} ${d.outside[lang]}`);
  });

  it.each(registry.notes.map((n) => [n.id, n] as const))('gives note %s, with its outside part labelled', (_id, n) => {
    expect(section).toContain(`**${n.title[lang]}** ${n.text[lang]}`);
    if (n.outside) expect(section).toContain(`${outside} ${n.outside[lang]}`);
  });
});

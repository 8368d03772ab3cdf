// The teacher's guide quotes each scenario's discussion questions and lists
// its years; when a scenario changes, the guide must change with it, in every
// language the guide exists in.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realContent, ROOT } from '../support/content.ts';

const bundle = realContent();
const guides = readdirSync(`${ROOT}docs`)
  .map((file) => /^teacher-guide(?:\.([a-z]{2}))?\.md$/.exec(file))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ file: m[0], lang: (m[1] ?? 'en') as 'en' | 'ru' }));

/** The numbered list that follows a scenario's heading in the guide. */
function questionsUnder(guide: string, title: string): string[] {
  const lines = guide.split('\n');
  const start = lines.findIndex((l) => l.trim() === `### ${title}`);
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    const item = /^\d+\.\s+(.*)$/.exec(line);
    if (item) out.push(item[1]!.trim());
  }
  return out;
}

describe('the teacher guide', () => {
  it('exists in English and Russian', () => {
    expect(guides.map((g) => g.lang).sort()).toEqual(['en', 'ru']);
  });

  describe.each(guides)('$file', ({ file, lang }) => {
    const guide = readFileSync(`${ROOT}docs/${file}`, 'utf8');

    it.each(bundle.scenarios.map((s) => [s.id, s] as const))("quotes %s's discussion questions as the scenario has them", (_id, scenario) => {
      expect(questionsUnder(guide, scenario.title[lang]!)).toEqual(scenario.discussion.map((q) => q[lang]));
    });

    it.each(bundle.scenarios.map((s) => [s.id, s] as const))("gives %s's years and id in the scenario table", (id, scenario) => {
      const row = guide.split('\n').find((l) => l.startsWith('|') && l.includes(`\`${id}\``));
      expect(row, `a table row naming \`${id}\``).toBeDefined();
      expect(row).toContain(`${scenario.years.start}–${scenario.years.end}`);
    });
  });
});

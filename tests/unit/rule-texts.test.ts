// Each built-in rule is explained in every language from its own parameters:
// the text names them as {{placeholders}}, never restates their values.
import { describe, expect, it } from 'vitest';
import { MODEL_RULES } from '../../src/engine/index.ts';
import { ruleText } from '../../src/text/explain.ts';
import { LANGUAGES, setLanguage } from '../../src/text/i18n.ts';
import en from '../../src/text/locales/en.json' with { type: 'json' };
import ru from '../../src/text/locales/ru.json' with { type: 'json' };

const LOCALES: Record<string, { rules: Record<string, string>; ruleNames: Record<string, string> }> = { en, ru };

describe('the model rules in words', () => {
  it('cover the registered languages', () => {
    expect(Object.keys(LOCALES).sort()).toEqual([...LANGUAGES].sort());
  });

  describe.each(Object.keys(LOCALES))('%s', (lang) => {
    const texts = LOCALES[lang]!.rules;

    it('explain and name every rule, and no rule that does not exist', () => {
      expect(Object.keys(texts).sort()).toEqual(MODEL_RULES.map((r) => r.id).sort());
      expect(Object.keys(LOCALES[lang]!.ruleNames).sort()).toEqual(MODEL_RULES.map((r) => r.id).sort());
    });

    it.each(MODEL_RULES.map((r) => [r.id, r] as const))('%s names its parameters and only them', (id, rule) => {
      const text = texts[id]!;
      const named = [...text.matchAll(/\{\{\s*([A-Za-z]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]);
      // A fixed change (params.delta) is shown beside the text, not in it.
      const expected = Object.keys(rule.params).filter((p) => !(rule.when && p === 'delta'));
      expect([...new Set(named)].sort()).toEqual(expected.sort());
    });

    it('fill the parameters in', () => {
      setLanguage(lang);
      for (const rule of MODEL_RULES) expect(ruleText(rule.id), rule.id).not.toMatch(/\{\{|\}\}/);
      setLanguage('en');
    });
  });

  it('read the numbers from the rule, formatted for the language', () => {
    setLanguage('en');
    expect(ruleText('exposure-accumulation')).toContain('15%');
    expect(ruleText('debt-unsustainable')).toContain('−3');
    expect(ruleText('debt-unsustainable')).toContain('+4');
  });
});

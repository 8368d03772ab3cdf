// Turns ledger causes into sentences for the debrief, in the player's language.
import type { CompiledScenario } from './compile.ts';
import type { LedgerEntry } from './metrics.ts';
import { COMMIT_RULES, FORMULA_RULES } from './model-rules.ts';
import type { LocalizedText } from './schema.ts';

export type Lang = 'en' | 'ru';

export function localize(text: LocalizedText | undefined, lang: Lang): string {
  if (!text) return '';
  return (lang === 'ru' ? text.ru : undefined) ?? text.en;
}

const ruleById = new Map(COMMIT_RULES.map((r) => [r.id, r.explain]));

export function explainCause(c: CompiledScenario, entry: LedgerEntry, lang: Lang): string {
  const [kind, ref = ''] = entry.cause.split(/:(.*)/s) as [string, string?];
  const [a = '', b = ''] = ref.split('.');
  if (kind === 'rule') {
    const explain = ruleById.get(ref) ?? (FORMULA_RULES as Record<string, { explain: { en: string; ru: string } }>)[ref]?.explain;
    return explain ? explain[lang] : ref;
  }
  if (kind === 'option') {
    const option = c.options.get(a)?.get(b);
    if (!option) return entry.cause;
    const effect = [...option.effects, ...option.perTurn].find((e) => e.metric === entry.metric && e.because);
    return effect ? `${localize(option.label, lang)}: ${localize(effect.because, lang)}` : localize(option.label, lang);
  }
  const event = c.eventById.get(a);
  if (!event) return entry.cause;
  if (kind === 'event') {
    const effect = event.effects.find((e) => e.metric === entry.metric && e.because);
    return effect ? `${localize(event.headline, lang)}: ${localize(effect.because, lang)}` : localize(event.headline, lang);
  }
  const response = event.responses.find((r) => r.id === b);
  if (!response) return entry.cause;
  const effect = response.effects.find((e) => e.metric === entry.metric && e.because);
  const label = `${localize(event.headline, lang)} — ${localize(response.label, lang)}`;
  return effect ? `${label}: ${localize(effect.because, lang)}` : label;
}

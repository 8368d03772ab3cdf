// Interface text through i18next. The languages are whatever locale files
// are registered: src/text/locales.ts registers every file in
// src/text/locales/ (so adding Kazakh, Kyrgyz, Uzbek or Tajik means adding a
// file); Node tools register them from disk. Scenario text (LocalizedText)
// has its own fallback to English, with a note.
import i18next from 'i18next';
import type { LocalizedText } from '../engine/index.ts';

/** The registered languages, English first. */
export const LANGUAGES: string[] = [];

export const FALLBACK_LANGUAGE = 'en';

void i18next.init({
  lng: FALLBACK_LANGUAGE,
  fallbackLng: FALLBACK_LANGUAGE,
  resources: {},
  initAsync: false,
  interpolation: { escapeValue: false }, // text only ever reaches textContent
  returnNull: false,
  showSupportNotice: false,
});

// Rule texts interpolate the model's parameters: `{{x, signed}}` gives −3 / +4, `{{x, percent}}` gives 15%.
i18next.services.formatter?.add('signed', (value: number, lng?: string) => signedNumber(value, 2, lng));
i18next.services.formatter?.add('percent', (value: number, lng?: string) => new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 }).format(value));

function signedNumber(value: number, digits: number, lng?: string): string {
  const n = new Intl.NumberFormat(lng, { maximumFractionDigits: digits }).format(Math.abs(value));
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${n}`;
}

/** Register locale files: language code → the file's content. */
export function addLanguages(files: Readonly<Record<string, Record<string, unknown>>>): void {
  for (const [lang, strings] of Object.entries(files)) {
    i18next.addResourceBundle(lang, 'translation', strings, true, true);
    if (!LANGUAGES.includes(lang)) LANGUAGES.push(lang);
  }
  LANGUAGES.sort((a, b) => (a === FALLBACK_LANGUAGE ? -1 : b === FALLBACK_LANGUAGE ? 1 : a.localeCompare(b)));
}

export function t(key: string, values?: Record<string, string | number>): string {
  return (values ? i18next.t(key, values) : i18next.t(key)) as string;
}

export function currentLanguage(): string {
  return i18next.language;
}

export function setLanguage(lang: string): void {
  void i18next.changeLanguage(LANGUAGES.includes(lang) ? lang : FALLBACK_LANGUAGE);
  if (typeof document !== 'undefined') document.documentElement.lang = i18next.language;
}

export function languageName(lang: string): string {
  return i18next.t('language.name', { lng: lang }) as string;
}

/** Scenario text in the current language, and whether it had to fall back to English. */
export function localized(text: LocalizedText | undefined): { text: string; fallback: boolean } {
  if (!text) return { text: '', fallback: false };
  const value = (text as Record<string, string | undefined>)[currentLanguage()];
  if (value) return { text: value, fallback: false };
  return { text: text.en, fallback: currentLanguage() !== 'en' };
}

/** Scenario text in the current language, as a plain string. */
export function plain(text: LocalizedText | undefined): string {
  return localized(text).text;
}

export const fmt = {
  number(value: number, digits = 1): string {
    return new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: digits }).format(value);
  },
  usdMillions(value: number): string {
    return t('metric.usdMillions', { value: fmt.number(value, 2) });
  },
  percent(fraction: number): string {
    return new Intl.NumberFormat(currentLanguage(), { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
  },
  delta(value: number, digits = 2): string {
    return signedNumber(value, digits, currentLanguage());
  },
  years(start: number, end: number): string {
    return start === end ? String(start) : `${start}–${end}`;
  },
  list(items: readonly string[]): string {
    return new Intl.ListFormat(currentLanguage(), { style: 'long', type: 'conjunction' }).format(items);
  },
};

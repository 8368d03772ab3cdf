// Interface text through i18next. Every locale file in src/locales/ is picked
// up by the glob, so adding Kazakh, Kyrgyz, Uzbek or Tajik means adding a file.
// Scenario text (LocalizedText) has its own fallback to English, with a note.
import i18next from 'i18next';
import type { LocalizedText } from '../engine/index.ts';

const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*.json', { eager: true });

export const LANGUAGES: readonly string[] = Object.keys(files)
  .map((path) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length))
  .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));

export const FALLBACK_LANGUAGE = 'en';

const resources = Object.fromEntries(
  Object.entries(files).map(([path, mod]) => [path.slice(path.lastIndexOf('/') + 1, -'.json'.length), { translation: mod.default }]),
);

void i18next.init({
  lng: FALLBACK_LANGUAGE,
  fallbackLng: FALLBACK_LANGUAGE,
  resources,
  initAsync: false,
  interpolation: { escapeValue: false }, // text only ever reaches textContent
  returnNull: false,
  showSupportNotice: false,
});

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
    const n = new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: digits }).format(Math.abs(value));
    return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${n}`;
  },
  years(start: number, end: number): string {
    return start === end ? String(start) : `${start}–${end}`;
  },
  list(items: readonly string[]): string {
    return new Intl.ListFormat(currentLanguage(), { style: 'long', type: 'conjunction' }).format(items);
  },
};

// The browser's side of the app's services: live regions for announcements,
// the sound (once Howler has loaded), the page's settings, the teacher guide,
// downloads and printing.
import type { AppServices, ContentStore, GuideText, SoundEffect } from '../app/app-types.ts';
import type { Settings } from '../app/settings.ts';
import type { SaveStore } from '../app/save-store.ts';
import type { KeyValueStore } from '../app/storage.ts';
import { currentLanguage, setLanguage } from '../text/i18n.ts';
import { h } from '../ui/dom.ts';
import { download } from './download.ts';
import type { PageElements } from './page.ts';

/** The teacher's guide in each language: docs/teacher-guide.md (English) and docs/teacher-guide.<lang>.md. */
const GUIDES = import.meta.glob<string>('../../docs/teacher-guide*.md', { query: '?raw', import: 'default' });

async function guide(lang: string): Promise<GuideText> {
  const own = GUIDES[`../../docs/teacher-guide.${lang}.md`];
  const text = await (own ?? GUIDES['../../docs/teacher-guide.md']!)();
  return { text, lang: own || lang === 'en' ? lang : 'en', requested: lang };
}

export interface SoundPort {
  play(effect: SoundEffect): void;
  apply(settings: Settings): void;
}

export function reducedMotion(settings: Settings): boolean {
  if (settings.reducedMotion === 'on') return true;
  if (settings.reducedMotion === 'off') return false;
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function browserServices(
  el: PageElements,
  store: KeyValueStore,
  saves: SaveStore,
  content: ContentStore,
): AppServices & { sound: SoundPort | null; updates: { apply(resume: boolean): void } | null } {
  const services = {
    store,
    saves,
    content,
    updates: null as { apply(resume: boolean): void } | null,
    sound: null as SoundPort | null,
    announce(message: string, politeness: 'polite' | 'assertive' = 'polite') {
      const region = politeness === 'assertive' ? el.assertive : el.polite;
      // Append rather than replace so quick successive messages are all read.
      region.append(h('p', {}, message));
      while (region.childElementCount > 8) region.firstElementChild?.remove();
    },
    play(effect: SoundEffect) {
      services.sound?.play(effect);
    },
    applySettings(settings: Settings) {
      const root = document.documentElement;
      if (currentLanguage() !== settings.lang) setLanguage(settings.lang);
      root.style.setProperty('--text-scale', String(settings.textScale));
      root.classList.toggle('classroom', settings.classroom);
      root.classList.toggle('no-stage', !settings.stage);
      root.classList.toggle('reduce-motion', reducedMotion(settings));
      el.captions.hidden = !settings.captions;
      services.sound?.apply(settings);
    },
    guide,
    randomSeed(max: number) {
      const buffer = new Uint32Array(1);
      crypto.getRandomValues(buffer);
      return buffer[0]! % (max + 1);
    },
    now: () => Date.now(),
    download,
    print: () => window.print(),
    applyUpdate(resume: boolean) {
      if (services.updates) services.updates.apply(resume);
      else void saves.idle().then(() => location.reload());
    },
  };
  return services;
}

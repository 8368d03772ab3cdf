// Connects the synthesised sound (Howler, loaded on the first input) to the
// app's services and the page's mood, and shows a caption — the text
// equivalent — for every sound when the player turns captions on. Caption
// text lives in the locale files.
import type { Settings } from '../app/settings.ts';
import { AUDIO_URLS } from '../sound/audio-urls.ts';
import { CAPTIONS, createSound, type Caption } from '../sound/sound.ts';
import { t } from '../text/i18n.ts';
import type { Page } from './page.ts';
import type { SoundPort } from './services.ts';

const CAPTION_KEYS = new Map<Caption, string>(Object.entries(CAPTIONS).map(([key, caption]) => [caption, key]));
const CAPTION_SECONDS = 4;

export function attachSound(services: { sound: SoundPort | null }, page: Page, captions: HTMLElement, settings: () => Settings): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sound = createSound(AUDIO_URLS, (caption) => {
    const key = CAPTION_KEYS.get(caption);
    if (!key) return;
    captions.textContent = `${t('caption.label')}: ${t(`caption.sound.${key}`)}`;
    clearTimeout(timer);
    timer = setTimeout(() => (captions.textContent = ''), CAPTION_SECONDS * 1000);
  });
  services.sound = {
    play: (effect) => sound.play(effect),
    apply: (s) => sound.apply({ music: s.music, effects: s.effects, muted: s.muted }),
  };
  services.sound.apply(settings());
  sound.setMood('calm');
  page.setMood((mood) => sound.setMood(mood));
  const unlock = () => {
    sound.unlock();
    removeEventListener('pointerdown', unlock);
    removeEventListener('keydown', unlock);
  };
  addEventListener('pointerdown', unlock);
  addEventListener('keydown', unlock);
}

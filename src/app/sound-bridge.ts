// Connects the synthesised sound (Howler, loaded on the first input) to the
// controller, and shows a caption — the text equivalent — for every sound
// when the player turns captions on. Caption text lives in the locale files.
import { AUDIO_URLS } from '../game/audio-urls.ts';
import { CAPTIONS, createSound, type Caption } from '../game/sound.ts';
import type { Controller } from './controller.ts';
import { t } from './i18n.ts';

const CAPTION_KEYS = new Map<Caption, string>(Object.entries(CAPTIONS).map(([key, caption]) => [caption, key]));
const CAPTION_SECONDS = 4;

export function attachSound(controller: Controller, captions: HTMLElement): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sound = createSound(AUDIO_URLS, (caption) => {
    const key = CAPTION_KEYS.get(caption);
    if (!key) return;
    captions.textContent = `${t('caption.label')}: ${t(`caption.sound.${key}`)}`;
    clearTimeout(timer);
    timer = setTimeout(() => (captions.textContent = ''), CAPTION_SECONDS * 1000);
  });
  controller.sound = {
    play: (effect) => sound.play(effect),
    setMood: (mood) => sound.setMood(mood),
    apply: (s) => sound.apply({ music: s.music, effects: s.effects, muted: s.muted }),
  };
  controller.sound.apply(controller.settings);
  sound.setMood('calm');
  const unlock = () => {
    sound.unlock();
    removeEventListener('pointerdown', unlock);
    removeEventListener('keydown', unlock);
  };
  addEventListener('pointerdown', unlock);
  addEventListener('keydown', unlock);
}

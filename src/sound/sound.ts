// The game's sound: music that follows the mood of the moment and a handful of
// short effects, over Howler. Everything here is optional: the game is fully
// playable without sound, and every sound has a text caption (CAPTIONS) that
// the game can show instead of, or as well as, playing it.
//
// Howler is not in the initial bundle: it is imported on unlock(), which the
// game calls on the player's first input (browsers only start audio after a
// user gesture). Until then calls are remembered (the latest mood) or ignored.
// If Howler cannot load, or the browser has no audio, nothing throws: the port
// simply stays silent.
//
// The sounds themselves are made by tools/make-audio.ts (see assets/README.md).
import type * as HowlerModule from 'howler';
import type { Howl } from 'howler';
import loopPoints from '../../assets/audio/loops.json';

export type Mood = 'calm' | 'tense' | 'somber' | 'hopeful';
export type Effect = 'choice' | 'headline' | 'meter-up' | 'meter-down' | 'ending';
/** The name of each sound file, and the key of its URL in AUDIO_URLS. */
export type AudioKey = `music-${Mood}` | `sfx-${Effect}`;
/** Volumes 0..1; `muted` silences everything. */
export interface SoundSettings {
  music: number;
  effects: number;
  muted: boolean;
}
export interface Caption {
  en: string;
  ru: string;
}

export interface SoundPort {
  /** Call on the first user input (click, key, touch): loads Howler and starts the current mood. */
  unlock(): void;
  /** Crossfades (about a second) to the mood's music; null fades the music out. */
  setMood(mood: Mood | null): void;
  play(effect: Effect): void;
  apply(settings: SoundSettings): void;
  /** True once Howler has loaded and audio is available. */
  readonly unlocked: boolean;
}

export const MOODS: readonly Mood[] = ['calm', 'tense', 'somber', 'hopeful'];
export const EFFECTS: readonly Effect[] = ['choice', 'headline', 'meter-up', 'meter-down', 'ending'];

/** The file in assets/audio/ of every sound (src/game/audio-urls.ts imports each). */
export const AUDIO_FILES: Readonly<Record<AudioKey, string>> = {
  'music-calm': 'music-calm.ogg',
  'music-tense': 'music-tense.ogg',
  'music-somber': 'music-somber.ogg',
  'music-hopeful': 'music-hopeful.ogg',
  'sfx-choice': 'sfx-choice.ogg',
  'sfx-headline': 'sfx-headline.ogg',
  'sfx-meter-up': 'sfx-meter-up.ogg',
  'sfx-meter-down': 'sfx-meter-down.ogg',
  'sfx-ending': 'sfx-ending.ogg',
};

/** The text equivalent of every sound, for deaf and hard-of-hearing players (and for sound off). */
export const CAPTIONS: Readonly<Record<Effect | `music-${Mood}`, Caption>> = {
  'music-calm': { en: '[quiet, thoughtful piano music]', ru: '[тихая задумчивая музыка, фортепиано]' },
  'music-tense': { en: '[tense music over a low pulse]', ru: '[напряжённая музыка, низкий пульс]' },
  'music-somber': { en: '[slow, sombre music]', ru: '[медленная мрачная музыка]' },
  'music-hopeful': { en: '[warm, hopeful music]', ru: '[тёплая, светлая музыка]' },
  choice: { en: '[soft click]', ru: '[мягкий щелчок]' },
  headline: { en: '[teletype chatter]', ru: '[стрекот телетайпа]' },
  'meter-up': { en: '[rising tone]', ru: '[восходящий сигнал]' },
  'meter-down': { en: '[falling tone]', ru: '[нисходящий сигнал]' },
  ending: { en: '[low chord]', ru: '[низкий аккорд]' },
};

export const DEFAULT_SOUND_SETTINGS: Readonly<SoundSettings> = { music: 0.5, effects: 0.8, muted: false };

/** Length of the crossfade between moods, and of the fade in and out. */
export const CROSSFADE_MS = 1000;
/** The same effect asked for again within this time is not played twice (its caption still is). */
const EFFECT_REPEAT_MS = 60;

/**
 * Where each music loop starts and how long it is, in milliseconds. The files
 * carry a little of the loop's end before it and of its start after it, and
 * the loop runs between these points (see tools/make-audio.ts for why).
 */
interface LoopPoints {
  loopStartMs: number;
  loopLengthMs: number;
}
export const MUSIC_LOOPS: Readonly<Partial<Record<string, LoopPoints>>> = loopPoints;

type HowlerLib = Pick<typeof HowlerModule, 'Howl' | 'Howler'>;

/** Howler is a UMD module: depending on the bundler its exports are on the namespace or on `default`. */
async function loadHowler(): Promise<HowlerLib | null> {
  const mod = (await import('howler')) as Partial<HowlerLib> & { default?: Partial<HowlerLib> };
  // `in` first: a module namespace without the key may throw on access (Vitest's mocks do).
  const lib = 'Howl' in mod && typeof mod.Howl === 'function' ? mod : 'default' in mod ? mod.default : undefined;
  if (!lib || typeof lib.Howl !== 'function' || !lib.Howler) return null;
  if (lib.Howler.noAudio) return null;
  return { Howl: lib.Howl, Howler: lib.Howler };
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/** Runs a Howler call; audio trouble must never reach the game. */
function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}

interface Track {
  howl: Howl;
  /** Howler's id of the playing (or paused) loop, once started. */
  id: number | null;
  /** Pending pause at the end of a fade-out. */
  pauseTimer: ReturnType<typeof setTimeout> | null;
}

const LOOP_SPRITE = 'loop';

/**
 * Creates the game's sound port. `urls` maps each AudioKey ('music-calm',
 * 'sfx-choice', …) to the URL of its file: pass AUDIO_URLS from
 * ./audio-urls.ts. `onCaption` is called with the caption of every effect
 * played and of every change of mood — whether or not sound is on, unlocked or
 * available — so that the game can show it as text.
 */
export function createSound(urls: Record<string, string>, onCaption?: (text: Caption) => void): SoundPort {
  let state: 'locked' | 'loading' | 'ready' | 'unavailable' = 'locked';
  let lib: HowlerLib | null = null;
  let settings: SoundSettings = { ...DEFAULT_SOUND_SETTINGS };
  let mood: Mood | null = null;
  /** The mood whose music is (fading) in. */
  let playing: Mood | null = null;
  const tracks = new Map<Mood, Track>();
  const effects = new Map<Effect, Howl>();
  const broken = new Set<string>();
  const lastPlayed = new Map<Effect, number>();

  function newHowl(key: AudioKey, options: Omit<HowlerModule.HowlOptions, 'src'>): Howl | null {
    const url = urls[key];
    if (!lib || !url || broken.has(key)) return null;
    const created = safely(() => new lib!.Howl({
      src: [url],
      format: ['ogg'],
      preload: true,
      onloaderror: () => broken.add(key),
      ...options,
    }));
    if (!created) broken.add(key);
    return created ?? null;
  }

  function track(m: Mood): Track | null {
    const existing = tracks.get(m);
    if (existing) return existing;
    const key: AudioKey = `music-${m}`;
    const loop = MUSIC_LOOPS[key];
    const howl = newHowl(key, loop
      ? { volume: 0, sprite: { [LOOP_SPRITE]: [loop.loopStartMs, loop.loopLengthMs, true] } }
      : { volume: 0, loop: true });
    if (!howl) return null;
    const created: Track = { howl, id: null, pauseTimer: null };
    tracks.set(m, created);
    return created;
  }

  function currentVolume(t: Track): number {
    if (t.id === null) return 0;
    const id = t.id;
    const v = safely(() => t.howl.volume(id));
    return typeof v === 'number' ? clamp01(v) : 0;
  }

  function fadeIn(m: Mood): void {
    const t = track(m);
    if (!t) return;
    if (t.pauseTimer !== null) {
      clearTimeout(t.pauseTimer);
      t.pauseTimer = null;
    }
    const from = currentVolume(t);
    if (t.id === null) {
      const id = safely(() => t.howl.play(MUSIC_LOOPS[`music-${m}`] ? LOOP_SPRITE : undefined));
      if (typeof id !== 'number') return;
      t.id = id;
      safely(() => t.howl.volume(0, id));
    } else {
      const id = t.id;
      safely(() => t.howl.play(id)); // resumes where it was paused; no-op if still playing
    }
    const id = t.id;
    safely(() => t.howl.fade(from, settings.music, CROSSFADE_MS, id));
  }

  function fadeOut(m: Mood): void {
    const t = tracks.get(m);
    if (!t || t.id === null || t.pauseTimer !== null) return;
    const id = t.id;
    safely(() => t.howl.fade(currentVolume(t), 0, CROSSFADE_MS, id));
    // Paused, not stopped: coming back to a mood resumes its loop where it was,
    // which is less repetitive over a long lesson than starting it again.
    t.pauseTimer = setTimeout(() => {
      t.pauseTimer = null;
      safely(() => t.howl.pause(id));
    }, CROSSFADE_MS + 50);
  }

  function syncMusic(): void {
    if (state !== 'ready' || playing === mood) return;
    if (playing) fadeOut(playing);
    playing = mood;
    if (mood) fadeIn(mood);
  }

  function applyToHowler(): void {
    if (state !== 'ready' || !lib) return;
    const howler = lib.Howler;
    safely(() => howler.mute(settings.muted));
    for (const howl of effects.values()) safely(() => howl.volume(settings.effects));
    if (playing) {
      const t = tracks.get(playing);
      if (t && t.id !== null) {
        const id = t.id;
        safely(() => t.howl.volume(settings.music, id));
      }
    }
  }

  function start(loaded: HowlerLib | null): void {
    if (!loaded) {
      state = 'unavailable';
      return;
    }
    lib = loaded;
    state = 'ready';
    for (const effect of EFFECTS) {
      const howl = newHowl(`sfx-${effect}`, { volume: settings.effects });
      if (howl) effects.set(effect, howl);
    }
    applyToHowler();
    syncMusic();
  }

  return {
    get unlocked() {
      return state === 'ready';
    },

    unlock() {
      if (state !== 'locked') return;
      state = 'loading';
      try {
        loadHowler().then(start, () => start(null));
      } catch {
        start(null);
      }
    },

    setMood(next) {
      if (next === mood) return;
      mood = next;
      syncMusic();
      if (next) onCaption?.(CAPTIONS[`music-${next}`]);
    },

    play(effect) {
      const howl = effects.get(effect);
      if (state === 'ready' && howl && !settings.muted && settings.effects > 0) {
        const now = typeof performance !== 'undefined' ? performance.now() : Date.now();
        if (now - (lastPlayed.get(effect) ?? -Infinity) >= EFFECT_REPEAT_MS) {
          lastPlayed.set(effect, now);
          safely(() => howl.play());
        }
      }
      onCaption?.(CAPTIONS[effect]);
    },

    apply(next) {
      settings = { music: clamp01(next.music), effects: clamp01(next.effects), muted: Boolean(next.muted) };
      applyToHowler();
    },
  };
}

// The sound port over a fake Howler (no audio in Node), and the audio assets
// on disk. Each test loads a fresh copy of ./sound.ts, so the mocked `howler`
// module is created anew and may be made to fail.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as SoundModule from './sound.ts';

const fake = await vi.hoisted(async () => (await import('./fake-howler.ts')).fakeHowler());

/** The mocked 'howler' module, as fake.state.mode says it should behave. */
function howlerModule(): object {
  if (fake.state.mode === 'throw') throw new Error('Failed to fetch dynamically imported module');
  if (fake.state.mode === 'default-export') return { default: { Howl: fake.FakeHowl, Howler: fake.Howler } };
  return { Howl: fake.FakeHowl, Howler: { ...fake.Howler, noAudio: fake.state.mode === 'no-audio' } };
}

vi.mock('howler', () => howlerModule());

const URLS = {
  'music-calm': '/a/music-calm.ogg',
  'music-tense': '/a/music-tense.ogg',
  'music-somber': '/a/music-somber.ogg',
  'music-hopeful': '/a/music-hopeful.ogg',
  'sfx-choice': '/a/sfx-choice.ogg',
  'sfx-headline': '/a/sfx-headline.ogg',
  'sfx-meter-up': '/a/sfx-meter-up.ogg',
  'sfx-meter-down': '/a/sfx-meter-down.ogg',
  'sfx-ending': '/a/sfx-ending.ogg',
};

async function loadSound(): Promise<typeof SoundModule> {
  vi.resetModules();
  // Registered again so that the next import of 'howler' runs the factory anew.
  vi.doMock('howler', () => howlerModule());
  return import('./sound.ts');
}

/** Lets the dynamic import of 'howler' started by unlock() finish. */
async function settle(): Promise<void> {
  await vi.dynamicImportSettled();
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function howl(name: string): InstanceType<typeof fake.FakeHowl> {
  const found = fake.state.howls.find((h) => h.src.endsWith(`/${name}.ogg`));
  if (!found) throw new Error(`no Howl for ${name}`);
  return found;
}

beforeEach(() => {
  fake.state.mode = 'ok';
  fake.state.howls = [];
  fake.state.muted = false;
  fake.state.muteCalls = 0;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createSound before unlock', () => {
  it('does not load Howler, ignores effects and remembers only the latest mood', async () => {
    const { createSound } = await loadSound();
    const port = createSound(URLS);
    port.play('choice');
    port.setMood('calm');
    port.setMood('tense');
    await settle();
    expect(port.unlocked).toBe(false);
    expect(fake.state.howls).toHaveLength(0);

    port.unlock();
    await settle();
    expect(port.unlocked).toBe(true);
    // The effect asked for while locked is not played late.
    expect(howl('sfx-choice').sounds).toHaveLength(0);
    // Only the latest mood starts, fading in from silence.
    expect(fake.state.howls.some((h) => h.src.endsWith('/music-calm.ogg'))).toBe(false);
    const tense = howl('music-tense');
    expect(tense.sounds).toHaveLength(1);
    expect(tense.fades.at(-1)).toMatchObject({ from: 0, to: 0.5, ms: 1000 });
  });

  it('loads Howler once however often unlock() is called', async () => {
    const { createSound } = await loadSound();
    const port = createSound(URLS);
    port.unlock();
    port.unlock();
    await settle();
    port.unlock();
    await settle();
    expect(fake.state.howls.filter((h) => h.src.endsWith('/sfx-choice.ogg'))).toHaveLength(1);
  });
});

describe('settings', () => {
  it('applies music and effect volumes, clamped to 0..1, and mute', async () => {
    const { createSound } = await loadSound();
    const port = createSound(URLS);
    port.apply({ music: 0.3, effects: 0.9, muted: false });
    port.setMood('calm');
    port.unlock();
    await settle();
    expect(howl('sfx-headline').groupVolume).toBe(0.9);
    const calm = howl('music-calm');
    expect(calm.fades.at(-1)?.to).toBe(0.3);

    port.apply({ music: 1.7, effects: -2, muted: true });
    expect(calm.sounds[0]?.volume).toBe(1);
    expect(howl('sfx-headline').groupVolume).toBe(0);
    expect(fake.state.muted).toBe(true);

    port.apply({ music: Number.NaN, effects: 0.5, muted: false });
    expect(calm.sounds[0]?.volume).toBe(0);
    expect(fake.state.muted).toBe(false);
  });

  it('applies settings given before unlock once Howler is there', async () => {
    const { createSound } = await loadSound();
    const port = createSound(URLS);
    port.apply({ music: 0.2, effects: 0.4, muted: true });
    expect(fake.state.muteCalls).toBe(0);
    port.unlock();
    await settle();
    expect(fake.state.muted).toBe(true);
    expect(howl('sfx-ending').groupVolume).toBe(0.4);
  });

  it('plays no effect while muted or at volume 0, but still captions it', async () => {
    const { createSound } = await loadSound();
    const captions: string[] = [];
    const port = createSound(URLS, (c) => captions.push(c.en));
    port.unlock();
    await settle();
    port.apply({ music: 0.5, effects: 0.8, muted: true });
    port.play('headline');
    port.apply({ music: 0.5, effects: 0, muted: false });
    port.play('meter-up');
    expect(howl('sfx-headline').sounds).toHaveLength(0);
    expect(howl('sfx-meter-up').sounds).toHaveLength(0);
    expect(captions).toEqual(['[teletype chatter]', '[rising tone]']);

    port.apply({ music: 0.5, effects: 0.8, muted: false });
    port.play('meter-up');
    expect(howl('sfx-meter-up').sounds).toHaveLength(1);
  });
});

describe('music', () => {
  it('loops each mood between the loop points of assets/audio/loops.json', async () => {
    const { createSound, MUSIC_LOOPS } = await loadSound();
    const port = createSound(URLS);
    port.unlock();
    await settle();
    port.setMood('somber');
    const somber = howl('music-somber');
    const loop = MUSIC_LOOPS['music-somber'];
    expect(loop).toBeDefined();
    expect(somber.options.sprite).toEqual({ loop: [loop!.loopStartMs, loop!.loopLengthMs, true] });
    expect(somber.options.volume).toBe(0);
    expect(somber.sounds[0]?.sprite).toBe('loop');
  });

  it('crossfades between moods, pauses the old one after the fade, and resumes it later', async () => {
    const { createSound, CROSSFADE_MS } = await loadSound();
    const port = createSound(URLS);
    port.unlock();
    await settle();
    port.setMood('calm');
    const calm = howl('music-calm');
    const calmId = calm.sounds[0]!.id;

    port.setMood('tense');
    const tense = howl('music-tense');
    expect(calm.fades.at(-1)).toMatchObject({ id: calmId, from: 0.5, to: 0, ms: CROSSFADE_MS });
    expect(tense.fades.at(-1)).toMatchObject({ from: 0, to: 0.5, ms: CROSSFADE_MS });
    expect(calm.sounds[0]!.paused).toBe(false);
    vi.advanceTimersByTime(CROSSFADE_MS + 100);
    expect(calm.sounds[0]!.paused).toBe(true);

    port.setMood('calm');
    expect(calm.sounds).toHaveLength(1);
    expect(calm.sounds[0]!.paused).toBe(false);
    expect(calm.fades.at(-1)).toMatchObject({ id: calmId, to: 0.5 });
  });

  it('going back to a mood during its fade-out cancels the pause', async () => {
    const { createSound } = await loadSound();
    const port = createSound(URLS);
    port.unlock();
    await settle();
    port.setMood('calm');
    port.setMood('tense');
    port.setMood('calm');
    vi.advanceTimersByTime(5000);
    expect(howl('music-calm').sounds[0]!.paused).toBe(false);
    expect(howl('music-tense').sounds[0]!.paused).toBe(true);
  });

  it('setMood(null) fades the music out', async () => {
    const { createSound } = await loadSound();
    const port = createSound(URLS);
    port.unlock();
    await settle();
    port.setMood('hopeful');
    port.setMood(null);
    const hopeful = howl('music-hopeful');
    expect(hopeful.fades.at(-1)).toMatchObject({ to: 0 });
    vi.advanceTimersByTime(2000);
    expect(hopeful.sounds[0]!.paused).toBe(true);
  });
});

describe('captions', () => {
  it('fire for every effect and every change of mood, locked or not', async () => {
    const { createSound, CAPTIONS } = await loadSound();
    const captions: Array<{ en: string; ru: string }> = [];
    const port = createSound(URLS, (c) => captions.push(c));
    port.setMood('tense');
    port.play('choice');
    port.unlock();
    await settle();
    port.setMood('tense'); // no change, no caption
    port.setMood(null);
    port.setMood('somber');
    port.play('ending');
    expect(captions).toEqual([
      CAPTIONS['music-tense'],
      CAPTIONS.choice,
      CAPTIONS['music-somber'],
      CAPTIONS.ending,
    ]);
  });

  it('exist in English and Russian for every sound', async () => {
    const { CAPTIONS, MOODS, EFFECTS } = await loadSound();
    const keys = [...EFFECTS, ...MOODS.map((m) => `music-${m}` as const)];
    expect(Object.keys(CAPTIONS).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(CAPTIONS[key].en).toMatch(/^\[.+\]$/);
      expect(CAPTIONS[key].ru).toMatch(/^\[.+\]$/);
    }
  });
});

describe('without audio', () => {
  it.each(['throw', 'no-audio', 'constructor-throws'] as const)('stays silent and never throws when Howler %s', async (mode) => {
    fake.state.mode = mode;
    const { createSound } = await loadSound();
    const captions: string[] = [];
    const port = createSound(URLS, (c) => captions.push(c.en));
    expect(() => {
      port.setMood('calm');
      port.unlock();
    }).not.toThrow();
    await settle();
    expect(() => {
      port.play('choice');
      port.setMood('tense');
      port.apply({ music: 1, effects: 1, muted: false });
      port.setMood(null);
      port.unlock();
    }).not.toThrow();
    vi.advanceTimersByTime(5000);
    expect(port.unlocked).toBe(mode === 'constructor-throws');
    expect(captions).toEqual(['[quiet, thoughtful piano music]', '[soft click]', '[tense music over a low pulse]']);
  });

  it('finds Howler on a default export too (CommonJS interop)', async () => {
    fake.state.mode = 'default-export';
    const { createSound } = await loadSound();
    const port = createSound(URLS);
    port.unlock();
    await settle();
    expect(port.unlocked).toBe(true);
    port.play('choice');
    expect(howl('sfx-choice').sounds).toHaveLength(1);
  });

  it('skips sounds whose URL is missing', async () => {
    const { createSound } = await loadSound();
    const port = createSound({ 'sfx-choice': '/a/sfx-choice.ogg' });
    port.unlock();
    await settle();
    expect(() => {
      port.setMood('calm');
      port.play('headline');
      port.play('choice');
    }).not.toThrow();
    expect(fake.state.howls.map((h) => h.src)).toEqual(['/a/sfx-choice.ogg']);
  });
});

describe('audio assets', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const audioDir = join(root, 'assets', 'audio');

  /** Total samples and sample rate of an Ogg Vorbis file: the last page's granule position, the identification header's rate. */
  function oggInfo(file: string): { seconds: number; channels: number } {
    const buf = readFileSync(file);
    expect(buf.subarray(0, 4).toString('latin1')).toBe('OggS');
    const id = buf.indexOf('\x01vorbis', 0, 'latin1');
    const channels = buf.readUInt8(id + 11);
    const rate = buf.readUInt32LE(id + 12);
    const last = buf.lastIndexOf('OggS', buf.length - 1, 'latin1');
    const granule = Number(buf.readBigUInt64LE(last + 6));
    return { seconds: granule / rate, channels };
  }

  it('has every file that AUDIO_FILES names and audio-urls.ts imports, within 700 KB in all', async () => {
    const { AUDIO_FILES } = await loadSound();
    const source = readFileSync(join(root, 'src', 'sound', 'audio-urls.ts'), 'utf8');
    const imported = [...source.matchAll(/assets\/audio\/([\w.-]+)\?url/g)].map((m) => m[1]);
    expect(imported.sort()).toEqual(Object.values(AUDIO_FILES).sort());
    let total = 0;
    for (const file of Object.values(AUDIO_FILES)) {
      const path = join(audioDir, file);
      expect(existsSync(path), `${file} is missing: run npm run assets:audio`).toBe(true);
      total += statSync(path).size;
    }
    total += statSync(join(audioDir, 'loops.json')).size;
    expect(total).toBeLessThanOrEqual(700 * 1024);
  });

  it('AUDIO_URLS has a URL for every sound, pointing at its file', async () => {
    const { AUDIO_FILES } = await loadSound();
    const { AUDIO_URLS } = await import('./audio-urls.ts');
    expect(Object.keys(AUDIO_URLS).sort()).toEqual(Object.keys(AUDIO_FILES).sort());
    for (const [key, file] of Object.entries(AUDIO_FILES)) {
      expect(AUDIO_URLS[key as keyof typeof AUDIO_URLS]).toContain(file.replace(/\.ogg$/, ''));
    }
  });

  it('has effects of at most a second and music loops of 16–30 s inside their files', async () => {
    const { AUDIO_FILES, MUSIC_LOOPS, MOODS, EFFECTS } = await loadSound();
    for (const effect of EFFECTS) {
      expect(oggInfo(join(audioDir, AUDIO_FILES[`sfx-${effect}`])).seconds).toBeLessThanOrEqual(1);
    }
    for (const mood of MOODS) {
      const key = `music-${mood}` as const;
      const loop = MUSIC_LOOPS[key];
      expect(loop, `${key} has no loop points`).toBeDefined();
      const { seconds, channels } = oggInfo(join(audioDir, AUDIO_FILES[key]));
      expect(channels).toBe(2);
      const lengthS = loop!.loopLengthMs / 1000;
      expect(lengthS).toBeGreaterThanOrEqual(16);
      expect(lengthS).toBeLessThanOrEqual(30);
      // Away from the file's edges, where a resampler rings.
      expect(loop!.loopStartMs / 1000).toBeGreaterThanOrEqual(0.05);
      expect(loop!.loopStartMs / 1000 + lengthS).toBeLessThanOrEqual(seconds - 0.05);
    }
  });
});

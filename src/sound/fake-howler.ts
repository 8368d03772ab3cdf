// A fake Howler for the sound tests (no audio in Node): it records what was
// played, faded and muted, and can be told to fail in the ways a browser does.
export interface FakeSound {
  id: number;
  sprite: string | undefined;
  volume: number;
  paused: boolean;
}

export function fakeHowler() {
  const state = {
    /** How the next import of 'howler' behaves. */
    mode: 'ok' as 'ok' | 'throw' | 'no-audio' | 'constructor-throws' | 'default-export',
    howls: [] as FakeHowl[],
    muted: false,
    muteCalls: 0,
  };
  let nextId = 1000;

  class FakeHowl {
    readonly sounds: FakeSound[] = [];
    readonly fades: Array<{ id: number | undefined; from: number; to: number; ms: number }> = [];
    groupVolume: number;
    constructor(readonly options: { src: string[]; volume?: number; loop?: boolean; sprite?: Record<string, [number, number, boolean?]>; format?: string[] }) {
      if (state.mode === 'constructor-throws') throw new Error('Web Audio is not available');
      this.groupVolume = options.volume ?? 1;
      state.howls.push(this);
    }
    get src(): string {
      return this.options.src[0] ?? '';
    }
    sound(id: number): FakeSound | undefined {
      return this.sounds.find((s) => s.id === id);
    }
    play(spriteOrId?: string | number): number {
      if (typeof spriteOrId === 'number') {
        const s = this.sound(spriteOrId);
        if (s) s.paused = false;
        return spriteOrId;
      }
      const s: FakeSound = { id: nextId++, sprite: spriteOrId, volume: this.groupVolume, paused: false };
      this.sounds.push(s);
      return s.id;
    }
    pause(id?: number): this {
      for (const s of this.sounds) if (id === undefined || s.id === id) s.paused = true;
      return this;
    }
    volume(a?: number, b?: number): this | number {
      if (a === undefined) return this.groupVolume;
      if (b === undefined) {
        const s = this.sound(a);
        if (s) return s.volume;
        this.groupVolume = a;
        for (const each of this.sounds) each.volume = a;
        return this;
      }
      const s = this.sound(b);
      if (s) s.volume = a;
      return this;
    }
    fade(from: number, to: number, ms: number, id?: number): this {
      this.fades.push({ id, from, to, ms });
      // The fake fades at once.
      for (const s of this.sounds) if (id === undefined || s.id === id) s.volume = to;
      return this;
    }
  }

  const Howler = {
    noAudio: false,
    mute(muted: boolean) {
      state.muted = muted;
      state.muteCalls++;
      return Howler;
    },
  };

  return { state, FakeHowl, Howler };
}

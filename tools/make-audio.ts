// npm run assets:audio            (or: npx tsx tools/make-audio.ts)
// npm run assets:audio -- --check  (render again and compare with the committed files)
//
// Synthesises every sound of Safe City from code — oscillators, envelopes,
// filtered noise and a small algorithmic reverb — and writes Ogg Vorbis files to
// assets/audio/. Nothing is sampled or downloaded. The output is deterministic:
// all randomness comes from seeded generators, so the same encoder gives the
// same bytes on every run.
//
// Encoder: `oggenc` from Debian's vorbis-tools (apt-get install -y vorbis-tools),
// run with a fixed stream serial number. Vorbis was chosen over MP3 because it
// decodes to exactly the number of samples that went in (MP3 adds encoder delay
// and padding, which would put a gap at the seam of every music loop), and
// Chromium and Firefox decode it natively. The generated files are committed;
// CI never runs this script.
//
// Checks, which fail the run: before encoding, no NaN, peak <= -1 dBFS,
// durations in range (music 16-30 s, effects <= 1 s), effects start and end at
// silence, and each music loop joins its own start with no step, kink or dip
// larger than any inside the loop. After encoding, each file is decoded again
// with `oggdec`: same length, no clipping, and for music the loop points
// (assets/audio/loops.json) are placed where the decoded audio on both sides of
// the seam matches to within -60 dBFS. See encodeLoop() for why music files
// carry a little more than one loop.
//
// Options: --check renders everything again and fails if it differs from
// assets/audio; --keep-wav DIR keeps the PCM and decoded WAV files to inspect.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'assets', 'audio');
/** Sample rate of every file. Chromium resamples to the output device's rate. */
const SR = 32_000;
const TAU = 2 * Math.PI;
/** Size budget for all audio files together (also checked by src/game/sound.test.ts). */
const BUDGET_BYTES = 700 * 1024;
/** Vorbis quality (-q): music is soft and sparse, so low settings sound clean. */
const MUSIC_QUALITY = '0';
const EFFECT_QUALITY = '2';

// ---------------------------------------------------------------------------
// Small helpers

/** mulberry32: a tiny seeded generator, so noise and timing are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mtof = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);
const dbToGain = (db: number): number => 10 ** (db / 20);
const gainToDb = (gain: number): number => (gain > 0 ? 20 * Math.log10(gain) : -Infinity);
const secs = (s: number): number => Math.round(s * SR);
/** Raised-cosine ramp 0..1 for x in 0..1: smooth at both ends, so no clicks. */
const smooth = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * x));

/** Two one-pole low-pass stages (12 dB/octave) with a cutoff that may vary per sample. */
function lowpass(x: Float64Array, cutoff: (i: number) => number): Float64Array {
  const y = new Float64Array(x.length);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < x.length; i++) {
    const a = 1 - Math.exp((-TAU * Math.min(cutoff(i), SR * 0.45)) / SR);
    s1 += a * ((x[i] ?? 0) - s1);
    s2 += a * (s1 - s2);
    y[i] = s2;
  }
  return y;
}

/** RBJ biquad band-pass (constant 0 dB peak gain). */
function bandpass(x: Float64Array, freq: number, q: number, passes = 1): Float64Array {
  const w = (TAU * freq) / SR;
  const alpha = Math.sin(w) / (2 * q);
  const a0 = 1 + alpha;
  const b0 = alpha / a0;
  const b2 = -alpha / a0;
  const a1 = (-2 * Math.cos(w)) / a0;
  const a2 = (1 - alpha) / a0;
  const y = new Float64Array(x.length);
  // `passes` > 1 runs a periodic (looping) input through the filter several
  // times and keeps the last pass, so the filter state at the end of the loop
  // matches the state at its start.
  let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  for (let p = 0; p < passes; p++) {
    for (let i = 0; i < x.length; i++) {
      const x0 = x[i] ?? 0;
      const y0 = b0 * x0 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1; x1 = x0; y2 = y1; y1 = y0;
      y[i] = y0;
    }
  }
  return y;
}

/** One cycle of a band-limited waveform made from the given harmonic amplitudes. */
function wavetable(harmonics: readonly number[], size = 4096): Float64Array {
  const t = new Float64Array(size);
  harmonics.forEach((amp, k) => {
    for (let i = 0; i < size; i++) t[i] = (t[i] ?? 0) + amp * Math.sin((TAU * (k + 1) * i) / size);
  });
  let peak = 0;
  for (const v of t) peak = Math.max(peak, Math.abs(v));
  for (let i = 0; i < size; i++) t[i] = (t[i] ?? 0) / peak;
  return t;
}

/** A soft, hollow organ/string tone: odd harmonics a little stronger, steep roll-off. */
const PAD_TABLE = wavetable(Array.from({ length: 12 }, (_, k) => (1 / (k + 1) ** 1.6) * ((k + 1) % 2 === 0 ? 0.55 : 1)));
/** Nearly a sine: for the sub-bass under the chords. */
const BASS_TABLE = wavetable([1, 0.18, 0.05]);

function readTable(table: Float64Array, phase: number): number {
  const pos = (phase - Math.floor(phase)) * table.length;
  const i = Math.floor(pos);
  const frac = pos - i;
  return (table[i] ?? 0) * (1 - frac) + (table[(i + 1) % table.length] ?? 0) * frac;
}

// ---------------------------------------------------------------------------
// Instruments. Each returns a mono note that starts at sample 0.

interface PadOptions {
  /** Seconds the note is held before its release starts. */
  hold: number;
  attack?: number;
  release?: number;
  /** Low-pass cutoff in Hz when fully open. */
  cutoff?: number;
  table?: Float64Array;
  seed: number;
}

/** Three slightly detuned voices through a low-pass that opens with the envelope. */
function pad(midi: number, o: PadOptions): Float64Array {
  const attack = o.attack ?? 1.4;
  const release = o.release ?? 1.8;
  const cutoff = o.cutoff ?? 1400;
  const table = o.table ?? PAD_TABLE;
  const n = secs(o.hold + release);
  const out = new Float64Array(n);
  const rand = rng(o.seed);
  const env = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / SR;
    env[i] = smooth(t / attack) * (t < o.hold ? 1 : smooth(1 - (t - o.hold) / release));
  }
  for (const cents of [-6, 0, 6]) {
    const f = mtof(midi) * 2 ** (cents / 1200);
    let phase = rand();
    // A very slow vibrato, different for each voice, keeps the chord alive.
    const vibRate = 0.13 + rand() * 0.12;
    const vibPhase = rand();
    for (let i = 0; i < n; i++) {
      const vib = 1 + 0.0009 * Math.sin(TAU * (vibRate * (i / SR) + vibPhase));
      phase += (f * vib) / SR;
      out[i] = (out[i] ?? 0) + readTable(table, phase) / 3;
    }
  }
  const filtered = lowpass(out, (i) => cutoff * (0.45 + 0.55 * (env[i] ?? 0)));
  for (let i = 0; i < n; i++) filtered[i] = (filtered[i] ?? 0) * (env[i] ?? 0);
  return filtered;
}

/**
 * A soft "felt piano": slightly inharmonic partials (stiff strings), each
 * decaying faster the higher it is, a gentle 6 ms hammer and a little thump of
 * filtered noise. Softer notes are also darker.
 */
function felt(midi: number, velocity: number, holdSeconds: number, seed: number): Float64Array {
  const f0 = mtof(midi);
  const tau1 = Math.min(3.2, Math.max(0.9, 2.4 * (261.6 / f0) ** 0.4));
  const hold = Math.min(holdSeconds, 4 * tau1);
  const damp = 0.28;
  const n = secs(hold + damp * 4);
  const out = new Float64Array(n);
  const rand = rng(seed);
  const amps = [1, 0.45, 0.22, 0.12, 0.07, 0.04, 0.025];
  const inharmonicity = 0.00035;
  amps.forEach((amp, k) => {
    const partial = k + 1;
    const f = partial * f0 * Math.sqrt(1 + inharmonicity * partial * partial);
    if (f > SR * 0.42) return;
    const a = amp * velocity ** (0.25 * k);
    const tau = tau1 / (1 + 0.75 * k);
    const phase = rand() * TAU;
    // Two strings a hair apart: a slow beat, as in a real unison.
    const detune = 1 + 0.0004 * (rand() - 0.5);
    for (let i = 0; i < n; i++) {
      const t = i / SR;
      const decay = Math.exp(-t / tau);
      const s = Math.sin(TAU * f * t + phase) + Math.sin(TAU * f * detune * t + phase);
      out[i] = (out[i] ?? 0) + 0.5 * a * decay * s;
    }
  });
  const thump = new Float64Array(n);
  for (let i = 0; i < secs(0.012); i++) thump[i] = (rand() * 2 - 1) * (1 - i / secs(0.012));
  const thumpF = lowpass(thump, () => 900 + 1500 * velocity);
  for (let i = 0; i < n; i++) {
    const t = i / SR;
    const hammer = smooth(t / 0.006);
    const damper = t < hold ? 1 : Math.exp(-(t - hold) / damp);
    const tail = smooth((n - i) / secs(0.02));
    out[i] = ((out[i] ?? 0) + 0.08 * velocity * (thumpF[i] ?? 0)) * hammer * damper * tail * velocity;
  }
  return out;
}

/** Glass/bell ping: bell-like partial ratios with fast-decaying overtones. */
function glass(midi: number, velocity: number, seed: number): Float64Array {
  const f0 = mtof(midi);
  const n = secs(3.5);
  const out = new Float64Array(n);
  const rand = rng(seed);
  const partials: ReadonlyArray<readonly [number, number, number]> = [
    [1, 1, 1.6],
    [2.756, 0.25, 0.5],
    [5.404, 0.08, 0.18],
  ];
  for (const [ratio, amp, tau] of partials) {
    const f = f0 * ratio;
    if (f > SR * 0.42) continue;
    const phase = rand() * TAU;
    for (let i = 0; i < n; i++) {
      const t = i / SR;
      out[i] = (out[i] ?? 0) + amp * Math.exp(-t / tau) * Math.sin(TAU * f * t + phase);
    }
  }
  for (let i = 0; i < n; i++) out[i] = (out[i] ?? 0) * velocity * smooth(i / secs(0.004)) * smooth((n - i) / secs(0.3));
  return out;
}

/** The low pulse: a sine "thum" with a slight pitch drop, plus two harmonics so small speakers carry it. */
function pulse(midi: number, velocity: number): Float64Array {
  const f0 = mtof(midi);
  const n = secs(1.1);
  const out = new Float64Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / SR;
    const f = f0 * (1 + 0.06 * Math.exp(-t / 0.04));
    phase += f / SR;
    const tone = Math.sin(TAU * phase) + 0.45 * Math.sin(2 * TAU * phase) + 0.18 * Math.sin(3 * TAU * phase);
    const env = smooth(t / 0.012) * Math.exp(-t / 0.28) * smooth((n - i) / secs(0.1));
    out[i] = tone * env * velocity;
  }
  return out;
}

/** A quiet sine-like bass under a chord (held, slow attack). */
function subBass(midi: number, hold: number): Float64Array {
  return pad(midi, { hold, attack: 1.2, release: 1.5, cutoff: 600, table: BASS_TABLE, seed: midi });
}

/** A short mechanical click: band-passed noise burst with a metallic ring. */
function click(seed: number, centre: number, ringHz: number, level = 1): Float64Array {
  const n = secs(0.06);
  const rand = rng(seed);
  const burst = new Float64Array(n);
  for (let i = 0; i < secs(0.004); i++) burst[i] = (rand() * 2 - 1) * (1 - i / secs(0.004));
  const body = bandpass(burst, centre, 1.4);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / SR;
    const ring = 0.12 * Math.exp(-t / 0.008) * Math.sin(TAU * ringHz * t) * smooth(t / 0.0005);
    const thunk = 0.35 * Math.exp(-t / 0.012) * Math.sin(TAU * 170 * t) * smooth(t / 0.001);
    out[i] = (2.5 * (body[i] ?? 0) + ring + thunk) * level * smooth((n - i) / secs(0.01));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Mixing

class Stereo {
  readonly l: Float64Array;
  readonly r: Float64Array;
  constructor(readonly length: number) {
    this.l = new Float64Array(length);
    this.r = new Float64Array(length);
  }

  /**
   * Adds a mono note at sample `start` with equal-power panning (-1 left .. 1
   * right). With `wrap`, whatever runs past the end continues at the start:
   * that is what makes a loop seamless — a note ringing over the seam is heard
   * on both sides of it.
   */
  add(note: Float64Array, start: number, gain: number, pan: number, wrap: boolean): void {
    const angle = ((pan + 1) * Math.PI) / 4;
    const gl = gain * Math.cos(angle);
    const gr = gain * Math.sin(angle);
    for (let i = 0; i < note.length; i++) {
      let j = start + i;
      if (wrap) j = ((j % this.length) + this.length) % this.length;
      else if (j >= this.length) break;
      const v = note[i] ?? 0;
      this.l[j] = (this.l[j] ?? 0) + v * gl;
      this.r[j] = (this.r[j] ?? 0) + v * gr;
    }
  }
}

/**
 * Freeverb-style reverb (8 damped combs and 4 all-passes per channel, the right
 * channel's delays slightly longer for width). For a loop, the input is run
 * through twice and the second pass kept: the tail of the end of the loop then
 * rings on into its start, as it will when the loop repeats.
 */
function reverb(dry: Stereo, { room = 0.84, damp = 0.35, loop = true } = {}): Stereo {
  const scale = SR / 44_100;
  const combs = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617];
  const allpasses = [556, 441, 341, 225];
  const wet = new Stereo(dry.length);
  const input = new Float64Array(dry.length);
  for (let i = 0; i < dry.length; i++) input[i] = 0.5 * ((dry.l[i] ?? 0) + (dry.r[i] ?? 0)) * 0.03;
  for (const [channel, spread] of [[wet.l, 0], [wet.r, 23]] as const) {
    const combBufs = combs.map((len) => new Float64Array(Math.round((len + spread) * scale)));
    const combIdx = combs.map(() => 0);
    const combStore = combs.map(() => 0);
    const apBufs = allpasses.map((len) => new Float64Array(Math.round((len + spread) * scale)));
    const apIdx = allpasses.map(() => 0);
    const passes = loop ? 2 : 1;
    for (let p = 0; p < passes; p++) {
      for (let i = 0; i < dry.length; i++) {
        const x = input[i] ?? 0;
        let sum = 0;
        for (let c = 0; c < combBufs.length; c++) {
          const buf = combBufs[c]!;
          const k = combIdx[c]!;
          const out = buf[k] ?? 0;
          combStore[c] = out * (1 - damp) + (combStore[c] ?? 0) * damp;
          buf[k] = x + (combStore[c] ?? 0) * room;
          combIdx[c] = (k + 1) % buf.length;
          sum += out;
        }
        for (let a = 0; a < apBufs.length; a++) {
          const buf = apBufs[a]!;
          const k = apIdx[a]!;
          const bufOut = buf[k] ?? 0;
          buf[k] = sum + bufOut * 0.5;
          sum = bufOut - sum;
          apIdx[a] = (k + 1) % buf.length;
        }
        channel[i] = sum;
      }
    }
  }
  return wet;
}

/**
 * Band-passed noise whose level swells `cycles` times per loop: wind or room
 * tone. The noise itself is periodic (filtered over two passes), so it loops.
 */
function noiseBed(length: number, seed: number, centre: number, q: number, cycles: number, depth: number): Float64Array {
  const rand = rng(seed);
  const white = new Float64Array(length);
  for (let i = 0; i < length; i++) white[i] = rand() * 2 - 1;
  const band = bandpass(bandpass(white, centre, q, 2), centre, q, 2);
  for (let i = 0; i < length; i++) {
    const lfo = 1 - depth + depth * (0.5 - 0.5 * Math.cos((TAU * cycles * i) / length));
    band[i] = (band[i] ?? 0) * lfo;
  }
  return band;
}

// ---------------------------------------------------------------------------
// The music. Times are in beats; a loop is a whole number of bars.

interface SongBuilder {
  /** Sample index of a beat. */
  at(beat: number): number;
  seconds(beats: number): number;
  mix: Stereo;
}

interface Song {
  name: string;
  bpm: number;
  beats: number;
  reverbMix: number;
  /**
   * Loudness the loop is normalised to: RMS in dBFS of the signal above about
   * 150 Hz (what a laptop or projector speaker reproduces), peak capped at -3 dBFS.
   */
  loudnessDb: number;
  compose(b: SongBuilder): void;
  description: string;
}

/** A chord: pad voices (MIDI), the sub-bass note, start beat and length in beats. */
type Chord = readonly [notes: readonly number[], bass: number | null, start: number, length: number];
/** A felt-piano note: start beat, MIDI, velocity 0..1, held beats. */
type Note = readonly [start: number, midi: number, velocity: number, hold: number];

function playChords(b: SongBuilder, chords: readonly Chord[], o: { gain: number; cutoff: number; attack?: number; release?: number; bassGain?: number }): void {
  chords.forEach(([notes, bass, start, length], ci) => {
    notes.forEach((midi, vi) => {
      const note = pad(midi, { hold: b.seconds(length), attack: o.attack, release: o.release, cutoff: o.cutoff, seed: 1000 * ci + vi + midi });
      const pan = notes.length > 1 ? -0.45 + (0.9 * vi) / (notes.length - 1) : 0;
      b.mix.add(note, b.at(start), o.gain, pan, true);
    });
    if (bass !== null) b.mix.add(subBass(bass, b.seconds(length)), b.at(start), o.bassGain ?? o.gain * 1.2, 0, true);
  });
}

function playNotes(b: SongBuilder, notes: readonly Note[], gain: number, pan: number, seed: number): void {
  notes.forEach(([start, midi, velocity, hold], i) => {
    b.mix.add(felt(midi, velocity, b.seconds(hold), seed + i), b.at(start), gain, pan, true);
  });
}

const SONGS: readonly Song[] = [
  {
    name: 'music-calm',
    description: 'D dorian, 80 bpm, 8 bars: Dm7 – Bbmaj7 – Fmaj7 – C/E pads, a sparse felt-piano line, two glass pings',
    bpm: 80,
    beats: 32,
    reverbMix: 0.38,
    loudnessDb: -22,
    compose(b) {
      playChords(b, [
        [[50, 57, 60, 65], 38, 0, 8],
        [[46, 53, 57, 62], 34, 8, 8],
        [[53, 57, 60, 64], 41, 16, 8],
        [[52, 55, 60, 62], 40, 24, 8],
      ], { gain: 0.13, cutoff: 1300, bassGain: 0.12 });
      playNotes(b, [
        [1, 69, 0.45, 2], [2, 72, 0.38, 1.5], [3.5, 74, 0.5, 4],
        [9, 77, 0.42, 1.5], [10.5, 76, 0.36, 1.5], [12, 69, 0.48, 4],
        [17, 72, 0.42, 1.5], [18, 69, 0.36, 1], [19, 67, 0.38, 1], [20, 64, 0.45, 4],
        [25, 67, 0.4, 1.5], [26.5, 69, 0.42, 1.5], [28, 62, 0.46, 5],
      ], 0.5, 0.15, 100);
      b.mix.add(glass(86, 0.16, 7), b.at(6), 0.5, -0.5, true);
      b.mix.add(glass(81, 0.14, 8), b.at(22), 0.5, 0.5, true);
    },
  },
  {
    name: 'music-tense',
    description: 'D minor, 75 bpm, 8 bars: a low heartbeat pulse (D–Bb–C–A), dark pads (Dm – Eb/D – Bb – C – A), a quiet piano ostinato and wind-like noise',
    bpm: 75,
    beats: 32,
    reverbMix: 0.3,
    loudnessDb: -22,
    compose(b) {
      const roots = [38, 38, 38, 38, 34, 34, 36, 33];
      roots.forEach((root, bar) => {
        [1, 0.5, 0.8, 0.5].forEach((v, beat) => b.mix.add(pulse(root, v), b.at(bar * 4 + beat), 0.5, 0, true));
      });
      playChords(b, [
        [[50, 53, 57, 62], null, 0, 8],
        [[51, 55, 58, 62], null, 8, 8],
        [[46, 53, 58, 62], null, 16, 8],
        [[48, 55, 60, 64], null, 24, 4],
        [[45, 52, 57, 61], null, 28, 4],
      ], { gain: 0.12, cutoff: 1050, attack: 2, release: 2 });
      const ostinato: Note[] = [];
      const pairs: ReadonlyArray<readonly [number, readonly [number, number]]> = [
        [8, [62, 58]], [12, [62, 58]], [24, [60, 55]], [28, [61, 57]],
      ];
      for (const [startBeat, [hi, lo]] of pairs) {
        for (let k = 0; k < 8; k++) ostinato.push([startBeat + k / 2, k % 2 === 0 ? hi : lo, 0.16 + 0.02 * k, 0.35]);
      }
      playNotes(b, ostinato, 0.6, -0.2, 300);
      const wind = noiseBed(b.mix.length, 11, 380, 0.8, 2, 0.7);
      b.mix.add(wind, 0, 0.05, 0.1, true);
    },
  },
  {
    name: 'music-somber',
    description: 'A minor, 60 bpm, 6 bars: slow pads (Am – Am/G – Fmaj7 – Dm9 – Esus4 – E), tolling low piano, a descending melody',
    bpm: 60,
    beats: 24,
    reverbMix: 0.42,
    loudnessDb: -22,
    compose(b) {
      playChords(b, [
        [[45, 52, 60, 64], null, 0, 4],
        [[43, 52, 60, 64], null, 4, 4],
        [[41, 53, 57, 64], null, 8, 4],
        [[38, 53, 57, 64], null, 12, 4],
        [[40, 52, 57, 59], null, 16, 4],
        [[40, 52, 56, 59], null, 20, 4],
      ], { gain: 0.12, cutoff: 900, attack: 2, release: 2.2 });
      playNotes(b, [
        [0, 45, 0.32, 4], [4, 43, 0.3, 4], [8, 41, 0.3, 4], [12, 38, 0.3, 4], [16, 40, 0.3, 4], [20, 40, 0.26, 4],
      ], 0.45, -0.15, 500);
      playNotes(b, [
        [1, 76, 0.34, 2], [3, 74, 0.28, 1], [4, 72, 0.33, 3.5],
        [8, 69, 0.32, 2], [10, 67, 0.26, 1.5], [11.5, 65, 0.24, 0.5], [12, 64, 0.3, 3],
        [16, 71, 0.3, 2], [18, 69, 0.28, 2], [20, 68, 0.3, 4],
      ], 0.5, 0.2, 600);
    },
  },
  {
    name: 'music-hopeful',
    description: 'D major, 80 bpm, 8 bars: warm pads (D – A/C# – Bm7 – Gmaj7 – D/F# – G – Em7 – A7sus4), a quarter-note piano arpeggio, a simple melody',
    bpm: 80,
    beats: 32,
    reverbMix: 0.34,
    loudnessDb: -22,
    compose(b) {
      playChords(b, [
        [[50, 57, 64, 66], 38, 0, 4],
        [[49, 57, 61, 64], 37, 4, 4],
        [[47, 54, 57, 62], 35, 8, 4],
        [[43, 54, 59, 62], 43, 12, 4],
        [[42, 54, 57, 62], 42, 16, 4],
        [[43, 55, 59, 62], 43, 20, 4],
        [[40, 55, 59, 62], 40, 24, 4],
        [[45, 55, 62, 64], 45, 28, 4],
      ], { gain: 0.11, cutoff: 1700, attack: 1.1, release: 1.6, bassGain: 0.1 });
      const arpeggios = [
        [62, 66, 69, 76], [61, 64, 69, 73], [59, 66, 69, 74], [55, 62, 66, 71],
        [54, 62, 66, 69], [55, 62, 67, 71], [52, 59, 64, 67], [57, 62, 64, 67],
      ];
      const arp: Note[] = arpeggios.flatMap((bar, i) => bar.map((midi, k): Note => [i * 4 + k, midi, k === 0 ? 0.3 : 0.22, 1.5]));
      playNotes(b, arp, 0.4, -0.25, 700);
      playNotes(b, [
        [0, 78, 0.42, 3], [6, 76, 0.38, 2], [8, 74, 0.4, 3], [14, 71, 0.36, 2],
        [16, 69, 0.38, 2], [18, 71, 0.34, 1], [19, 74, 0.4, 3],
        [24, 71, 0.36, 2], [26, 74, 0.34, 1], [27, 71, 0.3, 1], [28, 76, 0.4, 4],
      ], 0.5, 0.2, 800);
      b.mix.add(glass(90, 0.14, 9), b.at(0), 0.5, 0.5, true);
      b.mix.add(glass(86, 0.14, 10), b.at(16), 0.5, -0.5, true);
    },
  },
];

function renderSong(song: Song): Stereo {
  const beatSeconds = 60 / song.bpm;
  const length = secs(song.beats * beatSeconds);
  const mix = new Stereo(length);
  song.compose({ at: (beat) => secs(beat * beatSeconds), seconds: (beats) => beats * beatSeconds, mix });
  const wet = reverb(mix);
  const out = new Stereo(length);
  for (let i = 0; i < length; i++) {
    out.l[i] = (mix.l[i] ?? 0) * (1 - song.reverbMix * 0.5) + (wet.l[i] ?? 0) * song.reverbMix;
    out.r[i] = (mix.r[i] ?? 0) * (1 - song.reverbMix * 0.5) + (wet.r[i] ?? 0) * song.reverbMix;
  }
  normalise([out.l, out.r], song.loudnessDb, -3, true);
  return out;
}

// ---------------------------------------------------------------------------
// Effects (mono, at most one second, start and end at silence)

interface Effect {
  name: string;
  description: string;
  peakDb: number;
  render(): Float64Array;
}

/** Sine tone gliding between two pitches, with a soft octave above. */
function glide(from: number, to: number, seconds: number): Float64Array {
  const n = secs(seconds);
  const out = new Float64Array(n);
  let phase = 0;
  const glideTime = seconds * 0.55;
  for (let i = 0; i < n; i++) {
    const t = i / SR;
    const f = from * (to / from) ** smooth(t / glideTime);
    phase += f / SR;
    const env = smooth(t / 0.015) * Math.exp(-Math.max(0, t - 0.08) / 0.12) * smooth((n - i) / secs(0.03));
    out[i] = (Math.sin(TAU * phase) + 0.22 * Math.sin(2 * TAU * phase)) * env;
  }
  return out;
}

function mono(length: number): Float64Array {
  return new Float64Array(length);
}

function addMono(into: Float64Array, note: Float64Array, start: number, gain: number): void {
  for (let i = 0; i < note.length && start + i < into.length; i++) into[start + i] = (into[start + i] ?? 0) + (note[i] ?? 0) * gain;
}

const EFFECTS: readonly Effect[] = [
  {
    name: 'sfx-choice',
    description: 'a soft wooden "tock" (inharmonic partials 1 : 2.7, 60 ms decay) and a quieter one a fifth above, 45 ms later',
    peakDb: -9,
    render() {
      const out = mono(secs(0.3));
      const tock = (f: number): Float64Array => {
        const n = secs(0.22);
        const x = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const t = i / SR;
          x[i] = (Math.sin(TAU * f * t) * Math.exp(-t / 0.06) + 0.3 * Math.sin(TAU * f * 2.7 * t) * Math.exp(-t / 0.018)) * smooth(t / 0.002) * smooth((n - i) / secs(0.02));
        }
        return x;
      };
      addMono(out, click(21, 2600, 3400, 0.25), 0, 1);
      addMono(out, tock(740), 0, 1);
      addMono(out, tock(1110), secs(0.045), 0.45);
      return out;
    },
  },
  {
    name: 'sfx-headline',
    description: 'teletype chatter: about 18 mechanical key strikes (band-passed noise bursts, a 170 Hz thunk, a metallic ring) in uneven groups, then a short carriage sweep',
    peakDb: -9,
    render() {
      const out = mono(secs(0.95));
      const rand = rng(42);
      let t = 0.01;
      let strike = 0;
      while (t < 0.68) {
        const level = 0.6 + 0.4 * rand();
        addMono(out, click(100 + strike, 1800 + 1700 * rand(), 2900 + 600 * rand(), level), secs(t), 1);
        strike++;
        // Groups of quick strikes with short pauses, as a machine types a line.
        t += strike % 5 === 0 ? 0.07 + 0.03 * rand() : 0.028 + 0.02 * rand();
      }
      // Carriage: a soft band-passed noise sweep.
      const n = secs(0.2);
      const noise = new Float64Array(n);
      for (let i = 0; i < n; i++) noise[i] = (rand() * 2 - 1) * smooth(i / secs(0.03)) * smooth((n - i) / secs(0.12));
      addMono(out, bandpass(noise, 1500, 0.9), secs(0.72), 0.35);
      return out;
    },
  },
  {
    name: 'sfx-meter-up',
    description: 'a small rising tone: a sine gliding from D5 to A5 (a fifth) with a soft octave, 0.35 s',
    peakDb: -14,
    render: () => glide(mtof(74), mtof(81), 0.35),
  },
  {
    name: 'sfx-meter-down',
    description: 'a small falling tone: a sine gliding from A4 down to D4 (a fifth) with a soft octave, 0.35 s',
    peakDb: -14,
    render: () => glide(mtof(69), mtof(62), 0.35),
  },
  {
    name: 'sfx-ending',
    description: 'a low open chord (D2 A2 D3 E3 A3) on the felt piano over a soft pad, fading out within one second',
    peakDb: -7,
    render() {
      const n = secs(1);
      const out = mono(n);
      [38, 45, 50, 52, 57].forEach((midi, i) => {
        addMono(out, felt(midi, 0.6 - i * 0.05, 1.2, 900 + i), 0, 0.5);
        addMono(out, pad(midi, { hold: 0.6, attack: 0.08, release: 0.4, cutoff: 900, seed: 950 + i }), 0, 0.18);
      });
      for (let i = 0; i < n; i++) out[i] = (out[i] ?? 0) * smooth((n - i) / secs(0.35));
      return out;
    },
  },
];

// ---------------------------------------------------------------------------
// Level, checks, files

function peakOf(channels: readonly Float64Array[]): number {
  let peak = 0;
  for (const ch of channels) for (const v of ch) peak = Math.max(peak, Math.abs(v));
  return peak;
}

function rmsOf(channels: readonly Float64Array[], from = 0, to?: number): number {
  let sum = 0;
  let count = 0;
  for (const ch of channels) {
    const end = to ?? ch.length;
    for (let i = from; i < end; i++) {
      const v = ch[i] ?? 0;
      sum += v * v;
      count++;
    }
  }
  return Math.sqrt(sum / Math.max(1, count));
}

/** The part of the signal a small speaker reproduces: high-passed at about 150 Hz (12 dB/octave). */
function speakerWeighted(ch: Float64Array): Float64Array {
  const low = lowpass(ch, () => 150);
  return ch.map((v, i) => v - (low[i] ?? 0));
}

/**
 * Scales to the target RMS (of the speaker-weighted signal when `weighted`, so
 * that moods sound equally loud on small speakers), or lower if the peak would
 * pass `peakCapDb`.
 */
function normalise(channels: readonly Float64Array[], rmsDb: number, peakCapDb: number, weighted = false): void {
  const rms = rmsOf(weighted ? channels.map(speakerWeighted) : channels);
  const peak = peakOf(channels);
  const gain = Math.min(dbToGain(rmsDb) / rms, dbToGain(peakCapDb) / peak);
  for (const ch of channels) for (let i = 0; i < ch.length; i++) ch[i] = (ch[i] ?? 0) * gain;
}

function toInt16(ch: Float64Array): Int16Array {
  const out = new Int16Array(ch.length);
  for (let i = 0; i < ch.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round((ch[i] ?? 0) * 32767)));
  return out;
}

function wavFile(channels: readonly Int16Array[]): Buffer {
  const n = channels[0]?.length ?? 0;
  const nch = channels.length;
  const data = n * nch * 2;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVE', 8, 'ascii');
  b.write('fmt ', 12, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(nch, 22);
  b.writeUInt32LE(SR, 24);
  b.writeUInt32LE(SR * nch * 2, 28);
  b.writeUInt16LE(nch * 2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(data, 40);
  for (let i = 0; i < n; i++) for (let c = 0; c < nch; c++) b.writeInt16LE(channels[c]![i]!, 44 + (i * nch + c) * 2);
  return b;
}

/** Reads a 16-bit PCM WAV (as oggdec writes it) into float channels. */
function readWav(buf: Buffer): Float64Array[] {
  let off = 12;
  let nch = 1;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    if (id === 'fmt ') nch = buf.readUInt16LE(off + 10);
    if (id === 'data') {
      const n = Math.floor(Math.min(size, buf.length - off - 8) / (2 * nch));
      const chans = Array.from({ length: nch }, () => new Float64Array(n));
      for (let i = 0; i < n; i++) for (let c = 0; c < nch; c++) chans[c]![i] = buf.readInt16LE(off + 8 + (i * nch + c) * 2) / 32768;
      return chans;
    }
    off += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}

class CheckError extends Error {}

function check(condition: boolean, message: string): void {
  if (!condition) throw new CheckError(message);
}

interface Report {
  name: string;
  seconds: number;
  peakDb: number;
  rmsDb: number;
  speakerDb: number;
  seam?: string;
}

/** Checks every sound before it is encoded; throws CheckError with the reason. */
function sanity(name: string, channels: readonly Float64Array[], kind: 'music' | 'effect'): Report {
  const n = channels[0]?.length ?? 0;
  for (const ch of channels) for (const v of ch) check(Number.isFinite(v), `${name}: NaN or infinite sample`);
  const ints = channels.map(toInt16);
  const peak = Math.max(...ints.map((ch) => ch.reduce((m, v) => Math.max(m, Math.abs(v)), 0))) / 32768;
  const peakDb = gainToDb(peak);
  check(peakDb <= -1, `${name}: peak ${peakDb.toFixed(2)} dBFS is above -1 dBFS`);
  const seconds = n / SR;
  const report: Report = { name, seconds, peakDb, rmsDb: gainToDb(rmsOf(channels)), speakerDb: gainToDb(rmsOf(channels.map(speakerWeighted))) };
  if (kind === 'effect') {
    check(seconds <= 1, `${name}: ${seconds.toFixed(2)} s is longer than 1 s`);
    for (const ch of ints) {
      check(Math.abs(ch[0] ?? 0) <= 2 && Math.abs(ch[ch.length - 1] ?? 0) <= 2, `${name}: does not start and end at silence`);
    }
    return report;
  }
  check(seconds >= 16 && seconds <= 30, `${name}: loop of ${seconds.toFixed(2)} s is outside 16–30 s`);
  // Seam continuity: the step from the last sample to the first (and the
  // change of slope there) must be no larger than the largest found inside the
  // loop, and the level on both sides of the seam must be alike (no dip, no gap).
  const seams: string[] = [];
  for (const ch of channels) {
    let maxStep = 0;
    let maxCurve = 0;
    for (let i = 2; i < n; i++) {
      maxStep = Math.max(maxStep, Math.abs(ch[i]! - ch[i - 1]!));
      maxCurve = Math.max(maxCurve, Math.abs(ch[i]! - 2 * ch[i - 1]! + ch[i - 2]!));
    }
    const step = Math.abs(ch[0]! - ch[n - 1]!);
    const curve = Math.max(Math.abs(ch[0]! - 2 * ch[n - 1]! + ch[n - 2]!), Math.abs(ch[1]! - 2 * ch[0]! + ch[n - 1]!));
    check(step <= maxStep && curve <= maxCurve, `${name}: jump at the loop seam (step ${step.toExponential(2)}, largest inside ${maxStep.toExponential(2)})`);
    seams.push(`${(step / maxStep).toFixed(3)}`);
  }
  // Level across the seam: the 50 ms on either side of it must not dip below
  // the 150 ms around them (a gap) more than at any other point of the loop.
  const w = secs(0.05);
  const dipAt = (at: number): number => {
    const rms = (from: number, len: number): number => {
      let sum = 0;
      for (const ch of channels) for (let i = 0; i < len; i++) sum += ch[(((from + i) % n) + n) % n]! ** 2;
      return Math.sqrt(sum / (len * channels.length));
    };
    const near = Math.min(rms(at - w, w), rms(at, w));
    const around = (rms(at - 4 * w, 3 * w) + rms(at + w, 3 * w)) / 2;
    return gainToDb(around) - gainToDb(near);
  };
  const dip = dipAt(0);
  let maxInsideDip = -Infinity;
  for (let at = w; at < n - w; at += w) maxInsideDip = Math.max(maxInsideDip, dipAt(at));
  check(dip <= Math.max(maxInsideDip, 3), `${name}: level dips by ${dip.toFixed(1)} dB at the loop seam`);
  report.seam = `step/max-step ${seams.join(', ')}, dip ${dip.toFixed(2)} dB (largest inside ${maxInsideDip.toFixed(2)} dB)`;
  return report;
}

/** The tool's version line, or null if it is not installed (oggdec prints it on stderr). */
function commandVersion(cmd: string): string | null {
  const result = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return `${result.stdout}${result.stderr}`.trim().split('\n')[0] ?? cmd;
}

/** Encodes 16-bit PCM with oggenc, decodes it again with oggdec, and checks length and clipping. */
function encodeOnce(name: string, ints: readonly Int16Array[], quality: string, dir: string): { ogg: Buffer; decoded: Float64Array[] } {
  const wavPath = join(dir, `${name}.wav`);
  const oggPath = join(dir, `${name}.ogg`);
  const decodedPath = join(dir, `${name}.decoded.wav`);
  writeFileSync(wavPath, wavFile(ints));
  execFileSync('oggenc', [
    '--quiet',
    '--quality', quality,
    // A fixed serial number: oggenc picks a random one otherwise.
    '--serial', String(1 + ([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 100_000)),
    '--title', name,
    '--artist', 'Safe City (synthesised by tools/make-audio.ts)',
    '--comment', 'LICENSE=MIT',
    '--output', oggPath,
    wavPath,
  ]);
  execFileSync('oggdec', ['--quiet', '--bits', '16', '--output', decodedPath, oggPath]);
  const decoded = readWav(readFileSync(decodedPath));
  const n = ints[0]?.length ?? 0;
  check(decoded.length === ints.length && decoded.every((ch) => ch.length === n), `${name}: decoded length differs from the input (${decoded[0]?.length} vs ${n} samples)`);
  const decodedPeak = gainToDb(peakOf(decoded));
  check(decodedPeak < -0.1, `${name}: the encoded file clips (decoded peak ${decodedPeak.toFixed(2)} dBFS)`);
  return { ogg: readFileSync(oggPath), decoded };
}

/**
 * Music files hold the loop with some of its own end before it and some of its
 * start after it ("pre-roll" and "post-roll"); the game loops between two
 * points inside the file (assets/audio/loops.json, read by src/game/sound.ts).
 * Two reasons:
 * - Chromium resamples a decoded file to the output's rate (44.1 or 48 kHz),
 *   and its resampler rings at the very first and last samples of a buffer: a
 *   loop over the whole file would click at every repeat. Inside the file,
 *   away from its edges, the resampled audio is clean.
 * - A lossy codec's error at one loop point is unrelated to its error at the
 *   other, so even a seamless PCM loop steps a little once decoded. With the
 *   rolls, every sample within ±0.5 s of the downbeat is a possible loop start
 *   (same content, one loop length apart), and the one where the decoded audio
 *   matches best on both sides is chosen.
 * Loop lengths are whole sample frames at 32, 44.1 and 48 kHz (24 s, 25.6 s);
 * loop points in milliseconds are multiples of 1/32 ms, exact in binary.
 */
const ROLL_SECONDS = 0.6;
const SEARCH_SECONDS = 0.5;
/** Loop lengths must be whole frames at 44.1 and 48 kHz too: a multiple of 10 ms. */
const GRID = SR / 100;
/** Samples on either side of a loop point compared when choosing it. */
const MATCH_HALF_WIDTH = 4;
/** The most the decoded audio may differ across a chosen loop point: -60 dBFS. */
const SEAM_LIMIT = dbToGain(-60);

interface LoopPoints {
  /** Where the loop starts in the file, in milliseconds (a multiple of 1/32). */
  loopStartMs: number;
  /** Length of the loop in milliseconds (a whole number). */
  loopLengthMs: number;
}

function encodeLoop(name: string, channels: readonly Float64Array[], quality: string, dir: string): { ogg: Buffer; loop: LoopPoints; seam: string } {
  const n = channels[0]!.length;
  const roll = secs(ROLL_SECONDS);
  check(n % GRID === 0, `${name}: loop length is not a whole number of 10 ms`);
  const extended = channels.map((ch) => {
    const out = new Float64Array(roll + n + roll);
    for (let i = 0; i < out.length; i++) out[i] = ch[(((i - roll) % n) + n) % n] ?? 0;
    return toInt16(out);
  });
  const { ogg, decoded } = encodeOnce(name, extended, quality, dir);
  let best = { start: roll, mismatch: Infinity };
  const reach = secs(SEARCH_SECONDS);
  for (let start = roll - reach; start <= roll + reach; start++) {
    // Playing on past the loop's end must sound like jumping back to its start.
    let mismatch = 0;
    for (const y of decoded) {
      for (let k = -MATCH_HALF_WIDTH; k <= MATCH_HALF_WIDTH; k++) {
        mismatch = Math.max(mismatch, Math.abs(y[start + k]! - y[start + n + k]!));
      }
    }
    if (mismatch < best.mismatch) best = { start, mismatch };
  }
  check(best.mismatch <= SEAM_LIMIT, `${name}: no loop point where the decoded audio matches (best ${gainToDb(best.mismatch).toFixed(1)} dBFS)`);
  return {
    ogg,
    loop: { loopStartMs: (best.start * 1000) / SR, loopLengthMs: (n * 1000) / SR },
    seam: `decoded mismatch at the loop point ${gainToDb(best.mismatch).toFixed(1)} dBFS, loop ${(best.start / SR).toFixed(2)}–${((best.start + n) / SR).toFixed(2)} s`,
  };
}

function main(): void {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, 'keep-wav': { type: 'string' } }, strict: true });
  const oggencVersion = commandVersion('oggenc');
  if (!oggencVersion || !commandVersion('oggdec')) {
    console.error('make-audio: oggenc and oggdec not found. Install them with: apt-get install -y vorbis-tools');
    process.exit(2);
  }
  const work = mkdtempSync(join(tmpdir(), 'safe-city-audio-'));
  const outputs = new Map<string, Buffer>();
  const reports: Report[] = [];
  const loops: Record<string, LoopPoints> = {};
  try {
    for (const song of SONGS) {
      const stereo = renderSong(song);
      const report = sanity(song.name, [stereo.l, stereo.r], 'music');
      const { ogg, loop, seam } = encodeLoop(song.name, [stereo.l, stereo.r], MUSIC_QUALITY, work);
      report.seam = `${report.seam}; ${seam}`;
      reports.push(report);
      outputs.set(`${song.name}.ogg`, ogg);
      loops[song.name] = loop;
    }
    for (const effect of EFFECTS) {
      const x = effect.render();
      // Every effect starts and ends at silence: a 1 ms fade in, 10 ms out.
      for (let i = 0; i < x.length; i++) x[i] = (x[i] ?? 0) * smooth(i / secs(0.001)) * smooth((x.length - 1 - i) / secs(0.01));
      normalise([x], 0, effect.peakDb);
      reports.push(sanity(effect.name, [x], 'effect'));
      outputs.set(`${effect.name}.ogg`, encodeOnce(effect.name, [toInt16(x)], EFFECT_QUALITY, work).ogg);
    }
  } catch (error) {
    if (error instanceof CheckError) {
      console.error(`make-audio: check failed: ${error.message}`);
      process.exit(1);
    }
    throw error;
  } finally {
    // --keep-wav DIR keeps the PCM sent to the encoder and oggdec's decoding of it, to inspect.
    if (values['keep-wav']) execFileSync('cp', ['-r', `${work}/.`, values['keep-wav']]);
    rmSync(work, { recursive: true, force: true });
  }

  outputs.set('loops.json', Buffer.from(`${JSON.stringify(loops, null, 2)}\n`));

  let total = 0;
  for (const buf of outputs.values()) total += buf.length;
  if (total > BUDGET_BYTES) {
    console.error(`make-audio: ${total} bytes in all is over the ${BUDGET_BYTES}-byte budget`);
    process.exit(1);
  }

  if (values.check) {
    const stale = [...outputs].filter(([file, buf]) => {
      const path = join(OUT_DIR, file);
      return !existsSync(path) || !readFileSync(path).equals(buf);
    });
    if (stale.length > 0) {
      console.error(`make-audio: differs from assets/audio (run npm run assets:audio): ${stale.map(([f]) => f).join(', ')}`);
      process.exit(1);
    }
    console.log(`make-audio: all ${outputs.size} files match assets/audio (${oggencVersion})`);
    return;
  }

  mkdirSync(OUT_DIR, { recursive: true });
  for (const [file, buf] of outputs) writeFileSync(join(OUT_DIR, file), buf);
  console.log(`make-audio: ${oggencVersion}, ${SR} Hz`);
  for (const r of reports) {
    const file = `${r.name}.ogg`;
    const bytes = statSync(join(OUT_DIR, file)).size;
    const sha = createHash('sha256').update(outputs.get(file)!).digest('hex').slice(0, 12);
    console.log(
      `  ${file.padEnd(20)} ${r.seconds.toFixed(2).padStart(6)} s ${(bytes / 1024).toFixed(1).padStart(6)} KB  peak ${r.peakDb.toFixed(1)} dBFS  rms ${r.rmsDb.toFixed(1)} dBFS (above 150 Hz ${r.speakerDb.toFixed(1)})  sha256 ${sha}${r.seam ? `  seam: ${r.seam}` : ''}`,
    );
  }
  console.log(`  total ${(total / 1024).toFixed(1)} KB of ${BUDGET_BYTES / 1024} KB`);
}

main();

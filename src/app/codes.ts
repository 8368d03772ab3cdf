// Short codes for classrooms and workshops, with no server: a session code
// carries the facilitator's settings; a result code carries a team's session
// and moves, so the facilitator's screen replays them and recomputes the
// outcome — a code cannot claim an ending its moves do not produce.
//
// Codes use Crockford's base 32 (no I, L, O or U: easy to read aloud and to
// type), are grouped in fours, and end in a check character (Luhn mod 32),
// which catches any single mistyped character and most swapped neighbours.

import { t } from '../text/i18n.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Session codes are still version 1 (join links printed for a session keep working). */
export const CODE_VERSION = 1;
/** Result codes: version 2 adds the number of players and the knowledge-check answers; version 1 codes still decode. */
export const RESULT_VERSION = 2;
/** Longer than any result code (about 30 characters with every answer): what is longer is not a code (result-codes.ts says so). */
export const MAX_CODE_CHARS = 64;
/** Players on one device a result code can say (4 bits, 0 = not said). */
export const MAX_PLAYERS = 15;
export const WORKSHOP_SEED_BITS = 20;
export const MAX_TIMER_MINUTES = 15;

export interface SessionSettings {
  /** Position of the scenario in the catalog sorted by id. */
  scenarioIndex: number;
  seed: number;
  knowledgeCheck: boolean;
  /** Minutes per decision or turn; 0 = no timer (the default). */
  timerMinutes: number;
}

/** A code, file or save the game cannot use; the message is in the player's language (src/text/locales: problem.*). */
export class CodeError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    // Keys with a section of their own (desk.*) are used as they are.
    super(t(key.includes('.') ? key : `problem.${key}`, params));
  }
}

// --- bits ------------------------------------------------------------------

class BitWriter {
  bits: number[] = [];
  write(value: number, width: number) {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** width) throw new CodeError('valueTooWide', { value, width });
    for (let i = width - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
  }
}

export class BitReader {
  private at = 0;
  constructor(private readonly bits: number[]) {}
  read(width: number): number {
    if (this.at + width > this.bits.length) throw new CodeError('codeTooShort');
    let value = 0;
    for (let i = 0; i < width; i++) value = value * 2 + this.bits[this.at++]!;
    return value;
  }
  get remaining() {
    return this.bits.length - this.at;
  }
}

function checkCharacter(symbols: string): string {
  // Luhn mod N over the base-32 alphabet.
  let sum = 0;
  let double = true;
  for (let i = symbols.length - 1; i >= 0; i--) {
    let v = ALPHABET.indexOf(symbols[i]!);
    if (double) {
      v *= 2;
      v = Math.floor(v / 32) + (v % 32);
    }
    sum += v;
    double = !double;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

function toCode(bits: number[]): string {
  const padded = [...bits, ...Array((5 - (bits.length % 5)) % 5).fill(0)];
  let symbols = '';
  for (let i = 0; i < padded.length; i += 5) symbols += ALPHABET[padded.slice(i, i + 5).reduce((v, b) => v * 2 + b, 0)];
  return formatCode(symbols + checkCharacter(symbols));
}

/** A code as it is read out and printed: in groups of four. */
export function formatCode(code: string): string {
  return (normaliseCode(code).match(/.{1,4}/g) ?? []).join('-');
}

/** Normalise what a person typed: case, spaces and dashes, and the letters people confuse with digits. */
export function normaliseCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0')
    .replace(/U/g, 'V');
}

/** A typed code checked and read as bits (result-codes.ts reads result codes with it). */
export function fromCode(input: string): BitReader {
  const code = normaliseCode(input);
  if (code.length < 2) throw new CodeError('codeTooShort');
  for (const ch of code) if (!ALPHABET.includes(ch)) throw new CodeError('badCharacter', { ch });
  const symbols = code.slice(0, -1);
  if (checkCharacter(symbols) !== code.slice(-1)) throw new CodeError('checkCharacter');
  const bits: number[] = [];
  for (const ch of symbols) {
    const v = ALPHABET.indexOf(ch);
    for (let i = 4; i >= 0; i--) bits.push((v >> i) & 1);
  }
  return new BitReader(bits);
}

// --- session codes -----------------------------------------------------------

function writeSession(w: BitWriter, s: SessionSettings, version = CODE_VERSION) {
  w.write(version, 3);
  w.write(s.scenarioIndex, 5);
  w.write(s.seed, WORKSHOP_SEED_BITS);
  w.write(s.knowledgeCheck ? 1 : 0, 1);
  w.write(s.timerMinutes, 4);
}

export function readSession(r: BitReader, scenarioCount: number, versions: readonly number[] = [CODE_VERSION]): SessionSettings & { version: number } {
  const version = r.read(3);
  if (!versions.includes(version)) throw new CodeError('otherVersion', { version });
  const scenarioIndex = r.read(5);
  if (scenarioIndex >= scenarioCount) throw new CodeError('unknownScenario');
  const seed = r.read(WORKSHOP_SEED_BITS);
  const knowledgeCheck = r.read(1) === 1;
  const timerMinutes = r.read(4);
  if (timerMinutes > MAX_TIMER_MINUTES) throw new CodeError('badTimer');
  return { scenarioIndex, seed, knowledgeCheck, timerMinutes, version };
}

export function encodeSession(s: SessionSettings): string {
  const w = new BitWriter();
  writeSession(w, s);
  return toCode(w.bits);
}

export function decodeSession(code: string, scenarioCount: number): SessionSettings {
  const { version: _, ...settings } = readSession(fromCode(code), scenarioCount);
  return settings;
}

// --- result codes --------------------------------------------------------------

/**
 * How the moves are written: the structure of the scenario, so that a move is
 * an index (an option, a subset as a bitmask, or a response among those
 * offered at that moment).
 */
export interface MoveShape {
  decisions: readonly { options: readonly string[]; multi: boolean }[];
  /** The knowledge check's questions and their choices, in order: an answer is written as its choice's position. */
  questions?: readonly { id: string; choices: readonly string[] }[];
}

/** A team's knowledge-check answers: question id → choice id. */
export interface Answers {
  before: Record<string, string>;
  after: Record<string, string>;
}

export interface ResultMoves {
  session: SessionSettings;
  choices: string[][];
  /** For each turn played, the index of the response among those offered, or -1 for a quiet turn. */
  responses: number[];
  /** How many people played on the team's device, when the team said (version 2). */
  players?: number;
  knowledge?: Answers;
}

export const widthFor = (n: number) => Math.max(1, Math.ceil(Math.log2(Math.max(2, n))));
export const RESPONSE_BITS = 3;
export const TURN_COUNT_BITS = 4;

export function encodeResult(shape: MoveShape, moves: ResultMoves): string {
  const w = new BitWriter();
  writeSession(w, moves.session, RESULT_VERSION);
  shape.decisions.forEach((d, i) => {
    const picked = moves.choices[i] ?? [];
    if (d.multi) w.write(d.options.reduce((mask, id, j) => (picked.includes(id) ? mask + 2 ** j : mask), 0), d.options.length);
    else w.write(d.options.indexOf(picked[0]!), widthFor(d.options.length));
  });
  w.write(moves.responses.length, TURN_COUNT_BITS);
  for (const r of moves.responses) w.write(r + 1, RESPONSE_BITS);
  // Version 2: players (0 = not said) and, behind a flag, each answer as its choice's position + 1 (0 = not answered).
  w.write(Math.min(MAX_PLAYERS, moves.players ?? 0), 4);
  const questions = shape.questions ?? [];
  const knowledge = moves.knowledge && questions.length > 0 ? moves.knowledge : null;
  w.write(knowledge ? 1 : 0, 1);
  if (knowledge)
    for (const when of ['before', 'after'] as const)
      for (const q of questions) w.write(q.choices.indexOf(knowledge[when][q.id] ?? '') + 1, widthFor(q.choices.length + 1));
  return toCode(w.bits);
}

// Reading a team's result code: the facilitator's side of codes.ts, in the
// desk's chunk (a team only ever writes a result code). Version 1 codes (moves
// only) and version 2 (moves, players, knowledge-check answers) both decode.
import {
  CODE_VERSION,
  CodeError,
  fromCode as readBits,
  MAX_CODE_CHARS,
  normaliseCode,
  readSession,
  RESPONSE_BITS,
  RESULT_VERSION,
  TURN_COUNT_BITS,
  widthFor,
  type Answers,
  type MoveShape,
  type ResultMoves,
  type SessionSettings,
} from './codes.ts';

/** A result code's bits, with the reasons a facilitator needs: too long to be a code, or not a code of this game at all. */
function fromCode(input: string) {
  const length = normaliseCode(input).length;
  // Checked first: a long run of letters can pass the check character by chance and be read as nonsense.
  if (length > MAX_CODE_CHARS) throw new CodeError('desk.codeTooManyChars', { length, max: MAX_CODE_CHARS });
  const bits = readBits(input);
  const version = readBits(input).read(3);
  if (version === 0) throw new CodeError('desk.notACode');
  return bits;
}

export function decodeResult(code: string, scenarioCount: number, shapeFor: (session: SessionSettings) => MoveShape): ResultMoves {
  const r = fromCode(code);
  const { version, ...session } = readSession(r, scenarioCount, [CODE_VERSION, RESULT_VERSION]);
  const shape = shapeFor(session);
  const choices = shape.decisions.map((d) => {
    if (d.multi) {
      const mask = r.read(d.options.length);
      return d.options.filter((_, j) => Math.floor(mask / 2 ** j) % 2 === 1);
    }
    const index = r.read(widthFor(d.options.length));
    if (index >= d.options.length) throw new CodeError('unknownOption');
    return [d.options[index]!];
  });
  const turns = r.read(TURN_COUNT_BITS);
  const responses: number[] = [];
  for (let i = 0; i < turns; i++) responses.push(r.read(RESPONSE_BITS) - 1);
  const out: ResultMoves = { session, choices, responses };
  if (version >= 2) {
    const players = r.read(4);
    if (players > 0) out.players = players;
    if (r.read(1) === 1) {
      const knowledge: Answers = { before: {}, after: {} };
      for (const when of ['before', 'after'] as const)
        for (const q of shape.questions ?? []) {
          const index = r.read(widthFor(q.choices.length + 1));
          if (index > q.choices.length) throw new CodeError('unknownOption');
          if (index > 0) knowledge[when][q.id] = q.choices[index - 1]!;
        }
      out.knowledge = knowledge;
    }
  }
  if (r.remaining >= 5) throw new CodeError('codeTooLong');
  return out;
}

/** The session a result code belongs to (its first fields), without the scenario's shape. */
export function sessionOfResult(code: string, scenarioCount: number): SessionSettings {
  const { version: _, ...settings } = readSession(fromCode(code), scenarioCount, [CODE_VERSION, RESULT_VERSION]);
  return settings;
}

// Learning gain from the knowledge check, as a researcher would report it:
// the share of correct answers before and after play, its change in
// percentage points, over players (not team devices), per question, with the
// teams that gave no answers named rather than silently left out. Pure.
import type { Answers } from './codes.ts';

export interface GainInput {
  team: string;
  knowledge?: Answers;
  /** How many played on the device; not said = 1 (and the team is listed as assumed). */
  players?: number;
}

export interface QuestionGain {
  id: string;
  /** Share of players answering correctly, 0–1. */
  before: number;
  after: number;
  /** (after − before) in percentage points. */
  gainPp: number;
}

export interface LearningGain {
  /** Players counted: each team weighs as many as played on its device. */
  n: number;
  teams: number;
  before: number;
  after: number;
  gainPp: number;
  questions: QuestionGain[];
  /** Teams without answers from both checks: left out of the figures, by name. */
  missing: string[];
  /** Teams that did not say how many played: counted as one player each. */
  assumedOne: string[];
}

/** Percentage points with one decimal, rounded half away from zero, never "-0.0". */
export function roundPp(pp: number): number {
  const r = Math.sign(pp) * Math.round(Math.abs(pp) * 10) / 10;
  return r === 0 ? 0 : r;
}

/**
 * A team's answers are its players' shared answers, so a team counts as many
 * times as it had players. A question a team left unanswered counts as not
 * correct (it was asked). Null when no team gave both checks' answers.
 */
export function learningGain(results: readonly GainInput[], questions: readonly { id: string; answer: string }[]): LearningGain | null {
  const answered = results.filter((r) => r.knowledge && Object.keys(r.knowledge.before).length + Object.keys(r.knowledge.after).length > 0);
  const missing = results.filter((r) => !answered.includes(r)).map((r) => r.team);
  const n = answered.reduce((sum, r) => sum + (r.players ?? 1), 0);
  if (n === 0 || questions.length === 0) return null;
  const share = (q: { id: string; answer: string }, when: 'before' | 'after') =>
    answered.reduce((sum, r) => sum + (r.knowledge![when][q.id] === q.answer ? (r.players ?? 1) : 0), 0) / n;
  const perQuestion = questions.map((q) => {
    const before = share(q, 'before');
    const after = share(q, 'after');
    return { id: q.id, before, after, gainPp: roundPp((after - before) * 100) };
  });
  const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const before = mean(perQuestion.map((q) => q.before));
  const after = mean(perQuestion.map((q) => q.after));
  return {
    n,
    teams: answered.length,
    before,
    after,
    gainPp: roundPp((after - before) * 100),
    questions: perQuestion,
    missing,
    assumedOne: answered.filter((r) => r.players === undefined).map((r) => r.team),
  };
}

/** One team's own share correct before and after, and its gain in points (null without answers). */
export function teamGain(r: GainInput, questions: readonly { id: string; answer: string }[]): { before: number; after: number; gainPp: number } | null {
  if (!r.knowledge || questions.length === 0) return null;
  const share = (when: 'before' | 'after') => questions.filter((q) => r.knowledge![when][q.id] === q.answer).length / questions.length;
  return { before: share('before'), after: share('after'), gainPp: roundPp((share('after') - share('before')) * 100) };
}

/** "+12.5", "−3.0", "0.0": the number of a gain in points (the unit is the caller's, in the reader's language). */
export function signedPp(pp: number): string {
  const r = roundPp(pp);
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r).toFixed(1)}`;
}

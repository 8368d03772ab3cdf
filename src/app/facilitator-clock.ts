// The facilitator's session clock on the compare screen: a phase (teams
// playing, or the debrief) and a countdown the facilitator starts and pauses.
// Plain data changed by the app machine's transitions with the services'
// clock; the shell only draws the time left (as it does for teams' timers).
// Also the handout being shown and the number of teams expected.

export type ClockPhase = 'play' | 'debrief';
export const CLOCK_PHASES: readonly ClockPhase[] = ['play', 'debrief'];

export interface FacilitatorClock {
  phase: ClockPhase;
  minutes: number;
  deadline: number;
  /** When paused, the moment it stopped; the time left is deadline − pausedAt. */
  pausedAt: number | null;
}

export interface FacilitatorState {
  clock: FacilitatorClock | null;
  /** Teams the facilitator expects to hand in (0: not said). */
  expected: number;
  /** The team whose one-page handout is open (its position among the results), or null. */
  handout: number | null;
  /** When the compare screen was opened (the printed comparison's date). */
  openedAt: number;
}

export const NO_FACILITATOR: FacilitatorState = { clock: null, expected: 0, handout: null, openedAt: 0 };

/** Start (or resume, when the same phase and length are paused) a countdown. */
export function startClock(clock: FacilitatorClock | null, phase: ClockPhase, minutes: number, now: number): FacilitatorClock {
  if (clock && clock.pausedAt !== null && clock.phase === phase && clock.minutes === minutes) {
    return { ...clock, deadline: clock.deadline + (now - clock.pausedAt), pausedAt: null };
  }
  return { phase, minutes, deadline: now + minutes * 60_000, pausedAt: null };
}

export function pauseClock(clock: FacilitatorClock | null, now: number): FacilitatorClock | null {
  return clock && clock.pausedAt === null ? { ...clock, pausedAt: now } : clock;
}


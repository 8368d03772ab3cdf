// The app machine's "a new version is ready" region. The shell reports a
// waiting version (update.ready); the prompt is offered at once where no game
// is in play, otherwise at the game's next screen, never in the middle of a
// choice; "Later" offers it again on the title. Reloading is a service effect
// (applyUpdate) that waits for the saves and continues the game after.
import { SCENARIO } from './game-flow.ts';

export const UPDATE_REGION = {
  initial: 'none',
  on: { 'update.apply': { target: '.applying', actions: 'applyUpdate' } },
  states: {
    none: { on: { 'update.ready': 'waiting' } },
    waiting: {
      always: { guard: 'notInGame', target: 'offered' },
      on: { [`xstate.snapshot.${SCENARIO}`]: 'offered', [`xstate.done.actor.${SCENARIO}`]: 'offered', 'debrief.open': 'offered', 'check.submit': 'offered' },
    },
    offered: { on: { 'update.later': 'later' } },
    later: { on: { 'nav.title': 'offered' } },
    applying: {},
  },
} as const;

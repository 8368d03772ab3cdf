// The page as a state machine: which screen is up, the game in progress (the
// scenario's own machine, spawned as a child), the workshop desk and the open
// panel. Every effect — saving, announcing, sounds, the seen endings, the
// "changes shown" cursor, fresh workshop seeds — happens in a transition
// action, once per transition; rendering (src/ui/render.ts) only reads the
// snapshot, so it may run any number of times.
import { assign, enqueueActions, setup, stopChild, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import { APP_ACTORS } from './app-actors.ts';
import { UPDATE_REGION } from './update-region.ts';
import type { AppContext, AppEvent, AppInput, Notice } from './app-types.ts';
import { encodeSession } from './codes.ts';
import { closePanelPatch, disclosurePatch, initialContext, newSeedPatch, openPanelPatch, pickPatch, timerPatch, votePatch } from './app-logic.ts';
import { t } from '../text/i18n.ts';
import { afterMove, joinProblem, needsCheck, prepareFor, reportMove, reportScreen, SCENARIO, startGame, withNotice } from './game-flow.ts';
import { deckLeadFor } from '../engine/index.ts';
import { isMoveEnabled, phaseOfGame } from './game.ts';
import { afterSetAside, afterWrite, downloadSave, newGameId, slotHasProgress, slotOf } from './save-flow.ts';
import { saveFileOf } from './saves.ts';
import { saveSettings } from './settings.ts';
import { clearPatch, desk, deskDone, deskInput, downloadCsv, downloadResult, joinFindsGame, joinPending, facilitatorPatch } from './workshop-flow.ts';
import { loadVotes } from './votes.ts';

export const appMachine = setup({
  types: {
    context: {} as AppContext,
    events: {} as AppEvent,
    input: {} as AppInput,
  },
  actors: APP_ACTORS,
  guards: {
    startsWithScenario: ({ context }) => context.pending !== null,
    startsAtJoin: ({ context }) => context.workshop.join.code !== '' && context.pending === null,
    joinFindsGame: ({ context }) => joinFindsGame(context),
    // Starting another game over a save with progress asks first; any save is copied away before it is replaced.
    slotHasProgress: ({ context }) => slotHasProgress(context),
    slotIsTaken: ({ context }) => slotOf(context) !== null,
    notInGame: ({ context }) => context.game === null,
    needsCheckBefore: ({ context }) => needsCheck(context.game, 'before') && phaseOfGame(context.game!) === 'briefing',
    needsCheckAfter: ({ context }) => needsCheck(context.game, 'after'),
    isMoveAllowed: ({ context, event }) => event.type === 'game.move' && context.game !== null && isMoveEnabled(context.game, event.move),
    hasOutcome: ({ context }) => context.game?.outcome != null,
    isLengthChangeable: ({ context, event }) =>
      event.type === 'game.length' && !!context.game && phaseOfGame(context.game) === 'briefing' && event.length !== context.game.compiled.length && (event.length === 'full' || !!context.game.compiled.scenario.lesson),
    isPickable: ({ context, event }) =>
      event.type === 'decision.toggle' && !!context.game && phaseOfGame(context.game) === 'deciding',
    needsPanelData: ({ context, event }) =>
      event.type === 'panel.open' && (event.panel === 'endings' || (event.panel !== 'settings' && event.panel !== 'pause' && context.bundle === null)),
  },
  actions: {
    addNotice: assign(({ context }, notice: Notice) => ({ notices: withNotice(context, notice) })),
    clearNotices: assign({ notices: [] }),
    peekResumable: assign(({ context }) => ({ resumable: context.game ? null : slotOf(context) })),
    stopGame: enqueueActions(({ context, enqueue }) => {
      if (context.game) enqueue(stopChild(context.game.ref));
      enqueue.assign({ game: null, timer: null, pendingMove: null });
    }),
    forwardMove: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'game.move' || !context.game) return;
      // The player moves on from the screen they landed on: its notices have been seen.
      enqueue.assign({ pendingMove: event.move, notices: [] });
      enqueue.sendTo(context.game.ref, event.move);
    }),
    /** The engine answered a move: take its snapshot and the changes it made, once. */
    takeMove: assign(({ context }) => ({ pendingMove: null, game: afterMove(context.game!, context.pendingMove) })),
    /** Sounds and spoken summaries of a move: said once, here, never by a render. */
    reportMove: ({ context }) => reportMove(context.services, context.game!),
    reportScreen: ({ context }) => reportScreen(context.services, context.game!),
    clearOutcome: assign(({ context }) => ({ game: { ...context.game!, outcome: null } })),
    /** The length is chosen on the briefing: the same seed, the game compiled again, nothing played yet. */
    restartWithLength: enqueueActions(({ context, event, enqueue }) => {
      const game = context.game;
      if (event.type !== 'game.length' || !game || !context.bundle) return;
      enqueue(stopChild(game.ref));
      enqueue.assign(({ spawn }) => ({
        game: startGame(spawn as never, {
          compiled: prepareFor(context.bundle!, game.compiled.scenario.id, event.length, game.compiled.deckLead),
          // The same game (nothing played yet), so its save slot stays its own.
          gameId: game.gameId,
          seed: game.seed,
          meta: { ...game.meta, length: event.length },
        }),
      }));
    }),
    /** Write the game and hear back (save.written): every write is read back, and a failure is reported at once. */
    saveGame: ({ context, self }) => {
      const game = context.game;
      if (!game) return;
      const text = JSON.stringify(saveFileOf(game, new Date(context.services.now())));
      void context.services.saves.write(text, game.gameId).then((problem) => self.getSnapshot().status === 'active' && self.send({ type: 'save.written', problem }));
    },
    restartTimer: assign(({ context }) => timerPatch(context)),
    togglePick: assign(({ context, event }) => pickPatch(context, event)),
    playChoice: ({ context }) => context.services.play('choice'),
    recordAnswers: assign(({ context, event }, when: 'before' | 'after') => {
      if (event.type !== 'check.submit' || !context.game) return {};
      return { game: { ...context.game, meta: { ...context.game.meta, [when]: event.answers } } };
    }),
    endTips: assign(({ context }) => (context.settings.tips ? { debriefTip: true, settings: { ...context.settings, tips: false } } : { debriefTip: false })),
    persistSettings: ({ context }) => {
      saveSettings(context.services.store, context.settings);
      context.services.applySettings(context.settings);
    },
    rememberDisclosure: assign(({ context, event }) => disclosurePatch(context, event)),
    updateSettings: assign(({ context, event }) => (event.type === 'settings.update' ? { settings: { ...context.settings, ...event.patch } } : {})),
    forgetSave: enqueueActions(({ context, enqueue }) => {
      enqueue(() => void context.services.saves.forget());
      enqueue.assign({ resumable: null, kept: [], saveProblem: context.saveProblem?.kind === 'keep' ? null : context.saveProblem });
    }),
    vote: assign(({ context, event }) => votePatch(context, event)),
    openPanel: assign(({ context, event }) => openPanelPatch(context, event)),
    closePanel: assign(({ context }) => closePanelPatch(context)),
    newSetupSeed: assign(({ context, event }) => newSeedPatch(context, event)),
    print: ({ context }) => context.services.print(),
    applyUpdate: ({ context }) => context.services.applyUpdate(context.game !== null),
    /** A write was answered: a new failure is said at once; a write that held clears it. */
    noteWrite: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'save.written') return;
      if (event.problem !== null && !context.saveProblem) enqueue(() => context.services.announce(t('notice.saveFailed', { reason: event.problem ?? '' }), 'assertive'));
      enqueue.assign(afterWrite(context, event.problem));
    }),
  },
}).createMachine({
  id: 'app',
  type: 'parallel',
  context: ({ input }) => initialContext(input),
  states: {
    screen: {
      initial: 'booting',
      on: {
        'nav.title': { target: '.title', actions: 'stopGame' },
        'nav.map': { target: '.map', actions: ['stopGame', assign(({ event }) => ({ mapSelected: event.selected ?? null }))] },
        'nav.workshop': { target: '.workshop', actions: 'stopGame' },
        'scenario.start': {
          target: '.starting',
          actions: ['stopGame', 'clearNotices', assign(({ context, event }) => ({ pending: { id: event.id, seed: event.seed ?? context.services.randomSeed(0xffff_ffff) } }))],
        },
        'save.forget': { actions: 'forgetSave' },
        'save.written': { actions: 'noteWrite' },
        'save.download': { actions: ({ context }) => downloadSave(context.services, null) },
        'save.downloadKept': { actions: ({ context, event }) => downloadSave(context.services, event.key) },
        'vote.change': { actions: 'vote' },
        'page.print': { actions: 'print' },
        'settings.update': { actions: ['updateSettings', 'persistSettings'] },
        'disclosure.toggle': { actions: ['rememberDisclosure', 'persistSettings'] },
        'debrief.tab': { actions: assign(({ event }) => ({ debriefTab: event.tab })) },
        'nav.guide': { target: '.guide', actions: 'stopGame' },
        'nav.sources': { target: '.sources', actions: 'stopGame' },
      },
      states: {
        booting: { always: 'checkingSave' },
        // The save is read and checked first, whatever the link asks: a save that cannot be used is set aside now, with a message, so Continue never fails.
        checkingSave: {
          invoke: {
            src: 'loadSave',
            input: ({ context }) => ({ context }),
            onDone: [
              { guard: ({ event }) => event.output.discarded !== undefined, target: 'keepingSave', actions: assign(({ event }) => ({ kept: event.output.kept, discard: event.output.discarded! })) },
              { target: 'route', actions: assign(({ event }) => ({ kept: event.output.kept })) },
            ],
            onError: { target: 'route' },
          },
        },
        keepingSave: {
          invoke: {
            src: 'setAsideSave',
            input: ({ context }) => ({ context, reason: context.discard ?? '' }),
            onDone: { target: 'route', actions: assign(({ context, event }) => ({ discard: null, ...afterSetAside(context, event.output, { key: 'notice.saveDiscarded', values: { reason: context.discard ?? '' } }, context.discard ?? '') })) },
            onError: { target: 'route' },
          },
        },
        route: { always: [{ guard: 'startsWithScenario', target: 'starting' }, { guard: 'joinFindsGame', target: 'resuming' }, { guard: 'startsAtJoin', target: 'workshop.join' }, { guard: ({ context }) => context.resumeAtBoot, target: 'resuming' }, { target: 'title' }] },
        starting: { always: [{ guard: 'slotHasProgress', target: 'confirmReplace' }, { guard: 'slotIsTaken', target: 'replacing' }, { target: 'loading' }] },
        // A saved game with progress is never replaced without asking; when the player agrees, it is kept as a copy first.
        confirmReplace: { entry: 'peekResumable', on: { 'replace.confirm': 'replacing', 'save.resume': { target: 'resuming', actions: assign({ pending: null }) } } },
        replacing: {
          invoke: {
            src: 'setAsideSave',
            input: ({ context }) => ({ context, reason: t('problem.keptReplaced') }),
            onDone: { target: 'loading', actions: assign(({ context, event }) => afterSetAside(context, event.output, { key: 'notice.replacedKept' }, t('problem.keptReplaced'))) },
            onError: { target: 'loading' },
          },
        },
        title: { entry: 'peekResumable', on: { 'save.resume': { target: 'resuming', actions: 'clearNotices' } } },
        map: {
          on: {
            'map.select': { actions: assign(({ event }) => ({ mapSelected: event.id })) },
          },
        },
        loading: {
          invoke: {
            src: 'loadContent',
            input: ({ context }) => ({ context, id: context.pending!.id }),
            onDone: [
              {
                guard: ({ event }) => event.output.bundle !== null,
                target: 'game',
                actions: [
                  assign(({ context, event, spawn }) => {
                    const bundle = event.output.bundle!;
                    const pending = context.pending!;
                    const scenario = bundle.scenarios.find((s) => s.id === pending.id)!;
                    const from = { compiled: prepareFor(bundle, scenario.id, pending.meta?.length, deckLeadFor(pending.meta)), gameId: newGameId(context.services), seed: pending.seed, meta: pending.meta };
                    return { bundle, pending: null, game: startGame(spawn as never, from) };
                  }),
                  'saveGame',
                ],
              },
              { target: 'error', actions: assign(({ event }) => ({ problems: event.output.problems, pending: null })) },
            ],
            onError: { target: 'error', actions: assign(({ event }) => ({ problems: [{ file: 'scenarios/', path: '$', expected: String(event.error) }] })) },
          },
        },
        resuming: {
          entry: assign({ resumeAtBoot: false }),
          invoke: {
            src: 'loadSave',
            input: ({ context }) => ({ context }),
            onDone: [
              {
                guard: ({ event }) => !!event.output.restored && event.output.report.bundle !== null,
                target: 'game',
                actions: [
                  assign(({ context, event, spawn }) => {
                    const r = event.output.restored!;
                    const notices = r.migrated ? withNotice(context, { key: r.why === 'damaged' ? 'notice.saveRebuilt' : 'notice.saveMigrated' }) : context.notices;
                    return { bundle: event.output.report.bundle, notices, kept: event.output.kept, game: startGame(spawn as never, { ...r }) };
                  }),
                  'saveGame',
                ],
              },
              { guard: ({ event }) => event.output.discarded !== undefined, target: 'keepingSave', actions: assign(({ event }) => ({ discard: event.output.discarded! })) },
              { target: 'title' },
            ],
            onError: { target: 'title' },
          },
        },
        game: {
          initial: 'entering',
          entry: ['restartTimer', assign(({ context }) => ({ votes: context.game ? loadVotes(context.services.store, context.game) : {} }))],
          exit: 'stopGame',
          states: {
            entering: { always: [{ guard: 'needsCheckBefore', target: 'checkBefore' }, { target: 'playing' }] },
            checkBefore: { on: { 'check.submit': { target: 'playing', actions: [{ type: 'recordAnswers', params: 'before' }, 'saveGame'] } } },
            playing: {
              on: {
                'game.move': { guard: 'isMoveAllowed', actions: 'forwardMove' },
                'decision.toggle': { guard: 'isPickable', actions: ['togglePick', 'playChoice'] },
                [`xstate.snapshot.${SCENARIO}`]: { actions: ['takeMove', 'reportMove', 'saveGame', 'restartTimer'] },
                [`xstate.done.actor.${SCENARIO}`]: { actions: ['takeMove', 'reportMove', 'saveGame', 'restartTimer'] },
                'outcome.continue': { guard: 'hasOutcome', actions: ['clearOutcome', 'reportScreen', 'restartTimer'] },
                'game.length': { guard: 'isLengthChangeable', actions: ['restartWithLength', 'saveGame'] },
                'debrief.open': [{ guard: 'needsCheckAfter', target: 'checkAfter' }, { target: 'debrief' }],
              },
            },
            checkAfter: { on: { 'check.submit': { target: 'debrief', actions: [{ type: 'recordAnswers', params: 'after' }, 'saveGame'] } } },
            debrief: {
              entry: ['endTips', 'persistSettings', assign({ debriefTab: 'why' })],
              on: {
                'result.download': { actions: ({ context, event }) => downloadResult(context, event.includeAnswers) },
              },
            },
          },
        },
        workshop: {
          initial: 'hub',
          on: {
            'workshop.setup': { target: '.setup' },
            'workshop.join': { target: '.join', actions: assign(({ context, event }) => ({ workshop: { ...context.workshop, join: { code: event.code ?? '', problem: null } } })) },
            'workshop.compare': { target: '.compare' },
          },
          states: {
            hub: {},
            setup: {
              entry: 'newSetupSeed',
              on: {
                'setup.newSeed': { actions: 'newSetupSeed' },
                'setup.makeCode': {
                  actions: assign(({ context, event }) => {
                    const setup = event.settings ?? context.workshop.setup;
                    return { workshop: { ...context.workshop, setup, code: encodeSession(setup) } };
                  }),
                },
              },
            },
            join: {
              on: {
                'join.start': [
                  {
                    guard: ({ context, event }) => joinProblem(context, event.code, event.team) === null,
                    target: '#app.screen.starting',
                    actions: assign(({ context, event }) => joinPending(context, event)),
                  },
                  {
                    actions: assign(({ context, event }) => ({
                      workshop: { ...context.workshop, join: { code: event.code, problem: joinProblem(context, event.code, event.team) } },
                    })),
                  },
                ],
              },
            },
            // The desk: kept results replayed once per page, then imports; progress between slices; clearing asks first.
            compare: {
              initial: 'loading',
              entry: assign(({ context }) => facilitatorPatch(context, { type: 'compare.opened' })),
              on: {
                'results.progress': { actions: assign(({ context, event }) => desk(context, { progress: { done: event.done, total: event.total } })) },
                'results.clear': { actions: assign(({ context, event }) => (event.confirm === undefined ? desk(context, { confirmClear: true }) : { ...clearPatch(context, event.confirm), ...facilitatorPatch(context, event) })) },
                'results.csv': { actions: ({ context }) => downloadCsv(context) },
                // The facilitator's clock, expected teams and handout: changed here with the services' time; the shell only draws them.
                'clock.*': { actions: assign(({ context, event }) => facilitatorPatch(context, event)) },
                'teams.expected': { actions: assign(({ context, event }) => facilitatorPatch(context, event)) },
                'handout.open': { actions: assign(({ context, event }) => facilitatorPatch(context, event)) },
              },
              states: {
                loading: {
                  always: { guard: ({ context }) => context.workshop.loaded, target: 'idle' },
                  invoke: { src: 'loadDesk', input: deskInput, onDone: { target: 'idle', actions: assign(deskDone) }, onError: { target: 'idle', actions: assign(deskDone) } },
                },
                idle: { on: { 'results.import': 'importing' } },
                importing: { invoke: { src: 'importResults', input: deskInput, onDone: { target: 'idle', actions: assign(deskDone) }, onError: { target: 'idle', actions: assign(deskDone) } } },
              },
            },
          },
        },
        guide: {
          on: { 'settings.update': { target: 'guide', reenter: true, actions: ['updateSettings', 'persistSettings'] } },
          invoke: {
            src: 'loadGuide',
            input: ({ context }) => ({ context }),
            onDone: { actions: assign(({ event }) => ({ guide: event.output })) },
          },
        },
        // About the sources: who wrote each document, when, what kind it is, where they disagree.
        sources: {
          invoke: {
            src: 'loadContent',
            input: ({ context }) => ({ context, id: null }),
            onDone: { actions: assign(({ context, event }) => (context.bundle ? {} : { bundle: event.output.bundle })) },
          },
        },
        error: {},
      },
    },
    panel: {
      initial: 'closed',
      states: {
        closed: {
          on: {
            'panel.open': [
              { guard: 'needsPanelData', target: 'loading', actions: 'openPanel' },
              { target: 'open', actions: 'openPanel' },
            ],
          },
        },
        loading: {
          invoke: {
            src: 'loadPanel',
            input: ({ context }) => ({ context, panel: context.panel! }),
            onDone: { target: 'open', actions: assign(({ context, event }) => ({ panel: context.panel && { ...context.panel, ...event.output } })) },
            onError: { target: 'open' },
          },
          on: { 'panel.close': { target: 'closed', actions: 'closePanel' } },
        },
        open: {
          on: {
            'panel.open': [
              { guard: 'needsPanelData', target: 'loading', actions: 'openPanel' },
              { target: 'open', reenter: true, actions: 'openPanel' },
            ],
            'panel.close': { target: 'closed', actions: 'closePanel' },
          },
        },
      },
    },
    update: UPDATE_REGION,
  },
});

export type AppMachine = typeof appMachine;
export type AppSnapshot = SnapshotFrom<AppMachine>;
export type AppActor = ActorRefFrom<AppMachine>;


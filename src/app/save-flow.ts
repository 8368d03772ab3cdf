// The save's part of the app's transitions, as plain functions: what the
// slot holds, whether starting a game must ask first, a new game's id, and
// what the player is told when a save is set aside or cannot be written.
import type { SetAside } from './app-actors.ts';
import type { AppContext, AppServices, Notice } from './app-types.ts';
import { addNotices } from './notices.ts';
import { peekSave } from './saves.ts';

/** The saved game in the slot, as this page last saw it. */
export function slotOf(context: AppContext) {
  return peekSave(context.services.saves.latest(), context.catalog.map((s) => s.id));
}

/** Whether the save in the slot holds progress the player would lose: ask before replacing it. */
export function slotHasProgress(context: AppContext): boolean {
  const slot = slotOf(context);
  if (!slot || slot.moves === 0) return false;
  try {
    // A finished workshop game still holds what its team hands in: replacing it asks too.
    const save = JSON.parse(context.services.saves.latest()!) as { snapshot?: { status?: unknown }; meta?: { sessionCode?: unknown } };
    return save.snapshot?.status !== 'done' || !!save.meta?.sessionCode;
  } catch {
    return true;
  }
}

/** A new game's id: only ever compared with another save's. */
export function newGameId(services: AppServices): string {
  return `${services.now().toString(36)}-${services.randomSeed(0xffff_ffff).toString(36)}`;
}

/** After a save was set aside (or not): the notice, the copies, and the problem to show until it is resolved. */
export function afterSetAside(context: AppContext, result: SetAside, told: Notice | null, reason: string): Partial<AppContext> {
  if (result.problem === null) return { kept: result.kept, resumable: null, notices: told ? addNotices(context.notices, told) : context.notices };
  return {
    kept: result.kept,
    saveProblem: { kind: 'keep', reason: result.problem },
    notices: addNotices(context.notices, { key: 'notice.saveNotKept', values: { reason, problem: result.problem } }),
  };
}

/** The answer to a write: a write that held clears the problem; a failed one sets it (and is said at once, by the caller, when it is new). */
export function afterWrite(context: AppContext, problem: string | null): Partial<AppContext> {
  if (problem === null) return context.saveProblem?.kind === 'write' ? { saveProblem: null } : {};
  return { saveProblem: { kind: 'write', reason: problem } };
}

/** The current save (this page's own when storage refused it), or a kept copy, as a file the player can keep. */
export function downloadSave(services: AppServices, keptKey: string | null): void {
  void (keptKey === null ? services.saves.read() : services.saves.keptText(keptKey)).then((text) => {
    if (!text) return;
    let name = 'game';
    try {
      name = String((JSON.parse(text) as { scenarioId?: unknown }).scenarioId ?? 'game').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
    } catch {
      /* not JSON: a damaged save, still the player's */
    }
    services.download(`safe-city-save-${name}.json`, text, 'application/json');
  });
}

// The app's asynchronous work, as XState promise actors: loading content,
// a saved game, a panel's material, and importing workshop results.
import { fromPromise } from 'xstate';
import type { ContentReport } from '../engine/index.ts';
import type { AppContext, GuideText, PanelState } from './app-types.ts';
import type { KeptSave } from './save-store.ts';
import { peekSave, type RestoredGame } from './saves.ts';
import { seenEndings } from './seen-endings.ts';
import type { DeskState, ResultFileInput } from './desk.ts';
import { loadDeskModule } from './desk-loader.ts';

type Progress = (done: number, total: number) => void;

export type Loaded = { report: ContentReport; restored?: RestoredGame | null; discarded?: string; kept: readonly KeptSave[] };
export type SetAside = { problem: string | null; kept: readonly KeptSave[] };

export const APP_ACTORS = {
  loadContent: fromPromise<ContentReport, { context: AppContext; id: string | null }>(({ input }) => input.context.services.content.load(input.id)),
  /** Read the saved game and check it (never throws on what it reads: a bad save comes back as `discarded`). */
  loadSave: fromPromise<Loaded, { context: AppContext }>(async ({ input }) => {
    const { services, catalog } = input.context;
    const text = await services.saves.read();
    const kept = await services.saves.kept();
    const peeked = peekSave(text, catalog.map((s) => s.id));
    const report = await services.content.load(peeked?.scenario || null);
    if (!peeked || !report.bundle) return { report, kept };
    const { readSave } = await import('./restore.ts');
    const restored = readSave(text, report.bundle);
    if (restored.kind === 'discarded') return { report, kept, discarded: restored.reason };
    return { report, kept, restored: restored.kind === 'restored' ? restored.game : null };
  }),
  /** Move the current save to the kept copies; it stays where it is if the copy cannot be made. */
  setAsideSave: fromPromise<SetAside, { context: AppContext; reason: string }>(async ({ input: { context, reason } }) => {
    const problem = await context.services.saves.setAside(reason, new Date(context.services.now()));
    return { problem, kept: await context.services.saves.kept() };
  }),
  loadPanel: fromPromise<Partial<PanelState>, { context: AppContext; panel: PanelState }>(async ({ input: { context, panel } }) => {
    if (panel.name === 'endings') {
      const report = await context.services.content.loadAll();
      return { scenarios: report.bundle?.scenarios ?? [], seenEndings: seenEndings(context.services.store) };
    }
    const report = await context.services.content.load(null);
    return report.bundle ? { bundle: report.bundle } : {};
  }),
  loadGuide: fromPromise<GuideText, { context: AppContext }>(({ input: { context } }) => context.services.guide(context.settings.lang)),
  // The facilitator's desk is its own chunk: teams never load it.
  importResults: fromPromise<DeskState, { context: AppContext; codes: string; files: readonly ResultFileInput[]; progress: Progress }>(async ({ input: { context, codes, files, progress } }) =>
    (await loadDeskModule()).importToDesk(context.services.content, context.catalog, { codes, files }, context.workshop, progress),
  ),
  /** The results kept in this browser, replayed (a reload of the compare screen loses nothing). */
  loadDesk: fromPromise<DeskState, { context: AppContext; progress: Progress }>(async ({ input: { context, progress } }) =>
    (await loadDeskModule()).loadDesk(context.services.content, context.catalog, progress),
  ),
};

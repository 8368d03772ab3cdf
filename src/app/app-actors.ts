// The app's asynchronous work, as XState promise actors: loading content,
// a saved game, a panel's material, and importing workshop results.
import { fromPromise } from 'xstate';
import type { ContentReport } from '../engine/index.ts';
import type { AppContext, GuideText, PanelState } from './app-types.ts';
import { peekSave, readSave, type RestoredGame } from './saves.ts';
import { seenEndings } from './seen-endings.ts';
import { importResults, type Imported } from './workshop-desk.ts';

export type Loaded = { report: ContentReport; restored?: RestoredGame | null; discarded?: string };

export const APP_ACTORS = {
  loadContent: fromPromise<ContentReport, { context: AppContext; id: string | null }>(({ input }) => input.context.services.content.load(input.id)),
  loadSave: fromPromise<Loaded, { context: AppContext }>(async ({ input }) => {
    const { services, catalog } = input.context;
    const peeked = peekSave(services.store, catalog.map((s) => s.id));
    const report = await services.content.load(peeked?.scenario || null);
    if (!peeked || !report.bundle) return { report };
    const restored = readSave(services.store, report.bundle);
    if (restored.kind === 'discarded') return { report, discarded: restored.reason };
    return { report, restored: restored.kind === 'restored' ? restored.game : null };
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
  importResults: fromPromise<Imported, { context: AppContext; codes: string; files: readonly { name: string; text: string }[] }>(({ input: { context, codes, files } }) =>
    importResults(context.services.content, context.catalog, codes, files, context.workshop),
  ),
};

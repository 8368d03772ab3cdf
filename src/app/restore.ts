// Restoring a saved game: the save file checked, its snapshot checked
// (save-check.ts) and restored, or rebuilt from its moves, or refused with the
// reason. Loaded only when there is a save to read (its own chunk), so the
// title does not wait for it.
import { compileScenario, deckLeadFor, type ContentBundle } from '../engine/index.ts';
import { t } from '../text/i18n.ts';
import { replay } from './game.ts';
import { snapshotProblem } from './save-check.ts';
import { fingerprint, MAX_SAVE_BYTES, SAVE_VERSION, SaveFile, type Restored } from './saves.ts';

/**
 * Read a saved game. Never throws: a save that cannot be used is reported
 * with the reason and left for the caller to set aside.
 */
export function readSave(text: string | null, bundle: ContentBundle): Restored {
  if (text === null) return { kind: 'none' };
  try {
    return readSaveText(text, bundle);
  } catch (error) {
    return { kind: 'discarded', reason: t('problem.saveUnreadable', { detail: error instanceof Error ? error.message : String(error) }) };
  }
}

function readSaveText(text: string, bundle: ContentBundle): Restored {
  if (text.length > MAX_SAVE_BYTES) return { kind: 'discarded', reason: t('problem.saveTooLarge', { bytes: MAX_SAVE_BYTES }) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'discarded', reason: t('problem.saveNotJson') };
  }
  const parsed = SaveFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { kind: 'discarded', reason: t('problem.invalidField', { path: issue.path.join('.') || 'save', detail: issue.message }) };
  }
  const save = parsed.data;
  if (save.version > SAVE_VERSION) return { kind: 'discarded', reason: t('problem.saveNewer', { version: save.version }) };
  if (save.version < 1) return { kind: 'discarded', reason: t('problem.saveUnsupported', { version: save.version }) };
  const scenario = bundle.scenarios.find((s) => s.id === save.scenarioId);
  if (!scenario) return { kind: 'discarded', reason: t('problem.saveScenarioGone', { id: save.scenarioId }) };
  const c = compileScenario(scenario, bundle.shared, save.meta?.length ?? 'full', deckLeadFor(save.meta));
  const base = { compiled: c, seed: save.seed, moves: save.events, meta: save.meta, gameId: save.game ?? '' };

  const sameContent = save.fingerprint === fingerprint(c);
  const problem = sameContent ? snapshotProblem(c, save.seed, save.snapshot) : null;
  if (sameContent && !problem) return { kind: 'restored', game: { ...base, persisted: save.snapshot, shown: save.shown, migrated: false } };
  // Made on other content, or damaged: the recorded moves rebuild it when they still fit.
  let persisted: unknown;
  try {
    persisted = replay(c, save.seed, save.events);
  } catch {
    persisted = null;
  }
  if (persisted === null) {
    return { kind: 'discarded', reason: problem ? t('problem.saveStateInvalid', { path: problem.path, detail: problem.detail }) : t('problem.saveMovesStale') };
  }
  const ledger = (persisted as { context: { ledger: unknown[] } }).context.ledger;
  return { kind: 'restored', game: { ...base, persisted, shown: Math.min(save.shown, ledger.length), migrated: true, why: sameContent ? 'damaged' : 'content' } };
}

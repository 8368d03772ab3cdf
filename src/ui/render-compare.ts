// The compare screen (and everything only the facilitator uses) arrives in
// its own chunk the first time the screen is opened; until then the screen
// says it is loading. The chunk registers itself here and the shell draws again.
import { t } from '../text/i18n.ts';
import { h } from './dom.ts';
import type { Screen, UiContext } from './ui-context.ts';

let draw: ((ui: UiContext) => Screen) | null = null;

/** The chunk's screen (null: as before it arrives, for tests). */
export function useCompare(screen: ((ui: UiContext) => Screen) | null): void {
  draw = screen;
}

export function hasCompare(): boolean {
  return draw !== null;
}

export function compareView(ui: UiContext): Screen {
  if (draw) return draw(ui);
  return { name: 'compare', body: [h('h1', { tabindex: '-1' }, t('workshop.compareTitle')), h('p', { class: 'meta' }, t('boot.title'))], stage: { scene: 'title' }, stageDescription: t('stage.title') };
}

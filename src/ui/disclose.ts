// Deep on demand: a folded section whose open state the player decides and
// the game remembers (per section, across redraws and visits), so what a
// player chose to read stays open for them and nothing else does.
import { h, type Child } from './dom.ts';
import type { UiContext } from './ui-context.ts';

export function disclose(ui: UiContext, key: string, summary: string, content: Child, className = ''): HTMLDetailsElement {
  const open = ui.settings.opened.includes(key);
  const el = h('details', { class: className, open, 'data-key': key }, h('summary', { 'data-key': key }, summary), content);
  el.addEventListener('toggle', () => {
    if (el.open !== open) ui.send({ type: 'disclosure.toggle', key, open: el.open });
  });
  return el;
}

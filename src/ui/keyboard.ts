// Arrow keys move between the buttons of a group (options, responses, menus),
// in addition to Tab. Enter and Space work on buttons natively.
export function installArrowKeys(root: HTMLElement): void {
  root.addEventListener('keydown', (event) => {
    if (!['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLButtonElement)) return;
    const group = target.closest('[data-arrow-group]');
    if (!group) return;
    const buttons = [...group.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.disabled && b.offsetParent !== null);
    const i = buttons.indexOf(target);
    if (i < 0) return;
    const forward = event.key === 'ArrowDown' || event.key === 'ArrowRight';
    const next =
      event.key === 'Home' ? buttons[0] : event.key === 'End' ? buttons[buttons.length - 1] : buttons[(i + (forward ? 1 : -1) + buttons.length) % buttons.length];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });
}

// Placeholder until the synthesised sound lands: no sound, game fully playable.
import type { Controller } from './controller.ts';

export function attachSound(controller: Controller): void {
  void controller;
}

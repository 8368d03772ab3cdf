// The Phaser side of the page: one game, three scenes, fed StageViews by the
// DOM layer. Loaded lazily so Phaser lives in its own chunk.
import { AUTO, Game, Scale } from 'phaser';
import { BootScene } from './scenes/boot-scene.ts';
import { CityScene } from './scenes/city-scene.ts';
import { MapScene } from './scenes/map-scene.ts';
import { TitleScene } from './scenes/title-scene.ts';
import type { StagePort, StageView } from '../app/stage-view.ts';

export function createStage(parent: HTMLElement, onProgress: (fraction: number) => void): Promise<StagePort> {
  return new Promise((resolve, reject) => {
    let current: string | null = null;
    const pickListeners = new Set<(id: string) => void>();
    const game = new Game({
      type: AUTO,
      parent,
      backgroundColor: '#f4efe4',
      scale: { mode: Scale.RESIZE, width: parent.clientWidth || 800, height: parent.clientHeight || 600 },
      scene: [BootScene, TitleScene, MapScene, CityScene],
      banner: false,
      fps: { limit: 30 }, // the stage is calm; old laptops and software GL thank us
      audio: { noAudio: true }, // Howler plays the sound
      input: { keyboard: false }, // the DOM layer owns the keyboard
      callbacks: {
        postBoot: (g) => {
          g.canvas.setAttribute('aria-hidden', 'true');
          g.canvas.tabIndex = -1;
        },
      },
    });
    game.registry.set('onProgress', onProgress);
    game.registry.set('onPick', (id: string) => pickListeners.forEach((l) => l(id)));
    game.registry.set('onReady', () =>
      resolve({
        show(view: StageView) {
          if (current === view.scene) {
            game.scene.getScene(view.scene)?.events.emit('view', view);
            return;
          }
          if (current) game.scene.stop(current);
          current = view.scene;
          game.scene.start(view.scene, view);
        },
        onPick: (listener) => void pickListeners.add(listener),
        destroy: () => game.destroy(true),
      }),
    );
    setTimeout(() => reject(new Error('the graphics engine did not start within 20 s')), 20_000);
  });
}

import { Scene, type GameObjects } from 'phaser';
import { PALETTE, layoutRandom } from '../palette.ts';
import type { Shown, TitleView } from '../../app/stage-view.ts';

/** A city at night under sweeping camera cones. */
export class TitleScene extends Scene {
  private view!: Shown<TitleView>;
  private cones: GameObjects.Graphics[] = [];

  constructor() {
    super('title');
  }

  init(view: Shown<TitleView>) {
    this.view = view;
  }

  create() {
    this.draw();
    this.scale.on('resize', this.draw, this);
    this.events.once('shutdown', () => this.scale.off('resize', this.draw, this));
  }

  private draw() {
    this.children.removeAll(true);
    this.tweens.killAll();
    this.cones = [];
    const { width, height } = this.scale;
    const rand = layoutRandom('title');
    const sky = this.add.graphics();
    sky.fillGradientStyle(PALETTE.night, PALETTE.night, PALETTE.nightLight, PALETTE.nightLight, 1);
    sky.fillRect(0, 0, width, height);
    const ground = height * 0.78;
    const city = this.add.graphics();
    let x = 0;
    while (x < width) {
      const w = 30 + rand() * 70;
      const h = height * (0.12 + rand() * 0.38);
      city.fillStyle(PALETTE.ink, 1);
      city.fillRect(x, ground - h, w - 4, h);
      city.fillStyle(PALETTE.yellow, 0.55);
      for (let wy = ground - h + 10; wy < ground - 10; wy += 16) {
        for (let wx = x + 6; wx < x + w - 12; wx += 12) if (rand() < 0.28) city.fillRect(wx, wy, 5, 7);
      }
      x += w;
    }
    city.fillStyle(PALETTE.ink, 1);
    city.fillRect(0, ground, width, height - ground);
    const poles = Math.max(3, Math.round(width / 320));
    for (let i = 0; i < poles; i++) {
      const px = ((i + 0.5) * width) / poles;
      const top = ground - height * 0.22;
      city.lineStyle(4, PALETTE.grey, 1);
      city.lineBetween(px, ground, px, top);
      city.fillStyle(PALETTE.grey, 1);
      city.fillRect(px - 10, top - 8, 22, 12);
      const cone = this.add.graphics({ x: px, y: top });
      cone.fillStyle(PALETTE.sky, 0.16);
      cone.fillTriangle(0, 0, -90, height * 0.3, 90, height * 0.3);
      cone.fillStyle(PALETTE.vermillion, 1);
      cone.fillCircle(8, 0, 3);
      cone.setRotation(-0.35 + rand() * 0.7);
      this.cones.push(cone);
      if (!this.view.reducedMotion) {
        this.tweens.add({
          targets: cone,
          rotation: { from: -0.45, to: 0.45 },
          duration: 5200 + rand() * 2400,
          yoyo: true,
          repeat: -1,
          ease: 'Sine.easeInOut',
          delay: rand() * 1500,
        });
      }
    }
  }
}

import { Scene, type GameObjects } from 'phaser';
import { PALETTE, layoutRandom } from '../palette.ts';
import type { CityView, Shown } from '../../app/stage-view.ts';

const SKY: Record<'good' | 'mixed' | 'bad' | 'none', readonly [number, number]> = { good: [0xf6d8a8, 0xfbeed3], mixed: [0x9fb3c8, 0xdfe6ee], bad: [0x3b3f4a, 0x6b5a5a], none: [0xbfd6e8, 0xeef3f7] };

/**
 * The city as the measures leave it: camera poles for the system's reach, a
 * crowd for backlash, data streams leaving the frame for exposure, a debt
 * column that fills towards the unsustainable line. Redrawn on every view.
 */
export class CityScene extends Scene {
  private view!: Shown<CityView>;
  private layers: GameObjects.GameObject[] = [];

  constructor() {
    super('city');
  }

  init(view: Shown<CityView>) {
    this.view = view;
  }

  create() {
    this.draw();
    this.scale.on('resize', this.draw, this);
    this.events.on('view', (view: Shown<CityView>) => {
      const pulse = view.pulse ?? [];
      this.view = view;
      this.draw();
      if (pulse.length > 0 && !view.reducedMotion) this.cameras.main.shake(180, 0.002);
    });
    this.events.once('shutdown', () => {
      this.scale.off('resize', this.draw, this);
      this.events.off('view');
    });
  }

  private draw() {
    for (const o of this.layers) o.destroy();
    this.layers = [];
    this.tweens.killAll();
    const { width, height } = this.scale;
    const v = this.view;
    const m = v.metrics;
    const rand = layoutRandom(v.cityKey ?? 'city');
    const motion = !v.reducedMotion;
    const [top, bottom] = SKY[v.tone ?? 'none'];

    const g = this.add.graphics();
    this.layers.push(g);
    g.fillGradientStyle(top, top, bottom, bottom, 1);
    g.fillRect(0, 0, width, height);
    const ground = height * 0.72;

    // Skyline: the same city for the same scenario.
    let x = width * 0.16;
    const buildings: { x: number; w: number; h: number }[] = [];
    while (x < width) {
      const w = 34 + rand() * 60;
      const h = height * (0.14 + rand() * 0.34);
      buildings.push({ x, w, h });
      x += w + 2;
    }
    for (const b of buildings) {
      g.fillStyle(PALETTE.dusk, 1);
      g.fillRect(b.x, ground - b.h, b.w, b.h);
      g.fillStyle(PALETTE.paper, 0.35);
      for (let wy = ground - b.h + 8; wy < ground - 8; wy += 14)
        for (let wx = b.x + 5; wx < b.x + b.w - 8; wx += 11) if (rand() < 0.35) g.fillRect(wx, wy, 5, 6);
    }
    g.fillStyle(PALETTE.ink, 1);
    g.fillRect(0, ground, width, height - ground);

    // The command centre, where the data sits.
    const centre = { x: width * 0.58, y: ground - height * 0.12 };
    g.fillStyle(PALETTE.ink, 1);
    g.fillRect(centre.x - 38, centre.y, 76, height * 0.12);
    g.fillStyle(PALETTE.sky, 1);
    g.fillRect(centre.x - 30, centre.y + 8, 60, 8);

    // Camera poles: the reach of the system.
    const cameras = Math.max(0, Math.min(12, Math.round(v.cameras ?? 0)));
    for (let i = 0; i < cameras; i++) {
      const px = width * 0.2 + ((i + 0.5) * width * 0.78) / Math.max(1, cameras);
      const pt = ground - height * (0.1 + (i % 3) * 0.025);
      g.lineStyle(3, PALETTE.ink, 1);
      g.lineBetween(px, ground, px, pt);
      g.fillStyle(PALETTE.ink, 1);
      g.fillRect(px - 8, pt - 6, 16, 9);
      const cone = this.add.graphics({ x: px, y: pt });
      cone.fillStyle(PALETTE.sky, 0.22);
      cone.fillTriangle(0, 0, -34, height * 0.12, 34, height * 0.12);
      cone.setRotation(-0.3 + rand() * 0.6);
      this.layers.push(cone);
      if (motion) this.tweens.add({ targets: cone, rotation: { from: -0.35, to: 0.35 }, duration: 4200 + rand() * 2000, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' });
    }

    if (!m) return;

    // Data streams: exposure, leaving the frame towards the top right.
    const streams = Math.round(m.dataExposure / 12);
    for (let i = 0; i < streams; i++) {
      const line = this.add.graphics();
      this.layers.push(line);
      const tx = width - 4;
      const ty = height * (0.06 + i * 0.045);
      line.lineStyle(2, PALETTE.vermillion, 0.85);
      const steps = 14;
      for (let s = 0; s < steps; s += 2) {
        const a = s / steps;
        const b = (s + 1) / steps;
        line.lineBetween(centre.x + (tx - centre.x) * a, centre.y + (ty - centre.y) * a, centre.x + (tx - centre.x) * b, centre.y + (ty - centre.y) * b);
      }
      if (motion) this.tweens.add({ targets: line, alpha: { from: 0.35, to: 1 }, duration: 900 + i * 120, yoyo: true, repeat: -1 });
    }

    // The crowd: backlash, people with placards along the street.
    const people = Math.round(m.backlash / 4);
    for (let i = 0; i < people; i++) {
      const px = width * 0.2 + rand() * width * 0.76;
      const py = ground + 18 + rand() * (height - ground - 40);
      const person = this.add.graphics({ x: px, y: py });
      person.fillStyle(PALETTE.orange, 1);
      person.fillCircle(0, -14, 5);
      person.fillRect(-4, -9, 8, 14);
      if (i % 3 === 0) {
        person.lineStyle(2, PALETTE.paper, 1);
        person.lineBetween(5, -4, 5, -26);
        person.fillStyle(PALETTE.paper, 1);
        person.fillRect(-3, -36, 16, 10);
      }
      this.layers.push(person);
      if (motion) this.tweens.add({ targets: person, y: py - 3, duration: 500 + rand() * 400, yoyo: true, repeat: -1, delay: rand() * 400 });
    }

    // The debt column at the left, filling towards the unsustainable line.
    const scale = v.debtScale ?? 100;
    const colX = width * 0.04;
    const colW = width * 0.07;
    const colTop = height * 0.12;
    const colH = ground - colTop;
    g.fillStyle(PALETTE.paper, 0.9);
    g.fillRect(colX, colTop, colW, colH);
    g.lineStyle(2, PALETTE.ink, 1);
    g.strokeRect(colX, colTop, colW, colH);
    const fill = Math.min(1, m.debt / Math.max(1, scale));
    const debtBar = this.add.rectangle(colX + colW / 2, ground, colW - 6, Math.max(0, fill * colH - 3), PALETTE.purple).setOrigin(0.5, 1);
    this.layers.push(debtBar);
    g.lineStyle(3, PALETTE.vermillion, 1);
    g.lineBetween(colX - 6, colTop, colX + colW + 6, colTop);
    if (v.labels) {
      const style = { fontFamily: 'PT Sans, sans-serif', fontSize: '15px', color: '#1d1d1b', backgroundColor: '#f4efe4', padding: { x: 4, y: 2 } };
      this.layers.push(this.add.text(colX, colTop - 26, v.labels.debt, style));
      // The picture's legend: each measure named with its number, where it is drawn.
      this.layers.push(this.add.text(width - 8, height * 0.02, v.labels.data, style).setOrigin(1, 0));
      this.layers.push(this.add.text(width * 0.2, height - 26, v.labels.crowd, { ...style, color: '#f4efe4', backgroundColor: '#1d1d1b' }));
    }
    // A change shows where it happens: the debt column, the data leaving the centre, the crowd.
    const moved = (metric: string) => (v.pulse ?? []).some((p) => p.metric === metric && p.delta !== 0);
    if (motion && moved('debt')) this.tweens.add({ targets: debtBar, scaleY: { from: 0.85, to: 1 }, duration: 700, ease: 'Cubic.easeOut' });
    if (motion && moved('dataExposure')) this.ring(centre.x, centre.y, PALETTE.vermillion);
    if (motion && moved('backlash')) this.ring(width * 0.55, ground + (height - ground) / 2, PALETTE.orange);
  }

  private ring(x: number, y: number, colour: number) {
    const ring = this.add.circle(x, y, 12).setStrokeStyle(4, colour, 1);
    this.layers.push(ring);
    this.tweens.add({ targets: ring, scale: { from: 1, to: 5 }, alpha: { from: 1, to: 0 }, duration: 1100, repeat: 1, ease: 'Cubic.easeOut' });
  }
}

import { Math as PhaserMath, Scene, type GameObjects } from 'phaser';
import { centralAsiaProjection, countryFeatures, projectCountries } from '../map-geometry.ts';
import { PALETTE } from '../palette.ts';
import type { StageView } from '../stage-view.ts';

/** Central Asia from Natural Earth, with a pin for each scenario. */
export class MapScene extends Scene {
  private view!: StageView;
  private pins = new Map<string, GameObjects.Arc>();

  constructor() {
    super('map');
  }

  init(view: StageView) {
    this.view = view;
  }

  create() {
    this.draw();
    this.scale.on('resize', this.draw, this);
    this.events.on('view', (view: StageView) => {
      this.view = view;
      this.highlight();
    });
    this.events.once('shutdown', () => {
      this.scale.off('resize', this.draw, this);
      this.events.off('view');
    });
  }

  private draw() {
    this.children.removeAll(true);
    this.pins.clear();
    const { width, height } = this.scale;
    const g = this.add.graphics();
    g.fillStyle(PALETTE.sky, 0.25);
    g.fillRect(0, 0, width, height);
    const shapes = projectCountries(countryFeatures(this.cache.json.get('countries')), width, height);
    for (const shape of shapes) {
      const home = shape.code !== null;
      g.fillStyle(home ? PALETTE.paper : PALETTE.paperDark, 1);
      g.lineStyle(home ? 2 : 1, home ? PALETTE.ink : PALETTE.grey, 1);
      for (const ring of shape.rings) {
        const points = ring.map((p) => new PhaserMath.Vector2(p.x, p.y));
        g.fillPoints(points, true);
        g.strokePoints(points, true);
      }
    }
    const names = this.view.countryNames ?? {};
    for (const shape of shapes) {
      if (!shape.code || !shape.label || !names[shape.code]) continue;
      // Kyrgyzstan and Tajikistan are small: their names sit a little aside so pins stay clear.
      const nudge = shape.code === 'KG' ? { x: 95, y: 14 } : shape.code === 'TJ' ? { x: 10, y: 30 } : { x: 0, y: 0 };
      this.add
        .text(shape.label.x + nudge.x, shape.label.y + nudge.y, (names[shape.code] ?? '').toUpperCase(), {
          fontFamily: 'PT Sans, sans-serif',
          fontSize: shape.code === 'KZ' ? '20px' : '14px',
          color: '#4a4843',
          fontStyle: 'bold',
        })
        .setOrigin(0.5)
        .setLetterSpacing(2);
    }
    const projection = centralAsiaProjection(width, height);
    for (const pin of this.view.pins ?? []) {
      const at = projection([pin.lon, pin.lat]);
      if (!at) continue;
      const dot = this.add.circle(at[0], at[1], 9, PALETTE.blue).setStrokeStyle(3, PALETTE.paper);
      dot.setInteractive({ useHandCursor: true });
      dot.on('pointerdown', () => (this.registry.get('onPick') as (id: string) => void)(pin.id));
      this.pins.set(pin.id, dot);
    }
    this.highlight();
  }

  private highlight() {
    for (const [id, dot] of this.pins) {
      const on = id === this.view.selected;
      dot.setFillStyle(on ? PALETTE.vermillion : PALETTE.blue);
      dot.setRadius(on ? 14 : 9);
    }
  }
}

import { Math as PhaserMath, Scene, type GameObjects } from 'phaser';
import { centralAsiaProjection, countryFeatures, projectCountries } from '../map-geometry.ts';
import { PALETTE } from '../palette.ts';
import type { MapPin, MapView, Shown } from '../../app/stage-view.ts';

const PIN_RADIUS = 11;
const PIN_RADIUS_SELECTED = 15;
/** How far pins that share a place fan out from it, in pixels. */
const FAN_RADIUS = 34;

const LABEL_STYLE = { fontFamily: 'PT Sans, sans-serif', color: '#1d1d1b', stroke: '#f4efe4', strokeThickness: 4 } as const;

interface PlacedPin {
  pin: MapPin;
  x: number;
  y: number;
  dot: GameObjects.Arc;
  mark: GameObjects.Text;
}

/** Central Asia from Natural Earth: the documented cities, and a numbered pin for each scenario. */
export class MapScene extends Scene {
  private view!: Shown<MapView>;
  private pins: PlacedPin[] = [];
  private caption: GameObjects.Container | null = null;

  constructor() {
    super('map');
  }

  init(view: Shown<MapView>) {
    this.view = view;
  }

  create() {
    this.draw();
    this.scale.on('resize', this.draw, this);
    this.events.on('view', (view: Shown<MapView>) => {
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
    this.pins = [];
    this.caption = null;
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
    const project = (lon: number, lat: number) => {
      const at = projection([lon, lat]);
      return at ? { x: at[0], y: at[1] } : null;
    };

    // Pins that share a place fan out around it on a circle, joined to it by a thin line.
    const byPlace = new Map<string, MapPin[]>();
    for (const pin of this.view.pins ?? []) {
      const key = `${pin.lon.toFixed(2)},${pin.lat.toFixed(2)}`;
      byPlace.set(key, [...(byPlace.get(key) ?? []), pin]);
    }
    const leaders = this.add.graphics();
    leaders.lineStyle(2, PALETTE.ink, 0.8);
    const placed: { pin: MapPin; x: number; y: number }[] = [];
    for (const group of byPlace.values()) {
      const home = project(group[0]!.lon, group[0]!.lat);
      if (!home) continue;
      group.forEach((pin, i) => {
        if (group.length === 1) return placed.push({ pin, ...home });
        // Spread over the upper half, left to right, leaving room below the place for the city's name.
        const angle = ((-150 + (120 * i) / (group.length - 1)) * Math.PI) / 180;
        const at = { x: home.x + FAN_RADIUS * Math.cos(angle), y: home.y + FAN_RADIUS * Math.sin(angle) };
        leaders.lineBetween(home.x, home.y, at.x, at.y);
        placed.push({ pin, ...at });
      });
    }

    for (const city of this.view.cities ?? []) {
      const at = project(city.lon, city.lat);
      if (!at) continue;
      g.fillStyle(PALETTE.ink, 1);
      g.fillRect(at.x - 4, at.y - 4, 8, 8);
      const alone = (byPlace.get(`${city.lon.toFixed(2)},${city.lat.toFixed(2)}`)?.length ?? 0) <= 1;
      this.add
        .text(at.x + (alone ? PIN_RADIUS + 8 : 10), at.y + (alone ? 0 : 10), city.name, { ...LABEL_STYLE, fontSize: '15px', fontStyle: 'bold' })
        .setOrigin(0, 0.5);
    }

    for (const { pin, x, y } of placed) {
      const dot = this.add.circle(x, y, PIN_RADIUS, PALETTE.blue).setStrokeStyle(3, PALETTE.paper);
      dot.setInteractive({ useHandCursor: true });
      dot.on('pointerdown', () => (this.registry.get('onPick') as (id: string) => void)(pin.id));
      const mark = this.add.text(x, y, pin.mark, { fontFamily: 'PT Sans, sans-serif', fontSize: '14px', fontStyle: 'bold', color: '#ffffff' }).setOrigin(0.5);
      this.pins.push({ pin, x, y, dot, mark });
    }
    this.highlight();
  }

  private highlight() {
    this.caption?.destroy();
    this.caption = null;
    for (const p of this.pins) {
      const on = p.pin.id === this.view.selected;
      p.dot.setFillStyle(on ? PALETTE.vermillion : PALETTE.blue);
      p.dot.setRadius(on ? PIN_RADIUS_SELECTED : PIN_RADIUS);
      p.mark.setFontSize(on ? 17 : 14);
      p.dot.setDepth(on ? 2 : 1);
      p.mark.setDepth(on ? 3 : 1);
      if (on && this.view.selectedCaption) this.caption = this.captionAt(p.x, p.y, this.view.selectedCaption);
    }
  }

  /** A paper label with the selected scenario's title, kept inside the canvas. */
  private captionAt(x: number, y: number, caption: string): GameObjects.Container {
    const { width } = this.scale;
    const label = this.add.text(0, 0, caption, { fontFamily: 'PT Sans, sans-serif', fontSize: '15px', fontStyle: 'bold', color: '#1d1d1b' }).setOrigin(0.5, 1);
    const padX = 8;
    const padY = 5;
    const w = label.width + 2 * padX;
    const h = label.height + 2 * padY;
    const cx = Math.min(width - w / 2 - 4, Math.max(w / 2 + 4, x));
    const top = y - PIN_RADIUS_SELECTED - 8 - h < 4;
    const cy = top ? y + PIN_RADIUS_SELECTED + 8 + h : y - PIN_RADIUS_SELECTED - 8;
    const box = this.add.graphics();
    box.fillStyle(PALETTE.paper, 1);
    box.lineStyle(2, PALETTE.vermillion, 1);
    box.fillRect(-w / 2, -h, w, h);
    box.strokeRect(-w / 2, -h, w, h);
    label.setPosition(0, -padY);
    return this.add.container(cx, cy, [box, label]).setDepth(4);
  }
}

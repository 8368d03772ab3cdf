import { Scene } from 'phaser';
import countriesUrl from '../../../assets/map/central-asia.topo.json?url';

/** Loads what the other scenes draw from, reporting real progress to the page. */
export class BootScene extends Scene {
  constructor() {
    super('boot');
  }

  preload() {
    const report = this.registry.get('onProgress') as (fraction: number) => void;
    this.load.on('progress', (value: number) => report(value));
    this.load.json('countries', countriesUrl);
  }

  create() {
    (this.registry.get('onReady') as () => void)();
  }
}

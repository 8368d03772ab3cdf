// The benchmark's baseline: the smallest honest Phaser 4 page — one WebGL
// game, one scene that draws — served by the same server as the game.
import { AUTO, Game, Scene } from 'phaser';

class Title extends Scene {
  create() {
    this.add.rectangle(200, 150, 300, 120, 0x0072b2);
    performance.mark('title-interactive');
  }
}

new Game({ type: AUTO, width: 800, height: 600, scene: [Title], banner: false, audio: { noAudio: true } });

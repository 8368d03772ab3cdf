// The folders depend one way only: engine ← text ← app ← ui, stage, sound ←
// shell. ESLint enforces it (eslint.config.js); this checks that the rules
// catch what they are for, so a loosened config cannot pass unnoticed.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('the layers, as ESLint enforces them', () => {
  it.each([
    ['src/engine/x.ts', "import { h } from '../ui/dom.ts';"],
    ['src/engine/x.ts', "import { Scene } from 'phaser';"],
    ['src/engine/x.ts', 'export const w = window.innerWidth;'],
    ['src/engine/deep/x.ts', "import { t } from '../../text/i18n.ts';"],
    ['src/text/x.ts', "import { appMachine } from '../app/app-machine.ts';"],
    ['src/app/x.ts', "import { h } from '../ui/dom.ts';"],
    ['src/app/x.ts', "import { createStage } from '../stage/phaser-stage.ts';"],
    ['src/ui/screens/x.ts', "import { mountPage } from '../../shell/page.ts';"],
    ['src/ui/x.ts', "import { createSound } from '../sound/sound.ts';"],
    ['src/stage/scenes/x.ts', "import { h } from '../../ui/dom.ts';"],
    ['src/sound/x.ts', "import { renderApp } from '../ui/render.ts';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await problems(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });

  it.each([
    ['src/text/x.ts', "import { MODEL_RULES } from '../engine/index.ts';"],
    ['src/app/x.ts', "import { t } from '../text/i18n.ts';"],
    ['src/ui/screens/x.ts', "import { phaseOfGame } from '../../app/game.ts';"],
    ['src/stage/scenes/x.ts', "import type { CityView } from '../../app/stage-view.ts';"],
    ['src/shell/x.ts', "import { renderApp } from '../ui/render.ts';"],
    ['src/engine/x.ts', "import { setup } from 'xstate';"],
  ])('%s may: %s', async (file, code) => {
    expect(await problems(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});

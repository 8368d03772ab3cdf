// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The engine (src/engine) must stay pure: no Phaser, no Howler, no DOM, no
// imports from the game around it, so that it runs unchanged in Node for tests,
// CLI tools and benchmarks.
const ENGINE_FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'fetch',
  'HTMLElement',
].map((name) => ({
  name,
  message: `src/engine must not use the browser global "${name}": the engine runs in Node too. Pass what it needs in from the game layer.`,
}));

const ENGINE_LIBRARY_PATTERNS = [
  {
    group: ['phaser', 'phaser/*', 'howler', 'howler/*'],
    message: 'src/engine must not import Phaser or Howler: rendering and sound belong to the game layer in src/.',
  },
  {
    regex: '^(/|@/|~/)?src/',
    message: 'src/engine must not import from the game layer in src/.',
  },
];

/**
 * Relative imports that climb out of src/engine into the rest of src/.
 * `depth` is how many folders below src/engine the importing file sits.
 * Climbing further, out of src/ altogether (e.g. to tests/ or scenarios/), is allowed.
 * @param {number} depth
 */
function leaveEnginePattern(depth) {
  const up = '\\.\\./'.repeat(depth);
  return {
    // depth ups stay inside the engine; one more reaches src/ — allowed only
    // when it goes straight back into engine/ or further up out of src/.
    regex: `^${up}\\.\\.(/(?!engine(/|$)|\\.\\.(/|$)).*)?$`,
    message: 'src/engine must not import from the game layer in src/ outside the engine.',
  };
}

const engineBlocks = [0, 1, 2, 3].map((depth) => ({
  name: `safe-city/engine-purity/depth-${depth}`,
  files: [`src/engine/${'*/'.repeat(depth)}*.{ts,js,mts}`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [...ENGINE_LIBRARY_PATTERNS, leaveEnginePattern(depth)] },
    ],
    'no-restricted-globals': ['error', ...ENGINE_FORBIDDEN_GLOBALS],
    'no-restricted-syntax': [
      'error',
      {
        selector: 'ImportExpression[source.value=/^(phaser|howler)(\\/|$)/]',
        message: 'src/engine must not load Phaser or Howler, not even lazily.',
      },
    ],
  },
}));

/**
 * The page's layers, lowest first: each may import only from the layers
 * listed for it (and from itself). engine ← text ← app ← ui, stage, sound ←
 * shell. `src/*.ts` at the top (zod-config) belongs to the shell.
 */
const LAYERS = {
  engine: [],
  text: ['engine'],
  app: ['engine', 'text'],
  ui: ['engine', 'text', 'app'],
  stage: ['engine', 'text', 'app'],
  sound: ['engine', 'text', 'app'],
  shell: ['engine', 'text', 'app', 'ui', 'stage', 'sound'],
};

/**
 * Relative imports from a file `depth` folders below src/<layer> into another
 * folder of src/: that is `../` once more than the depth, then the folder.
 * @param {number} depth
 * @param {string[]} folders
 */
function intoFolders(depth, folders) {
  return `^(\\./)?(\\.\\./){${depth + 1}}(${folders.join('|')})(/|\\.ts$|$)`;
}

const layerBlocks = Object.entries(LAYERS)
  .filter(([layer]) => layer !== 'engine') // the engine has its own, stricter rules below
  .flatMap(([layer, allowed]) => {
    const forbidden = [...Object.keys(LAYERS).filter((l) => l !== layer && !allowed.includes(l)), ...(layer === 'shell' ? [] : ['[a-z-]+\\.ts'])];
    return [0, 1, 2].map((depth) => ({
      name: `safe-city/layers/${layer}/depth-${depth}`,
      files: [`src/${layer}/${'*/'.repeat(depth)}*.ts`],
      ignores: [`src/${layer}/${'*/'.repeat(depth)}*.test.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: intoFolders(depth, forbidden),
                message: `src/${layer} may import only from ${allowed.length ? allowed.map((l) => `src/${l}`).join(', ') : 'itself'}: the layers run engine ← text ← app ← ui, stage, sound ← shell (see docs/ARCHITECTURE.md).`,
              },
            ],
          },
        ],
      },
    }));
  });

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'coverage/', 'test-results/', 'scenarios/schema/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'safe-city/base',
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    name: 'safe-city/game',
    files: ['src/**/*.{ts,js}'],
    ignores: ['src/engine/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'safe-city/node',
    files: ['tools/**', 'tests/**', '*.config.{ts,js}', '.ci/**/*.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  ...engineBlocks,
  ...layerBlocks,
);

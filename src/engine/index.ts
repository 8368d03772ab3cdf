// The engine's public surface: pure TypeScript, no Phaser, no DOM.
export * from './schema.ts';
export * from './conditions.ts';
export * from './metrics.ts';
export * from './model-rules.ts';
export * from './random.ts';
export * from './compile.ts';
export * from './moves.ts';
export * from './policies.ts';
export * from './run.ts';
export * from './explore.ts';
// The validator (loadContent) is imported on its own: it is large and loads with the first content.
export * from './content-types.ts';
export * from './loans.ts';
export * from './preview.ts';
export * from './history.ts';
export * from './deck.ts';
export * from './variants.ts';
export * from './strategies.ts';

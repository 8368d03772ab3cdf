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
export * from './validate.ts';
export * from './loans.ts';
export * from './preview.ts';
export * from './history.ts';

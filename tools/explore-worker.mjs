// Worker entry in plain JavaScript: it registers tsx, then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./explore-worker.ts');

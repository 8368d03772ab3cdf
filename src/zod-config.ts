// Imported first by main.ts, before any schema is built: zod probes
// `new Function` for faster parsing, the game's CSP forbids eval, and even a
// caught probe is reported as a violation.
import { z } from 'zod';

z.config({ jitless: true });

// Imported first by main.ts, before any schema is built: zod probes
// `new Function` for faster parsing, the game's CSP forbids eval, and even a
// caught probe is reported as a violation. The page's own schemas use
// zod/mini (a third of the size, so the title loads fast), which has no
// messages until a locale is set: English, as full zod would give.
import * as z from 'zod/mini';

z.config({ jitless: true });
z.config(z.locales.en());

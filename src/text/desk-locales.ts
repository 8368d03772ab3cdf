// The facilitator's words (the "desk" and "compare" sections of src/text/locales/desk/*.json),
// registered when the facilitator's chunk loads: teams never download them,
// which keeps the first bundle within its budget. The team's few desk words
// (the join screen's) stay in the main locale files under the same section.
import { addLanguages } from './i18n.ts';

const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/desk/*.json', { eager: true });

addLanguages(Object.fromEntries(Object.entries(files).map(([path, mod]) => [path.slice(path.lastIndexOf('/') + 1, -'.json'.length), mod.default])));

// Player settings, remembered in this browser only.
import * as z from 'zod/mini';
import type { KeyValueStore } from './storage.ts';

export const SETTINGS_KEY = 'safe-city.settings';
export const TEXT_SCALES = [1, 1.25, 1.5, 1.75, 2] as const;
export const MAX_OPENED = 300;

const unit = () => z.number().check(z.minimum(0), z.maximum(1));

export const Settings = z.strictObject({
  version: z.literal(1),
  lang: z.string().check(z.minLength(2), z.maxLength(8)),
  music: unit(),
  effects: unit(),
  muted: z.boolean(),
  captions: z.boolean(),
  reducedMotion: z.enum(['system', 'on', 'off']),
  textScale: z.number().check(z.minimum(1), z.maximum(2)),
  classroom: z.boolean(),
  tips: z._default(z.boolean(), true),
  /** Show the city picture beside the text (off: the text takes the whole width). */
  stage: z._default(z.boolean(), true),
  /** The folded sections this player has opened: they stay open for them. */
  opened: z._default(z.array(z.string().check(z.maxLength(80))).check(z.maxLength(MAX_OPENED)), []),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  lang: 'en',
  music: 0.5,
  effects: 0.7,
  muted: false,
  captions: false,
  reducedMotion: 'system',
  textScale: 1,
  classroom: false,
  tips: true,
  stage: true,
  opened: [],
};

export interface Loaded<T> {
  value: T;
  /** Why the stored value was not used, when it was not. */
  problem: string | null;
}

export function loadSettings(store: KeyValueStore): Loaded<Settings> {
  const text = store.get(SETTINGS_KEY);
  if (text === null) return { value: { ...DEFAULT_SETTINGS }, problem: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { value: { ...DEFAULT_SETTINGS }, problem: 'not valid JSON' };
  }
  const parsed = Settings.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { value: { ...DEFAULT_SETTINGS }, problem: `${issue.path.join('.') || 'settings'}: ${issue.message}` };
  }
  return { value: parsed.data, problem: null };
}

export function saveSettings(store: KeyValueStore, settings: Settings): void {
  store.set(SETTINGS_KEY, JSON.stringify(settings));
}

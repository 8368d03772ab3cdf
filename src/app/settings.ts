// Player settings, remembered in this browser only.
import { z } from 'zod';
import type { KeyValueStore } from './storage.ts';

export const SETTINGS_KEY = 'safe-city.settings';
export const TEXT_SCALES = [1, 1.25, 1.5, 1.75, 2] as const;
export const MAX_OPENED = 300;

export const Settings = z
  .object({
    version: z.literal(1),
    lang: z.string().min(2).max(8),
    music: z.number().min(0).max(1),
    effects: z.number().min(0).max(1),
    muted: z.boolean(),
    captions: z.boolean(),
    reducedMotion: z.enum(['system', 'on', 'off']),
    textScale: z.number().min(1).max(2),
    classroom: z.boolean(),
    tips: z.boolean().default(true),
    /** Show the city picture beside the text (off: the text takes the whole width). */
    stage: z.boolean().default(true),
    /** The folded sections this player has opened: they stay open for them. */
    opened: z.array(z.string().max(80)).max(MAX_OPENED).default([]),
  })
  .strict();
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

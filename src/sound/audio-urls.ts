// URLs of every sound file, resolved by Vite (hashed file names in the build).
// Pass AUDIO_URLS to createSound() in ./sound.ts. The files are made by
// tools/make-audio.ts; sound.test.ts checks that each one exists.
import musicCalm from '../../assets/audio/music-calm.ogg?url';
import musicTense from '../../assets/audio/music-tense.ogg?url';
import musicSomber from '../../assets/audio/music-somber.ogg?url';
import musicHopeful from '../../assets/audio/music-hopeful.ogg?url';
import sfxChoice from '../../assets/audio/sfx-choice.ogg?url';
import sfxHeadline from '../../assets/audio/sfx-headline.ogg?url';
import sfxMeterUp from '../../assets/audio/sfx-meter-up.ogg?url';
import sfxMeterDown from '../../assets/audio/sfx-meter-down.ogg?url';
import sfxEnding from '../../assets/audio/sfx-ending.ogg?url';
import type { AudioKey } from './sound.ts';

export const AUDIO_URLS: Readonly<Record<AudioKey, string>> = {
  'music-calm': musicCalm,
  'music-tense': musicTense,
  'music-somber': musicSomber,
  'music-hopeful': musicHopeful,
  'sfx-choice': sfxChoice,
  'sfx-headline': sfxHeadline,
  'sfx-meter-up': sfxMeterUp,
  'sfx-meter-down': sfxMeterDown,
  'sfx-ending': sfxEnding,
};

// One scenario fits a class period: 15–25 minutes for a new player, by the
// reading model in tools/content-stats.ts (the words one playthrough shows,
// at a stated reading speed, plus time to weigh each choice).
import { describe, expect, it } from 'vitest';
import { countWords, minutesFor, scenarioStats, TARGET_MINUTES, READING_MODEL } from '../../tools/content-stats.ts';
import { realContent } from '../support/content.ts';

const bundle = realContent();

describe('the reading model', () => {
  it('counts words in English and Russian, figures included', () => {
    expect(countWords('Over 70 NGOs call for a $4.3 million moratorium.')).toBe(9);
    expect(countWords('Более 70 НКО требуют моратория — «открытые порты»')).toBe(7);
    expect(countWords('  ')).toBe(0);
  });

  it('turns words and choices into minutes', () => {
    const reading = { briefing: 0, decisions: 0, turns: 0, ending: 0, debrief: 0, total: 1800, choices: { decisions: 4, responses: 3 } };
    const choosing = (4 * READING_MODEL.secondsPerDecision + 3 * READING_MODEL.secondsPerResponse) / 60;
    expect(minutesFor(reading)).toBeCloseTo(1800 / READING_MODEL.wordsPerMinute + choosing, 6);
    expect(minutesFor(reading, 150)).toBeGreaterThan(minutesFor(reading, 230));
  });
});

describe.each(bundle.scenarios.map((s) => s.id))('%s', (id) => {
  it(`takes ${TARGET_MINUTES.min}–${TARGET_MINUTES.max} minutes on a typical and on the historical path`, () => {
    const stats = scenarioStats(bundle, id, 20);
    expect(stats.minutes.random_median).toBeGreaterThanOrEqual(TARGET_MINUTES.min);
    expect(stats.minutes.random_median).toBeLessThanOrEqual(TARGET_MINUTES.max);
    expect(stats.minutes.historical).toBeGreaterThanOrEqual(TARGET_MINUTES.min);
    expect(stats.minutes.historical).toBeLessThanOrEqual(TARGET_MINUTES.max);
    expect(stats.turns).toBeGreaterThanOrEqual(4);
    expect(stats.turns).toBeLessThanOrEqual(8);
  });
});

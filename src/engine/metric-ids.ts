// The six measures, apart from the content schema so that code that only
// needs their names does not bundle zod's schemas with them.
export const METRIC_IDS = [
  'debt',
  'dataExposure',
  'backlash',
  'publicSafety',
  'sovereignty',
  'standing',
] as const;

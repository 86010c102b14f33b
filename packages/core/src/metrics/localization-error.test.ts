import { describe, expect, it } from 'vitest';
import { localizationError } from './localization-error.js';

describe('localizationError', () => {
  const truth = { xMin: 0, yMin: 0, xMax: 9, yMax: 9 }; // 100 px
  it('is an error for a wrong class, a missing box or IoU < 0.5', () => {
    expect(localizationError(1, 1, truth, truth)).toBe(false);
    expect(localizationError(0, 1, truth, truth)).toBe(true);
    expect(localizationError(1, 1, null, truth)).toBe(true);
    // 10×5 box inside: IoU = 50/100 = 0.5 → correct; 10×4: 0.4 → error.
    expect(localizationError(2, 2, { xMin: 0, yMin: 0, xMax: 9, yMax: 4 }, truth)).toBe(false);
    expect(localizationError(2, 2, { xMin: 0, yMin: 0, xMax: 9, yMax: 3 }, truth)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { averageDropIncrease } from './average-drop-increase.js';

describe('averageDropIncrease', () => {
  it('matches the Grad-CAM++ definitions on a hand example', () => {
    // drops: (0.8-0.4)/0.8 = 0.5, 0 (rose), (0.5-0.5)/0.5 = 0, (1-0.25)/1 = 0.75 → mean 0.3125
    const r = averageDropIncrease([0.8, 0.2, 0.5, 1], [0.4, 0.6, 0.5, 0.25]);
    expect(r.averageDrop).toBeCloseTo(31.25, 10);
    expect(r.increaseInConfidence).toBe(25); // only the second rose; equal is not an increase
  });

  it('rejects mismatched or empty inputs and non-positive scores', () => {
    expect(() => averageDropIncrease([], [])).toThrow(/same non-zero number/);
    expect(() => averageDropIncrease([0.5], [0.5, 0.2])).toThrow(/got 1 and 2/);
    expect(() => averageDropIncrease([0], [0.1])).toThrow(/must be > 0/);
  });
});

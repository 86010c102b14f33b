import { describe, expect, it } from 'vitest';
import { boxArea, iou } from './iou.js';

describe('iou', () => {
  it('counts inclusive pixels', () => {
    expect(boxArea({ xMin: 0, yMin: 0, xMax: 0, yMax: 0 })).toBe(1);
    expect(boxArea({ xMin: 2, yMin: 1, xMax: 5, yMax: 3 })).toBe(12);
  });

  it('matches hand-computed overlaps', () => {
    const a = { xMin: 0, yMin: 0, xMax: 3, yMax: 3 }; // 16 px
    const b = { xMin: 2, yMin: 2, xMax: 5, yMax: 5 }; // 16 px, overlap 2×2 = 4
    expect(iou(a, b)).toBeCloseTo(4 / 28, 12);
    expect(iou(a, a)).toBe(1);
    expect(iou(a, { xMin: 4, yMin: 0, xMax: 6, yMax: 3 })).toBe(0); // touching, not overlapping
    expect(iou(a, { xMin: 1, yMin: 1, xMax: 2, yMax: 2 })).toBeCloseTo(4 / 16, 12); // contained
  });
});

import { describe, expect, it } from 'vitest';
import { extent, linearScale, linePath, niceTicks } from './scale.js';

describe('linearScale', () => {
  it('maps ends to ends and is linear in between', () => {
    const s = linearScale([0, 10], [100, 0]); // inverted like an SVG y axis
    expect(s(0)).toBe(100);
    expect(s(10)).toBe(0);
    expect(s(2.5)).toBe(75);
  });
  it('maps a flat domain to the middle', () => {
    expect(linearScale([3, 3], [0, 50])(3)).toBe(25);
  });
});

describe('niceTicks', () => {
  it('picks round steps', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 37, 4)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(0.13, 0.92, 4)).toEqual([0.2, 0.4, 0.6, 0.8]);
  });
  it('keeps integer axes whole', () => {
    expect(niceTicks(1, 3, 5, true)).toEqual([1, 2, 3]);
    expect(niceTicks(1, 40, 5, true)).toEqual([10, 20, 30, 40]);
  });
  it('handles degenerate input', () => {
    expect(niceTicks(2, 2)).toEqual([2]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });
});

describe('extent and linePath', () => {
  it('ignores nulls', () => {
    expect(extent([3, null, -1, Number.NaN, 2])).toEqual([-1, 3]);
    expect(extent([null])).toEqual([0, 1]);
  });
  it('breaks the path at nulls', () => {
    expect(
      linePath(
        [1, 2, null, 4],
        (i) => i * 10,
        (v) => v,
      ),
    ).toBe('M0.00,1.00 L10.00,2.00 M30.00,4.00');
  });
});

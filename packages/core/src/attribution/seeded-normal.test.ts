import { describe, expect, it } from 'vitest';
import { seededNormal } from './seeded-normal.js';

describe('seededNormal', () => {
  it('is reproducible per seed and has standard-normal moments', () => {
    const a = seededNormal(20001, 3);
    expect(seededNormal(20001, 3)).toEqual(a);
    expect(seededNormal(20001, 4)).not.toEqual(a);
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    const variance = a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length;
    // Standard errors: mean 1/√n ≈ 0.007, variance √(2/n) ≈ 0.01.
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.04);
    expect(a.every(Number.isFinite)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { sumGradients } from './sum-gradients.js';

describe('sumGradients', () => {
  it('adds every worker’s arrays elementwise, in float32, into the first worker’s', () => {
    const w0 = [Float32Array.from([0.1, 1e8]), Float32Array.from([3])];
    const w1 = [Float32Array.from([0.2, 1]), Float32Array.from([-1])];
    const w2 = [Float32Array.from([0.3, 1]), Float32Array.from([0.5])];
    // Worker order, each partial sum rounded to float32 as a Float32Array stores it.
    const f = Math.fround;
    const expected = [[f(f(f(0.1) + f(0.2)) + f(0.3)), f(f(1e8 + 1) + 1)], [3 - 1 + 0.5]];
    const first = w0.map((g) => g);
    const sum = sumGradients([w0, w1, w2]);
    expect(sum.map((g) => Array.from(g))).toEqual(expected);
    expect(sum[0]).toBe(first[0]);
    // float32: 1e8 + 1 + 1 stays 1e8 (the spacing there is 8), which a float64 sum would not.
    expect(sum[0][1]).toBe(1e8);
  });

  it('returns a single worker’s gradients unchanged', () => {
    const only = [Float32Array.from([1, 2])];
    expect(sumGradients([only])).toBe(only);
  });
});

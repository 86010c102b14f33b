import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';

const CASES: { shape: number[]; axis: number | number[]; keepDims: boolean }[] = [
  { shape: [3, 5, 7, 4], axis: [0, 1, 2], keepDims: false }, // conv bias gradient
  { shape: [3, 5, 7, 4], axis: [1, 2], keepDims: false }, // global average pooling
  { shape: [3, 5, 7, 4], axis: [1, 2], keepDims: true },
  { shape: [2, 9, 6], axis: 0, keepDims: false },
  { shape: [2, 9, 6], axis: -2, keepDims: true },
  { shape: [4, 6], axis: [1], keepDims: false }, // last axis: delegated to stock
  { shape: [3, 5, 7, 4], axis: [0, 2], keepDims: false }, // not contiguous: delegated
  { shape: [3, 5, 7, 4], axis: [0, 1, 2, 3], keepDims: false },
  // Several SIMD vectors per row (the generated float64-accumulating kernel), and a row of 6 (JS loop).
  { shape: [2, 11, 13, 12], axis: [1, 2], keepDims: false },
  { shape: [5, 3, 64], axis: [0, 1], keepDims: false },
  { shape: [3, 7, 6], axis: [1], keepDims: true },
];

function values(n: number, seed: number): Float32Array {
  return Float32Array.from(
    { length: n },
    (_, i) =>
      Math.sin(i * 12.9898 + seed) * 43758.5453 - Math.floor(Math.sin(i * 12.9898 + seed) * 43758.5453) - 0.5,
  );
}

/** Float64 loop over every element: the independent reference. */
function reference(x: Float32Array, shape: number[], axis: number | number[], mean: boolean): number[] {
  const axes = (Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + shape.length : a));
  const outShape = shape.filter((_, i) => !axes.includes(i));
  const out = new Float64Array(outShape.reduce((a, b) => a * b, 1));
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  let count = 0;
  for (let flat = 0; flat < x.length; flat++) {
    let o = 0;
    for (let d = 0; d < shape.length; d++) {
      if (axes.includes(d)) continue;
      o = o * shape[d] + (Math.floor(flat / strides[d]) % shape[d]);
    }
    out[o] += x[flat];
    if (o === 0) count++;
  }
  return Array.from(out, (v) => (mean ? v / count : v));
}

beforeAll(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
});

describe('wasm Sum / Mean over leading and middle axes', () => {
  it.each(CASES)(
    'sum and mean of $shape over $axis (keepDims $keepDims) match a float64 loop',
    ({ shape, axis, keepDims }) => {
      const data = values(
        shape.reduce((a, b) => a * b, 1),
        shape.length,
      );
      const x = tf.tensor(data, shape);
      const before = tf.engine().backend.numDataIds();
      for (const mean of [false, true]) {
        const y = mean ? tf.mean(x, axis, keepDims) : tf.sum(x, axis, keepDims);
        const expected = reference(data, shape, axis, mean);
        const got = y.dataSync();
        expect(got.length).toBe(expected.length);
        for (let i = 0; i < got.length; i++) expect(got[i]).toBeCloseTo(expected[i], 4);
        if (keepDims) expect(y.shape.length).toBe(shape.length);
        y.dispose();
      }
      expect(tf.engine().backend.numDataIds()).toBe(before);
      x.dispose();
    },
  );

  it('leaves int32 reductions to the stock kernel', () => {
    const x = tf.tensor([1, 2, 3, 4, 5, 6], [3, 2], 'int32');
    const y = tf.sum(x, 0);
    expect(y.dtype).toBe('int32');
    expect(Array.from(y.dataSync())).toEqual([9, 12]);
    tf.dispose([x, y]);
  });
});

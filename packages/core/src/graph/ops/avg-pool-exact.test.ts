// tfjs-layers registers tfjs-core's op gradients (as graph-program.ts relies on).
import '@tensorflow/tfjs-layers';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbsDiff, useBackend } from '../../../test/backends.js';
import { avgPoolExact } from './avg-pool-exact.js';

/** d Σ(avgpool(x)·w) / dx in float64: each window spreads w / (its cells inside the image). */
function grad64(
  h: number,
  wd: number,
  k: number,
  s: number,
  wts: Float32Array,
  oh: number,
  ow: number,
): Float64Array {
  const top = Math.floor(Math.max((oh - 1) * s + k - h, 0) / 2);
  const left = Math.floor(Math.max((ow - 1) * s + k - wd, 0) / 2);
  const g = new Float64Array(h * wd);
  for (let i = 0; i < oh; i++) {
    for (let j = 0; j < ow; j++) {
      const cells: number[] = [];
      for (let p = 0; p < k; p++)
        for (let q = 0; q < k; q++) {
          const r = i * s + p - top;
          const c = j * s + q - left;
          if (r >= 0 && r < h && c >= 0 && c < wd) cells.push(r * wd + c);
        }
      for (const cell of cells) g[cell] += wts[i * ow + j] / cells.length;
    }
  }
  return g;
}

describe.each(BACKENDS)('avgPoolExact (%s)', (backend) => {
  beforeAll(() => useBackend(backend));
  it.each([
    [7, 6, 3, 2],
    [5, 5, 3, 1],
    [8, 8, 2, 2],
  ])(
    'SAME %i×%i, window %i, stride %i: tfjs forward values and the exact (padding-excluded) gradient',
    (h, w, k, s) => {
      tf.tidy(() => {
        const x = tf.randomUniform([1, h, w, 1], -1, 1, 'float32', 3) as tf.Tensor4D;
        const y = tf.avgPool(x, k, s, 'same');
        expect(maxAbsDiff(avgPoolExact(x, [k, k], [s, s], 'same').dataSync(), y.dataSync())).toBeLessThan(
          1e-6,
        );
        const wts = tf.randomUniform(y.shape, -1, 1, 'float32', 4);
        const g = tf.grad((a: tf.Tensor) =>
          tf.sum(tf.mul(avgPoolExact(a as tf.Tensor4D, [k, k], [s, s], 'same'), wts)),
        )(x);
        const want = grad64(h, w, k, s, wts.dataSync() as Float32Array, y.shape[1], y.shape[2]);
        expect(maxAbsDiff(g.dataSync(), want)).toBeLessThan(1e-6);
      });
    },
  );
});

// tfjs-layers registers tfjs-core's op gradients (as graph-program.ts relies on).
import '@tensorflow/tfjs-layers';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxAbs, maxAbsDiff, useBackend } from '../../../test/backends.js';
import { maxPoolWindows } from './max-pool-windows.js';

// Reference: tfjs-backend-cpu's MaxPool and MaxPoolGrad (first maximum, like torch).
describe('maxPoolWindows', () => {
  beforeAll(() => useBackend('cpu'));
  const cases: [
    string,
    [number, number, number, number],
    [number, number],
    [number, number],
    'same' | 'valid',
  ][] = [
    ['3×3 s2 same, odd size', [1, 15, 13, 3], [3, 3], [2, 2], 'same'],
    ['3×3 s2 same, even size', [2, 8, 8, 2], [3, 3], [2, 2], 'same'],
    ['3×3 s1 same', [1, 6, 7, 2], [3, 3], [1, 1], 'same'],
    ['3×3 s2 valid (overlapping, leftover column)', [1, 9, 10, 2], [3, 3], [2, 2], 'valid'],
    ['2×2 s2 same, odd size', [1, 5, 7, 2], [2, 2], [2, 2], 'same'],
    // window = stride, valid: the maxPoolFirst gather (reshape/transpose), with a leftover row/column
    ['2×2 s2 valid (maxPoolFirst), odd size', [2, 7, 9, 3], [2, 2], [2, 2], 'valid'],
  ];
  // Half the inputs are 0 after the ReLU, so many windows tie: the first maximum must get dy.
  const tied = cases.map(
    ([name, ...rest]) => [`${name}, tied after a ReLU`, ...rest] as (typeof cases)[number],
  );
  it.each([...cases, ...tied])(
    '%s: same value and gradient as the stock cpu op',
    (name, shape, size, strides, pad) => {
      tf.tidy(() => {
        const u = tf.randomUniform(shape, -1, 1, 'float32', 5) as tf.Tensor4D;
        const x = name.endsWith('ReLU') ? tf.relu(u) : u;
        const y = tf.maxPool(x, size, strides, pad);
        const w = tf.randomUniform(y.shape, -1, 1, 'float32', 6);
        expect(maxAbsDiff(maxPoolWindows(x, size, strides, pad).dataSync(), y.dataSync())).toBe(0);
        const stock = tf.grad((a: tf.Tensor) =>
          tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, size, strides, pad), w)),
        )(x);
        const mine = tf.grad((a: tf.Tensor) =>
          tf.sum(tf.mul(maxPoolWindows(a as tf.Tensor4D, size, strides, pad), w)),
        )(x);
        expect(mine.shape).toEqual(x.shape);
        expect(maxAbsDiff(mine.dataSync(), stock.dataSync())).toBeLessThan(
          1e-6 * Math.max(1, maxAbs(stock.dataSync())),
        );
      });
    },
  );
});

// tfjs-layers registers tfjs-core's op gradients (as graph-program.ts relies on).
import '@tensorflow/tfjs-layers';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxAbs, maxAbsDiff, useBackend } from '../../../test/backends.js';
import { depthwiseConvInputGrad } from './depthwise-conv.js';

// The reference is tfjs-backend-cpu's own DepthwiseConv2dNativeBackpropInput (through tf.grads).
describe('depthwiseConvInputGrad', () => {
  beforeAll(() => useBackend('cpu'));

  const cases: [
    string,
    [number, number, number, number],
    [number, number, number, number],
    [number, number],
    'same' | 'valid',
  ][] = [
    ['3×3 s1 same', [2, 7, 6, 3], [3, 3, 3, 1], [1, 1], 'same'],
    ['3×3 s2 same (odd size)', [1, 7, 9, 2], [3, 3, 2, 1], [2, 2], 'same'],
    ['3×3 s2 valid', [1, 8, 7, 2], [3, 3, 2, 1], [2, 2], 'valid'],
    ['5×3 s(1,2) same, multiplier 2', [1, 6, 8, 3], [5, 3, 3, 2], [1, 2], 'same'],
    ['2×2 s2 same (even kernel)', [1, 6, 6, 2], [2, 2, 2, 1], [2, 2], 'same'],
  ];
  it.each(cases)('%s: same value and input gradient as the stock op', (_, xs, fs, strides, pad) => {
    tf.tidy(() => {
      const x = tf.randomUniform(xs, -1, 1, 'float32', 1) as tf.Tensor4D;
      const f = tf.randomUniform(fs, -1, 1, 'float32', 2) as tf.Tensor4D;
      const y0 = tf.depthwiseConv2d(x, f, strides, pad);
      const w = tf.randomUniform(y0.shape, -1, 1, 'float32', 3);
      const stock = tf.grad((a: tf.Tensor) =>
        tf.sum(tf.mul(tf.depthwiseConv2d(a as tf.Tensor4D, f, strides, pad), w)),
      )(x);
      const mine = tf.grad((a: tf.Tensor) =>
        tf.sum(tf.mul(depthwiseConvInputGrad(a as tf.Tensor4D, f, strides, pad), w)),
      )(x);
      expect(maxAbsDiff(depthwiseConvInputGrad(x, f, strides, pad).dataSync(), y0.dataSync())).toBe(0);
      expect(mine.shape).toEqual(x.shape);
      expect(maxAbsDiff(mine.dataSync(), stock.dataSync())).toBeLessThan(
        1e-5 * Math.max(1, maxAbs(stock.dataSync())),
      );
    });
  });
});

import '@tensorflow/tfjs-backend-cpu';
import { CamkitError } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { camFuse } from './cam-fuse.js';
import { gradcamPlusPlusWeights, gradcamWeights } from '@camkit/core';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// User input the ops refuse: a CamkitError (the CLI prints its one line), naming the argument.
describe('fused CAM ops reject bad input with a one-line CamkitError', () => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      'rank-3 features',
      () =>
        camFuse(tf.ones([2, 3, 4]) as unknown as tf.Tensor4D, tf.ones([4, 1]) as tf.Tensor2D, {
          outSize: [4, 4],
        }),
      /features must be \[N, h, w, K\]/,
    ],
    [
      'weights whose K differs',
      () =>
        camFuse(tf.ones([1, 3, 3, 4]) as tf.Tensor4D, tf.ones([5, 1]) as tf.Tensor2D, { outSize: [4, 4] }),
      /do not match features/,
    ],
    [
      'a non-integer outSize',
      () =>
        camFuse(tf.ones([1, 3, 3, 4]) as tf.Tensor4D, tf.ones([4, 1]) as tf.Tensor2D, { outSize: [4.5, 4] }),
      /outSize must be two positive integers/,
    ],
    [
      'int32 grads',
      () => gradcamWeights(tf.ones([1, 2, 2, 3], 'int32') as tf.Tensor4D),
      /grads must be float32, got int32/,
    ],
    [
      'NCHW-like rank-3 grads',
      () => gradcamWeights(tf.ones([3, 2, 2]) as unknown as tf.Tensor4D),
      /grads must be \[N, h, w, K\]/,
    ],
    [
      'mismatched activations',
      () =>
        gradcamPlusPlusWeights(tf.ones([1, 2, 2, 3]) as tf.Tensor4D, tf.ones([1, 2, 2, 4]) as tf.Tensor4D),
      /activations \[1,2,2,3\] and grads \[1,2,2,4\] must have the same shape/,
    ],
  ];
  it.each(cases)('%s', (_, call, message) => {
    const before = tf.memory().numTensors;
    let error: unknown;
    tf.tidy(() => {
      try {
        call();
      } catch (e) {
        error = e;
      }
    });
    expect(error).toBeInstanceOf(CamkitError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
    expect(tf.memory().numTensors).toBe(before);
  });
});

import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { smoothedCrossEntropySum } from './cross-entropy.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('smoothedCrossEntropySum', () => {
  const p = [
    [0.7, 0.2, 0.1],
    [0.25, 0.25, 0.5],
  ];
  const y = [0, 2];

  it('equals the hand formula −Σ((1−ε)·[k=y] + ε/K)·log p_k in float64', () => {
    for (const eps of [0, 0.1, 0.3]) {
      let want = 0;
      p.forEach((row, i) => {
        row.forEach((pk, k) => {
          want -= ((1 - eps) * (k === y[i] ? 1 : 0) + eps / 3) * Math.log(pk);
        });
      });
      const before = tf.memory().numTensors;
      const probs = tf.tensor2d(p);
      const labels = tf.tensor1d(y, 'int32');
      const got = smoothedCrossEntropySum(probs, labels, 3, eps);
      expect(got.dataSync()[0]).toBeCloseTo(want, 5);
      tf.dispose([probs, labels, got]);
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});

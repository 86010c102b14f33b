import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { predictProbabilities } from './predict-probabilities.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A 2×2×1-input model: flatten → dense(units, activation), all weights 0.5, bias 0. */
function tiny(units: number, activation: 'sigmoid' | 'softmax'): tfl.LayersModel {
  const m = tfl.sequential({
    layers: [
      tfl.layers.flatten({ inputShape: [2, 2, 1] }),
      tfl.layers.dense({ units, activation, kernelInitializer: 'zeros', biasInitializer: 'zeros' }),
    ],
  });
  m.layers[1].setWeights([tf.fill([4, units], 0.5), tf.zeros([units])]);
  return m;
}

describe('predictProbabilities', () => {
  it('turns one sigmoid output p into [1 - p, p] and keeps softmax rows, leaking nothing', () => {
    const x = tf.tensor4d([0, 0, 0, 0, 1, 1, 1, -1], [2, 2, 2, 1]);
    const sig = tiny(1, 'sigmoid');
    const soft = tiny(3, 'softmax');
    const before = tf.memory().numTensors;
    const p = predictProbabilities(sig, x);
    // By hand: logits 0 and 0.5·(1 + 1 + 1 − 1) = 1.
    const s1 = 1 / (1 + Math.exp(-1));
    expect(p.shape).toEqual([2, 2]);
    const v = p.dataSync();
    [0.5, 0.5, 1 - s1, s1].forEach((want, i) => {
      expect(v[i]).toBeCloseTo(want, 6);
    });
    const q = predictProbabilities(soft, x);
    expect(q.shape).toEqual([2, 3]);
    for (const r of q.dataSync()) expect(r).toBeCloseTo(1 / 3, 6);
    tf.dispose([p, q]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x]);
    sig.dispose();
    soft.dispose();
  });
});

import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, useBackend } from '../../test/backends.js';
import { explain } from './explain.js';
import { guidedRelu } from './guided-relu.js';

describe.each(BACKENDS)('guided backpropagation ReLU rule (%s)', (backend) => {
  beforeAll(() => useBackend(backend));

  it('backward passes dy only where x > 0 and dy > 0', () => {
    const x = tf.tensor1d([-1, 2, 3, -4, 0]);
    const dy = tf.tensor1d([5, -6, 7, 8, 9]);
    const before = tf.memory().numTensors;
    const dx = tf.grad((v: tf.Tensor) => guidedRelu(v))(x, dy);
    expect(Array.from(dx.dataSync(), (v) => v + 0)).toEqual([0, 0, 7, 0, 0]);
    const y = guidedRelu(x);
    expect(Array.from(y.dataSync())).toEqual([0, 2, 3, 0, 0]);
    tf.dispose([dx, y]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, dy]);
  });

  it('one hidden ReLU layer by hand: guided vs plain gradient of the logit', async () => {
    // Input 1×1×2 image x = [1, 2]; 1×1 conv (= dense) W1 = [[1, -1], [1, 1]] → pre = [3, 1] (both > 0);
    // Dense W2 = [2, -3] → logit = 2·3 − 3·1 = 3. Upstream at the ReLU is [2, −3]:
    // plain dx = W1·[2, −3] = [1·2 + (−1)(−3), 1·2 + 1·(−3)] = [5, −1];
    // guided keeps only the positive upstream [2, 0]: dx = W1·[2, 0] = [2, 2].
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({
          inputShape: [1, 1, 2],
          filters: 2,
          kernelSize: 1,
          activation: 'relu',
          useBias: false,
        }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 1, useBias: false }),
      ],
    });
    model.layers[0].setWeights([tf.tensor4d([1, -1, 1, 1], [1, 1, 2, 2])]);
    model.layers[2].setWeights([tf.tensor2d([2, -3], [2, 1])]);
    const x = tf.tensor4d([1, 2], [1, 1, 1, 2]);
    const guided = await explain(model, x, { method: 'guided-backprop', targets: [0] });
    expect(guided.predictions[0].logits[0]).toBeCloseTo(3, 5);
    expect(Array.from(guided.heatmaps[0].map)).toEqual([2, 2]);
    expect(guided.heatmaps[0].shape).toEqual([1, 1, 2]);
    // Integrated gradients on this piecewise-linear net from a zero baseline: both hidden units
    // stay active along the path, so IG = x ⊙ plain gradient = [1·5, 2·(−1)].
    const ig = await explain(model, x, { method: 'integrated-gradients', targets: [0], steps: 4 });
    expect(Array.from(ig.heatmaps[0].map)).toEqual([5, -2]);
    x.dispose();
    model.dispose();
  });
});

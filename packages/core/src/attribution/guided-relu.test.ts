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

  it('takes its logits and predicted class from its own gradient pass, equal to a plain forward', async () => {
    // Guided backprop runs no separate forward: the predicted class's mask is made inside the
    // gradient's forward pass. Check it against explicit targets and against the model's logits.
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [5, 5, 2], filters: 4, kernelSize: 3, activation: 'relu' }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    });
    const x = tf.randomNormal([2, 5, 5, 2], 0, 1, 'float32', 3) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const predicted = await explain(model, x, { method: 'guided-backprop' });
    const classes = predicted.predictions.map((p) => p.predicted);
    const given = await explain(model, x, { method: 'guided-backprop', targets: classes });
    const all = await explain(model, x, { method: 'guided-backprop', targets: 'all' });
    const gradcam = await explain(model, x, { method: 'gradcam', targets: classes });
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 0; i < 2; i++) {
      expect(predicted.heatmaps[i].classIndex).toBe(classes[i]);
      expect(Array.from(predicted.heatmaps[i].map)).toEqual(Array.from(given.heatmaps[i].map));
      // 'all': three columns per image, the predicted one among them.
      expect(Array.from(all.heatmaps[i * 3 + classes[i]].map)).toEqual(Array.from(given.heatmaps[i].map));
      const logits = Array.from(predicted.predictions[i].logits);
      for (const other of [given, all, gradcam]) {
        const ref = Array.from(other.predictions[i].logits);
        for (const [c, v] of logits.entries()) expect(v).toBeCloseTo(ref[c] as number, 5);
      }
    }
    // The columns of different classes differ (the 'all' dispatch is per class).
    expect(Array.from(all.heatmaps[0].map)).not.toEqual(Array.from(all.heatmaps[1].map));

    // Guided Grad-CAM reuses its guided pass's forward for Grad-CAM: it must equal guided backprop
    // times Grad-CAM's gray map, each computed on its own, for predicted, given and 'all' targets.
    const before2 = tf.memory().numTensors;
    const ggPredicted = await explain(model, x, { method: 'guided-gradcam' });
    const ggAll = await explain(model, x, { method: 'guided-gradcam', targets: 'all' });
    const gcAll = await explain(model, x, { method: 'gradcam', targets: 'all' });
    expect(tf.memory().numTensors).toBe(before2);
    for (const [i, hm] of all.heatmaps.entries()) {
      const gray = gcAll.heatmaps[i].map;
      const expected = Array.from(hm.map, (v, p) => v * (gray[Math.floor(p / 2)] as number));
      const got = Array.from(ggAll.heatmaps[i].map);
      for (const [p, v] of got.entries()) expect(v).toBeCloseTo(expected[p] as number, 5);
    }
    for (let i = 0; i < 2; i++) {
      expect(ggPredicted.heatmaps[i].classIndex).toBe(classes[i]);
      expect(Array.from(ggPredicted.heatmaps[i].map)).toEqual(
        Array.from(ggAll.heatmaps[i * 3 + classes[i]].map),
      );
      const logits = Array.from(ggPredicted.predictions[i].logits);
      const ref = Array.from(gradcam.predictions[i].logits);
      for (const [c, v] of logits.entries()) expect(v).toBeCloseTo(ref[c] as number, 5);
    }
    x.dispose();
    model.dispose();
  });
});

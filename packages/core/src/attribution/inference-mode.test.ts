// BatchNormalization and Dropout must run in inference mode in every method: JS CAM examples that
// run the head with `training: true` make an image's map depend on the other images of its batch
// (BN's batch statistics) and on chance (Dropout).
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbs, maxAbsDiff, useBackend } from '../../test/backends.js';
import { explain } from './explain.js';
import { METHODS } from './validate-input.js';

const S = 8;

/** conv → BN → ReLU → Dropout → conv → BN → ReLU → GAP → Dropout → Dense, BN statistics far from the identity. */
function bnDropoutNet(): tfl.LayersModel {
  const seeded = (seed: number) => ({ kernelInitializer: tfl.initializers.glorotNormal({ seed }) });
  const model = tfl.sequential({
    name: 'bn_dropout_net',
    layers: [
      tfl.layers.conv2d({
        inputShape: [S, S, 3],
        filters: 4,
        kernelSize: 3,
        padding: 'same',
        name: 'c1',
        ...seeded(1),
      }),
      tfl.layers.batchNormalization({ name: 'bn1' }),
      tfl.layers.reLU({ name: 'r1' }),
      tfl.layers.dropout({ rate: 0.5, name: 'drop1', seed: 11 }),
      tfl.layers.conv2d({ filters: 5, kernelSize: 3, padding: 'same', name: 'c2', ...seeded(2) }),
      tfl.layers.batchNormalization({ name: 'bn2' }),
      tfl.layers.reLU({ name: 'feat' }),
      tfl.layers.globalAveragePooling2d({ name: 'gap' }),
      tfl.layers.dropout({ rate: 0.5, name: 'drop2', seed: 12 }),
      tfl.layers.dense({ units: 3, activation: 'softmax', name: 'out', ...seeded(3) }),
    ],
  });
  for (const name of ['bn1', 'bn2']) {
    const layer = model.getLayer(name);
    const k = layer.getWeights()[0].shape[0];
    const ramp = (a: number, b: number) => tf.tensor1d(Array.from({ length: k }, (_, i) => a + b * i));
    // gamma, beta, moving mean, moving variance
    layer.setWeights([ramp(1.5, -0.2), ramp(0.1, 0.05), ramp(0.3, -0.1), ramp(2, 0.5)]);
  }
  return model;
}

describe.each(BACKENDS)('BatchNorm and Dropout in inference mode (%s)', (backend) => {
  let model: tfl.LayersModel;
  let batch: tf.Tensor4D;
  let alone: tf.Tensor4D;
  beforeAll(async () => {
    await useBackend(backend);
    model = bnDropoutNet();
    batch = tf.randomUniform([3, S, S, 3], 0, 1, 'float32', 21) as tf.Tensor4D;
    alone = tf.slice(batch, [0, 0, 0, 0], [1, -1, -1, -1]);
  });
  afterAll(() => {
    tf.dispose([batch, alone]);
    model.dispose();
  });

  it('the test model is sensitive: in training mode image a’s output changes with the batch', () => {
    const [a, abc] = tf.tidy(() => [
      (model.apply(alone, { training: true }) as tf.Tensor).dataSync(),
      (model.apply(batch, { training: true }) as tf.Tensor).dataSync().slice(0, 3),
    ]);
    expect(maxAbsDiff(a, abc)).toBeGreaterThan(1e-3);
  });

  it.each(METHODS.map((m) => [m]))(
    '%s: image a’s maps are the same in batch [a] and in batch [a, b, c]',
    async (method) => {
      const opts = { method, targets: 'all' as const, samples: 3, steps: 4 };
      const one = await explain(model, alone, opts);
      const three = await explain(model, batch, opts);
      expect(maxAbsDiff(one.predictions[0].logits, three.predictions[0].logits)).toBeLessThan(1e-5);
      for (const h of one.heatmaps) {
        const other = three.heatmaps.find((x) => x.imageIndex === 0 && x.classIndex === h.classIndex)!;
        const scale = Math.max(maxAbs(h.map), 1e-6);
        expect(maxAbsDiff(h.map, other.map) / scale, `class ${h.classIndex}`).toBeLessThan(1e-5);
      }
      // Twice the same call: nothing random either (Dropout off).
      const again = await explain(model, batch, opts);
      three.heatmaps.forEach((h, i) => {
        expect(again.heatmaps[i].map).toEqual(h.map);
      });
    },
  );
});

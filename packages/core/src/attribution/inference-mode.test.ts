// BatchNormalization and Dropout must run in inference mode in every method: JS CAM examples that
// run the head with `training: true` make an image's map depend on the other images of its batch
// (BN's batch statistics) and on chance (Dropout).
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbs, maxAbsDiff, useBackend } from '../../test/backends.js';
import { BN_NET_SIZE, bnDropoutNet } from '../../test/bn-dropout-net.js';
import { explain } from './explain.js';
import { METHODS } from './validate-input.js';

const S = BN_NET_SIZE;

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

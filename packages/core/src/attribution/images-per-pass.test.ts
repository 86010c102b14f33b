// A batch explained in slices (`imagesPerPass`) gives each image the maps, predictions, class and
// index it gets in one pass, for every method but SmoothGrad (never split); the slices' tensors
// are all freed. The net has BatchNorm with statistics far from the identity, so a pass that ran
// it in training mode would make an image's map depend on its slice.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbsDiff, useBackend } from '../../test/backends.js';
import { explain } from './explain.js';
import type { ExplainResult, Method } from './types.js';
import { METHODS } from './validate-input.js';

const S = 8;
const N = 5;
const TARGETS = [0, 2, 1, 0, 2];

function bnNet(): tfl.LayersModel {
  const seeded = (seed: number) => ({ kernelInitializer: tfl.initializers.glorotNormal({ seed }) });
  const model = tfl.sequential({
    name: 'bn_net',
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
      tfl.layers.conv2d({ filters: 5, kernelSize: 3, padding: 'same', name: 'c2', ...seeded(2) }),
      tfl.layers.batchNormalization({ name: 'bn2' }),
      tfl.layers.reLU({ name: 'feat' }),
      tfl.layers.globalAveragePooling2d({ name: 'gap' }),
      tfl.layers.dense({ units: 3, activation: 'softmax', name: 'out', ...seeded(3) }),
    ],
  });
  for (const name of ['bn1', 'bn2']) {
    const layer = model.getLayer(name);
    const k = layer.getWeights()[0].shape[0];
    const ramp = (a: number, b: number) => tf.tensor1d(Array.from({ length: k }, (_, i) => a + b * i));
    const weights = [ramp(1.5, -0.2), ramp(0.1, 0.05), ramp(0.3, -0.1), ramp(2, 0.5)];
    layer.setWeights(weights);
    tf.dispose(weights);
  }
  return model;
}

function expectSame(sliced: ExplainResult, whole: ExplainResult): void {
  expect(sliced.heatmaps.length).toBe(whole.heatmaps.length);
  expect(sliced.predictions.map((p) => p.predicted)).toEqual(whole.predictions.map((p) => p.predicted));
  for (let i = 0; i < whole.predictions.length; i++) {
    const [a, b] = [sliced.predictions[i], whole.predictions[i]];
    expect(maxAbsDiff(a!.logits, b!.logits)).toBeLessThan(1e-6);
  }
  whole.heatmaps.forEach((h, k) => {
    const s = sliced.heatmaps[k]!;
    expect([s.imageIndex, s.classIndex]).toEqual([h.imageIndex, h.classIndex]);
    expect(maxAbsDiff(s.map, h.map)).toBeLessThan(1e-5);
  });
}

describe.each(BACKENDS)('imagesPerPass (%s)', (backend) => {
  let model: tfl.LayersModel;
  let images: tf.Tensor4D;
  beforeAll(async () => {
    await useBackend(backend);
    model = bnNet();
    images = tf.randomUniform([N, S, S, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
  });
  afterAll(() => {
    images.dispose();
    model.dispose();
  });

  const split = METHODS.filter((m) => m !== 'smoothgrad');
  it.each(split)(
    '%s: slices of 2 equal one pass (per-image targets and every class)',
    async (method: Method) => {
      const opts = { method, samples: 4, steps: 4 };
      const before = tf.memory().numTensors;
      for (const targets of [TARGETS, 'all' as const]) {
        const whole = await explain(model, images, { ...opts, targets, imagesPerPass: N });
        const sliced = await explain(model, images, { ...opts, targets, imagesPerPass: 2 });
        expect(sliced.heatmaps.map((h) => h.imageIndex)).toContain(N - 1);
        expectSame(sliced, whole);
      }
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('rejects a non-positive imagesPerPass with a one-line error naming it', async () => {
    await expect(explain(model, images, { method: 'gradcam', imagesPerPass: 0 })).rejects.toThrow(
      /imagesPerPass/,
    );
  });
});

// A batch explained in slices (`imagesPerPass`) gives each image the maps, predictions, class and
// index it gets in one pass, for every method but SmoothGrad (never split); the slices' tensors
// are all freed. The net has BatchNorm far from the identity and Dropout, so a pass that ran either
// in training mode would make an image's map depend on its slice.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbsDiff, useBackend } from '../../test/backends.js';
import { BN_NET_SIZE, bnDropoutNet } from '../../test/bn-dropout-net.js';
import { explain } from './explain.js';
import type { ExplainResult, Method } from './types.js';
import { METHODS } from './validate-input.js';

const S = BN_NET_SIZE;
const N = 5;
const TARGETS = [0, 2, 1, 0, 2];

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
    model = bnDropoutNet();
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

// The methods that need host values midway — Eigen-CAM and EigenGrad-CAM (a float64 SVD) and
// Ablation-CAM (each image's minimum activation) — on real Dawn (see ./setup.ts), where a tensor
// cannot be read synchronously, against cpu.
import '@tensorflow/tfjs'; // gradient configs
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { type Method, splitModel } from '@camkit/core';
import { FAMILIES } from '@camkit/core/families';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backends.js';
import {
  BATCH,
  buildWith,
  compareOutcomes,
  explainEverything,
  type HostWeights,
  hostWeights,
  layersOf,
  type Outcome,
  pixels,
} from '../families/family-harness.js';

const METHODS: readonly Method[] = ['eigencam', 'eigengradcam', 'ablationcam'];
// Residual blocks, a layer with a negative minimum (a residual sum without ReLU: Ablation-CAM's
// `min − 1e7` rule) and ReLU6 layers (minimum 0: the rule's other branch).
const family = FAMILIES.find((f) => f.name === 'mobilenet_v2')!;

describe('eigencam, eigengradcam, ablationcam on webgpu (Dawn) equal cpu', () => {
  let weights: HostWeights;
  let size: number;
  let cpu: Map<string, Outcome>;

  beforeAll(async () => {
    await useBackend('cpu');
    const model = family.build();
    weights = hostWeights(model);
    size = model.inputs[0].shape[1] as number;
    const images = tf.tensor4d(pixels(size), [BATCH, size, size, 3]);
    // Both branches of the ablation rule are exercised: some layer's minimum is 0, another's is not.
    const minima = layersOf(family).map((layer) =>
      tf.tidy(() => tf.min(splitModel(model, layer).forward(images).features).dataSync()[0]),
    );
    expect(minima.some((v) => v === 0) && minima.some((v) => v < 0), `minima ${minima}`).toBe(true);
    cpu = await explainEverything(model, family, images, METHODS);
    images.dispose();
    model.dispose();
  });

  it('this backend cannot read a GPU tensor synchronously (the condition the methods must survive)', async () => {
    await useBackend('webgpu');
    const t = tf.add(tf.ones([4]), 1);
    expect(() => t.dataSync()).toThrow();
    expect(Array.from(await t.data())).toEqual([2, 2, 2, 2]);
    t.dispose();
  });

  it('every layer: gray maps to 1e-4, raw maps to 1e-3 relative; no tensor growth', async () => {
    await useBackend('webgpu');
    const model = buildWith(family, weights);
    const images = tf.tensor4d(pixels(size), [BATCH, size, size, 3]);
    const before = tf.memory().numTensors;
    // explainEverything throws on any leaked tensor; every outcome must be a result here.
    const webgpu = await explainEverything(model, family, images, METHODS);
    expect(tf.memory().numTensors).toBe(before);
    images.dispose();
    model.dispose();
    expect([...cpu].filter(([, o]) => 'error' in o)).toEqual([]);
    expect(compareOutcomes(cpu, webgpu, 1e-4, 1e-3)).toEqual([]);
  });
});

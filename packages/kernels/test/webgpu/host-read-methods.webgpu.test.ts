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
  compareOutcomes,
  explainRebuilt,
  type FamilyReference,
  familyReference,
} from '../families/family-harness.js';

const METHODS: readonly Method[] = ['eigencam', 'eigengradcam', 'ablationcam'];
// Residual blocks, a layer with a negative minimum (a residual sum without ReLU: Ablation-CAM's
// `min − 1e7` rule) and ReLU6 layers (minimum 0: the rule's other branch).
const family = FAMILIES.find((f) => f.name === 'mobilenet_v2')!;

describe('eigencam, eigengradcam, ablationcam on webgpu (Dawn) equal cpu', () => {
  let cpu: FamilyReference;

  beforeAll(async () => {
    await useBackend('cpu');
    cpu = await familyReference(family, METHODS, undefined, (model, images, layers) => {
      // Both branches of the ablation rule are exercised: some layer's minimum is 0, another's is not.
      const minima = layers.map((layer) =>
        tf.tidy(() => tf.min(splitModel(model, layer).forward(images).features).dataSync()[0]),
      );
      expect(minima.some((v) => v === 0) && minima.some((v) => v < 0), `minima ${minima}`).toBe(true);
    });
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
    // Throws on a tensor leaked by any single call, or by the run; every outcome must be a result.
    const webgpu = await explainRebuilt(family, cpu.weights, cpu.size, METHODS);
    expect([...cpu.outcomes].filter(([, o]) => 'error' in o)).toEqual([]);
    expect(compareOutcomes(cpu.outcomes, webgpu, 1e-4, 1e-3)).toEqual([]);
  });
});

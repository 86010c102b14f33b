// Every camkit method on every architecture family on real Dawn (see ./setup.ts) with camkit's
// kernels, against cpu: gray maps to 1e-4, gradient and raw maps to 1e-3 of their magnitude, no
// tensor left behind (test/families/families.test.ts does the same for wasm).
//
// SwiftShader runs these nets ~0.3 s per 32-px image and compiles a pipeline per new shape, and
// Score-CAM / Ablation-CAM cost one pass per channel and image. So by default each family is
// explained at ONE of its layers — the one with the fewest channels among last / mid / inner — with
// every method; CAMKIT_WEBGPU_FAMILIES=full runs all three layers (minutes per family).
import '@tensorflow/tfjs'; // gradient configs
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { METHODS } from '@camkit/core';
import { FAMILIES, type Family } from '@camkit/core/families';
import type { LayersModel } from '@tensorflow/tfjs-layers';
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

const FULL = process.env.CAMKIT_WEBGPU_FAMILIES === 'full';

/** The layers explained on webgpu: all three (full), else the one with the fewest channels. */
function webgpuLayers(family: Family, model: LayersModel): string[] {
  const all = layersOf(family);
  if (FULL) return all;
  const channels = (l: string) => (model.getLayer(l).outputShape as number[])[3];
  return [all.reduce((a, b) => (channels(b) < channels(a) ? b : a))];
}

describe.each(FAMILIES)('$name on webgpu', (family) => {
  let weights: HostWeights;
  let size: number;
  let layers: string[];
  let cpu: Map<string, Outcome>;

  beforeAll(async () => {
    await useBackend('cpu');
    const model = family.build();
    weights = hostWeights(model);
    size = model.inputs[0].shape[1] as number;
    layers = webgpuLayers(family, model);
    const images = tf.tensor4d(pixels(size), [BATCH, size, size, 3]);
    cpu = await explainEverything(model, family, images, METHODS, layers);
    images.dispose();
    model.dispose();
  });

  it(`equals cpu for every method at ${FULL ? 'last, mid and inner' : 'its narrowest layer'}; no tensor growth`, async () => {
    await useBackend('webgpu');
    const model = buildWith(family, weights);
    const images = tf.tensor4d(pixels(size), [BATCH, size, size, 3]);
    const before = tf.memory().numTensors;
    // explainEverything also throws on a tensor leaked by any single call.
    const webgpu = await explainEverything(model, family, images, METHODS, layers);
    expect(tf.memory().numTensors).toBe(before);
    images.dispose();
    model.dispose();
    // Every method ran on cpu (cam only errs where the family has no GAP → Dense at the layer).
    const failed = [...cpu].filter(([k, o]) => 'error' in o && !k.startsWith('cam '));
    expect(failed).toEqual([]);
    expect(compareOutcomes(cpu, webgpu, 1e-4, 1e-3)).toEqual([]);
  });
});

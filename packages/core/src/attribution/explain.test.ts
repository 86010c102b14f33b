import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbsDiff, useBackend } from '../../test/backends.js';
import { flattenNet, gapNet } from '../../test/tiny-models.js';
import { CamkitError } from '../errors.js';
import { CamFuse, GradcamWeights } from '../kernels-contract/cam-fuse.js';
import { explain } from './explain.js';
import { postprocessCam } from './scale-cam-image.js';
import type { Method } from './types.js';
import { METHODS } from './validate-input.js';
import { weightedSum } from './weighted-sum.js';

/** The one-line CamkitError message an async call rejects with. */
async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CamkitError);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a CamkitError, but the call succeeded');
}

describe.each(BACKENDS)('explain (%s)', (backend) => {
  let model: tfl.LayersModel;
  let images: tf.Tensor4D;
  beforeAll(async () => {
    await useBackend(backend);
    model = gapNet({ size: 6, filters: [3, 4], classes: 3, seed: 5 });
    images = tf.randomUniform([3, 6, 6, 3], 0, 1, 'float32', 2) as tf.Tensor4D;
  });
  afterAll(() => {
    images.dispose();
    model.dispose();
  });

  it('targets: omitted/pred explain the predicted class, numbers pick classes, all gives every class', async () => {
    const pred = await explain(model, images, { method: 'gradcam' });
    expect(pred.heatmaps.map((h) => h.classIndex)).toEqual(pred.predictions.map((p) => p.predicted));
    const probs = (model.predict(images) as tf.Tensor).arraySync() as number[][];
    pred.predictions.forEach((p, i) => {
      expect(p.predicted).toBe(probs[i].indexOf(Math.max(...probs[i])));
      expect(maxAbsDiff(p.probabilities, probs[i])).toBeLessThan(1e-5);
    });
    const picked = await explain(model, images, { method: 'gradcam', targets: [2, 0, 1] });
    expect(picked.heatmaps.map((h) => [h.imageIndex, h.classIndex])).toEqual([
      [0, 2],
      [1, 0],
      [2, 1],
    ]);
    const all = await explain(model, images, { method: 'gradcam', targets: 'all' });
    expect(all.heatmaps).toHaveLength(9);
    // Ordered by image then class; the per-image explicit target equals the matching 'all' map.
    expect(all.heatmaps[2].map).toEqual(picked.heatmaps[0].map);
    expect(all.heatmaps[3].map).toEqual(picked.heatmaps[1].map);
    expect(all.inputSize).toEqual([6, 6]);
  });

  it('every method returns finite maps of the documented shapes', async () => {
    for (const method of METHODS) {
      const r = await explain(model, images, { method, targets: 'all', samples: 3, steps: 4 });
      expect(r.heatmaps).toHaveLength(9);
      for (const h of r.heatmaps) {
        const cam = !['guided-backprop', 'guided-gradcam', 'smoothgrad', 'integrated-gradients'].includes(
          method,
        );
        expect(h.shape, method).toEqual(cam ? [6, 6] : [6, 6, 3]);
        expect(h.map.every(Number.isFinite), method).toBe(true);
        if (cam) {
          expect(Math.max(...h.map)).toBeLessThanOrEqual(1);
          expect(Math.min(...h.map)).toBeGreaterThanOrEqual(0);
          expect(h.rawShape).toEqual([6, 6]);
        }
      }
    }
  });

  it('separate ReLU / Activation(softmax) layers are handled like fused activations', async () => {
    const fused = gapNet({ size: 6, filters: [3], classes: 3, seed: 9 });
    const split = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [6, 6, 3], filters: 3, kernelSize: 3, padding: 'same', name: 'lin' }),
        tfl.layers.reLU({ name: 'act' }),
        tfl.layers.globalAveragePooling2d({}),
        tfl.layers.dense({ units: 3 }),
        tfl.layers.activation({ activation: 'softmax' }),
      ],
    });
    split.setWeights(fused.getWeights());
    for (const method of ['guided-backprop', 'cam', 'gradcam', 'smoothgrad'] as Method[]) {
      const a = await explain(fused, images, { method, targets: 'all', samples: 2 });
      const b = await explain(split, images, { method, targets: 'all', samples: 2 });
      expect(b.layer).toBe(a.layer === null ? null : 'act');
      a.heatmaps.forEach((h, i) => {
        expect(maxAbsDiff(h.map, b.heatmaps[i].map), method).toBeLessThan(1e-5);
      });
      a.predictions.forEach((p, i) => {
        expect(maxAbsDiff(p.logits, b.predictions[i].logits)).toBeLessThan(1e-5);
      });
    }
    fused.dispose();
    split.dispose();
  });

  it('an all-zero target-layer map gives an all-zero gray map, not NaN', async () => {
    // conv1 with all-negative bias and zero kernel: its ReLU output is exactly 0 everywhere.
    const m = gapNet({ size: 6, filters: [3, 4], seed: 6 });
    const [k, b] = m.getLayer('conv1').getWeights();
    m.getLayer('conv1').setWeights([tf.zerosLike(k), tf.fill(b.shape, -1)]);
    for (const method of ['gradcam', 'cam', 'layercam', 'eigencam', 'scorecam'] as Method[]) {
      const r = await explain(m, images, { method, layer: method === 'cam' ? undefined : 'conv1' });
      for (const h of r.heatmaps)
        expect(
          Array.from(h.map).every((v) => v === 0),
          method,
        ).toBe(true);
    }
    m.dispose();
  });

  it('smoothgrad with zero noise is the plain gradient; it is seeded; IG satisfies completeness', async () => {
    const plain = await explain(model, images, {
      method: 'integrated-gradients',
      steps: 1,
      targets: [0, 1, 2],
    });
    const sg0 = await explain(model, images, {
      method: 'smoothgrad',
      noiseLevel: 0,
      samples: 3,
      targets: [0, 1, 2],
    });
    // IG with one step is (x − 0) ⊙ ∇f(x); divide x back out where x is not tiny.
    const x = images.dataSync();
    sg0.heatmaps.forEach((h, i) => {
      const ig = plain.heatmaps[i].map;
      const at = i * 108;
      for (let j = 0; j < 108; j++) {
        if (x[at + j] > 0.05) expect(Math.abs(h.map[j] - ig[j] / x[at + j])).toBeLessThan(1e-4);
      }
    });
    const a = await explain(model, images, { method: 'smoothgrad', samples: 4, seed: 3 });
    const b = await explain(model, images, { method: 'smoothgrad', samples: 4, seed: 3 });
    const c = await explain(model, images, { method: 'smoothgrad', samples: 4, seed: 4 });
    expect(a.heatmaps[0].map).toEqual(b.heatmaps[0].map);
    expect(maxAbsDiff(a.heatmaps[0].map, c.heatmaps[0].map)).toBeGreaterThan(0);
    // Completeness: Σ IG = f(x) − f(0) (Riemann error shrinks with steps).
    const ig = await explain(model, images, {
      method: 'integrated-gradients',
      steps: 256,
      batchSize: 64,
      targets: 'all',
    });
    const zeros = tf.zerosLike(images);
    const atZero = await explain(model, zeros, { method: 'gradcam', targets: 'all' });
    zeros.dispose();
    for (const h of ig.heatmaps) {
      const total = h.map.reduce((s, v) => s + v, 0);
      const delta =
        ig.predictions[h.imageIndex].logits[h.classIndex] -
        atZero.predictions[h.imageIndex].logits[h.classIndex];
      expect(Math.abs(total - delta)).toBeLessThan(0.02 * Math.abs(delta) + 2e-3);
    }
  });

  it('a registered GradcamWeights kernel is used for α', async () => {
    const stock = await explain(model, images, { method: 'gradcam', targets: 'all' });
    let calls = 0;
    tf.registerKernel({
      kernelName: GradcamWeights,
      backendName: backend,
      kernelFunc: ({ inputs }) => {
        calls++;
        const out = tf.mean((inputs as unknown as { grads: tf.Tensor4D }).grads, [1, 2]);
        tf.engine().backend.incRef(out.dataId);
        const info = { dataId: out.dataId, shape: out.shape, dtype: out.dtype };
        out.dispose();
        return info;
      },
    });
    try {
      const viaKernel = await explain(model, images, { method: 'gradcam', targets: 'all' });
      expect(calls).toBe(3);
      viaKernel.heatmaps.forEach((h, i) => {
        expect(maxAbsDiff(h.weights!, stock.heatmaps[i].weights!)).toBeLessThan(1e-7);
      });
    } finally {
      tf.unregisterKernel(GradcamWeights, backend);
    }
  });

  it('a registered CamFuse kernel is used, and stock ops are used otherwise', async () => {
    const stock = await explain(model, images, { method: 'gradcam', targets: 'all' });
    let calls = 0;
    tf.registerKernel({
      kernelName: CamFuse,
      backendName: backend,
      kernelFunc: ({ inputs, attrs }) => {
        calls++;
        const { features, weights } = inputs as unknown as { features: tf.Tensor4D; weights: tf.Tensor3D };
        const size = (attrs as unknown as { outSize: [number, number] }).outSize;
        // A stand-in that follows the contract; its output tensor must survive this scope.
        const out = tf.tidy(() =>
          tf.transpose(postprocessCam(weightedSum(features, weights), size), [0, 3, 1, 2]),
        );
        const info = { dataId: out.dataId, shape: out.shape, dtype: out.dtype };
        tf.engine().backend.incRef(out.dataId);
        out.dispose();
        return info;
      },
    });
    try {
      const fused = await explain(model, images, { method: 'gradcam', targets: 'all' });
      expect(calls).toBeGreaterThan(0);
      fused.heatmaps.forEach((h, i) => {
        expect(maxAbsDiff(h.map, stock.heatmaps[i].map)).toBeLessThan(1e-6);
      });
    } finally {
      tf.unregisterKernel(CamFuse, backend);
    }
  });

  it('1,000 calls across every method leave tf.memory().numTensors unchanged', async () => {
    const tiny = gapNet({ size: 4, filters: [2], classes: 2, seed: 8 });
    const x = tf.randomUniform([1, 4, 4, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
    await explain(tiny, x, { method: 'gradcam' }); // warm-up: kernels' one-time state
    const before = tf.memory().numTensors;
    for (let i = 0; i < 1000; i++) {
      const method = METHODS[i % METHODS.length];
      await explain(tiny, x, { method, samples: 2, steps: 2, targets: i % 2 ? 'all' : undefined });
    }
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    tiny.dispose();
  });

  it('bad inputs throw one-line CamkitErrors that name the problem', async () => {
    expect(await errorOf(explain(model, images, { method: 'gradcam', layer: 'nope' }))).toMatch(
      /layer 'nope'.*candidate layers: conv1, conv2/,
    );
    expect(await errorOf(explain(model, images, { method: 'gradcam', layer: 'gap' }))).toMatch(
      /no 4-D output/,
    );
    const gray = tf.zeros([2, 6, 6, 1]) as tf.Tensor4D;
    expect(await errorOf(explain(model, gray, { method: 'gradcam' }))).toMatch(/1 channels.*expects 3/);
    const empty = tf.zeros([0, 6, 6, 3]) as tf.Tensor4D;
    expect(await errorOf(explain(model, empty, { method: 'gradcam' }))).toMatch(/empty batch/);
    const flat = tf.zeros([6, 6, 3]) as unknown as tf.Tensor4D;
    expect(await errorOf(explain(model, flat, { method: 'gradcam' }))).toMatch(/4-D tensor.*\[6, 6, 3\]/);
    const big = tf.zeros([1, 8, 8, 3]) as tf.Tensor4D;
    expect(await errorOf(explain(model, big, { method: 'gradcam' }))).toMatch(/8×8.*expects 6×6/);
    const noGap = flattenNet(6);
    expect(await errorOf(explain(noGap, images, { method: 'cam' }))).toMatch(
      /'cam' needs.*use method 'gradcam'/,
    );
    expect(await errorOf(explain(model, images, { method: 'gradcam', targets: [0, 1] }))).toMatch(
      /'targets' has 2 classes for 3 images/,
    );
    expect(await errorOf(explain(model, images, { method: 'gradcam', targets: [0, 1, 3] }))).toMatch(
      /class 3/,
    );
    expect(await errorOf(explain(model, images, { method: 'gradcamz' as Method }))).toMatch(
      /unknown method 'gradcamz'/,
    );
    expect(await errorOf(explain(model, images, { method: 'scorecam', batchSize: 0 }))).toMatch(
      /'batchSize'/,
    );
    tf.dispose([gray, empty, flat, big]);
    noGap.dispose();
  });
});

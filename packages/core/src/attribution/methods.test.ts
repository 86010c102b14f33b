// Channel weights, maps and post-processing: hand-worked tiny cases, then explain() against
// independent float64 loops of pytorch-grad-cam's formulas on a GAP→Dense net, where the
// gradient of logit c with respect to the last conv output is W[:, c] / (h·w) analytically.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbsDiff, useBackend } from '../../test/backends.js';
import {
  eigencam64,
  gradcamPlusPlusWeights64,
  gray64,
  hirescam64,
  layercam64,
  resizeHalfPixel64,
  weightedSum64,
  xgradcamWeights64,
} from '../../test/reference-cam.js';
import { gapNet } from '../../test/tiny-models.js';
import { eigenProjection, topEigenvector } from './eigen-projection.js';
import { explain } from './explain.js';
import { gradcamPlusPlusWeights } from './gradcam-plus-plus-weights.js';
import { gradcamWeights } from './gradcam-weights.js';
import { hirescamMap } from './hirescam-map.js';
import { layercamMap } from './layercam-map.js';
import { minMaxNormalize } from './min-max-normalize.js';
import { postprocessCam, scaleCamImage } from './scale-cam-image.js';
import { scorecamMasks, scorecamWeights } from './score-cam.js';
import type { CamMethod } from './types.js';
import { weightedSum } from './weighted-sum.js';
import { xgradcamWeights } from './xgradcam-weights.js';

const t4 = (values: number[], shape: [number, number, number, number]) => tf.tensor4d(values, shape);
const read = (t: tf.Tensor) => {
  const d = Array.from(t.dataSync());
  t.dispose();
  return d;
};

describe.each(BACKENDS)('attribution maths by hand (%s)', (backend) => {
  beforeAll(() => useBackend(backend));

  it('gradcamWeights: spatial mean of the gradient per channel', () => {
    // g[1, 2, 2, 2]: channel 0 = 1, 2, 3, 6 → 3; channel 1 = -1, 0, 1, 4 → 1.
    const g = t4([1, -1, 2, 0, 3, 1, 6, 4], [1, 2, 2, 2]);
    expect(read(gradcamWeights(g))).toEqual([3, 1]);
    g.dispose();
  });

  it('gradcamPlusPlusWeights: the library variant, worked by hand', () => {
    // One channel, 1×2 map. A = [1, 3] (ΣA = 4), g = [2, 0]:
    // a = 4 / (2·4 + 4·8 + 1e-6) ≈ 0.1 at the first position, 0 where g = 0; w = relu(2)·0.1 = 0.2.
    const a = t4([1, 3], [1, 1, 2, 1]);
    const g = t4([2, 0], [1, 1, 2, 1]);
    expect(read(gradcamPlusPlusWeights(a, g))[0]).toBeCloseTo(8 / (40 + 1e-6), 6);
    // A negative gradient gets weight 0 (relu(g)).
    const gn = t4([-2, 0], [1, 1, 2, 1]);
    expect(read(gradcamPlusPlusWeights(a, gn))[0]).toBe(0);
    tf.dispose([a, g, gn]);
  });

  it('xgradcamWeights: Σ g·A / (ΣA + 1e-7), by hand', () => {
    // A = [1, 3], g = [2, 5] → (2·1 + 5·3) / 4 = 4.25.
    const a = t4([1, 3], [1, 1, 2, 1]);
    const g = t4([2, 5], [1, 1, 2, 1]);
    expect(read(xgradcamWeights(a, g))[0]).toBeCloseTo(4.25, 5);
    tf.dispose([a, g]);
  });

  it('layercamMap and hirescamMap: per-position sums, by hand', () => {
    // Two channels at two positions. A = [[1, 2], [3, 4]], g = [[-1, 3], [2, -5]].
    const a = t4([1, 2, 3, 4], [1, 1, 2, 2]);
    const g = t4([-1, 3, 2, -5], [1, 1, 2, 2]);
    // LayerCAM: relu(g)·A summed over channels → [0 + 6, 6 + 0].
    expect(read(layercamMap(a, g))).toEqual([6, 6]);
    // HiResCAM: g·A summed → [-1 + 6, 6 - 20].
    expect(read(hirescamMap(a, g))).toEqual([5, -14]);
    tf.dispose([a, g]);
  });

  it('weightedSum: per-image and shared weights', () => {
    const a = t4([1, 2, 3, 4], [1, 1, 2, 2]);
    const shared = tf.tensor2d([10, 1, 100, 2], [2, 2]); // column 0 = [10, 100], column 1 = [1, 2]
    // position 0: 1·10 + 2·100 = 210, 1·1 + 2·2 = 5; position 1: 3·10 + 4·100 = 430, 3 + 8 = 11.
    expect(read(weightedSum(a, shared))).toEqual([210, 5, 430, 11]);
    const perImage = tf.tensor3d([10, 1, 100, 2], [1, 2, 2]);
    expect(read(weightedSum(a, perImage))).toEqual([210, 5, 430, 11]);
    tf.dispose([a, shared, perImage]);
  });

  it('minMaxNormalize: ε added to the range, constant and all-zero maps give zeros, never NaN', () => {
    const x = t4([0, 2, 4, 8, 5, 5, 5, 5, 0, 0, 0, 0], [3, 2, 2, 1]);
    const out = read(minMaxNormalize(x));
    const d = 8 + 1e-7;
    expect(maxAbsDiff(out.slice(0, 4), [0, 2 / d, 4 / d, 8 / d])).toBeLessThan(1e-7);
    expect(out.slice(4)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    x.dispose();
  });

  it('scaleCamImage: min-max, then half-pixel (OpenCV INTER_LINEAR) resize', () => {
    // 1×2 row [0, 1] → 1×4: src x = (dst + 0.5)/2 − 0.5 = −0.25 (clamped 0), 0.25, 0.75, 1.25 (clamped 1).
    const x = t4([0, 3], [1, 1, 2, 1]);
    const out = read(scaleCamImage(x, [1, 4]));
    expect(
      maxAbsDiff(
        out,
        [0, 0.25, 0.75, 1].map((v) => (v * 3) / (3 + 1e-7)),
      ),
    ).toBeLessThan(1e-6);
    x.dispose();
  });

  it('postprocessCam: the gray pipeline equals a float64 loop; an all-zero or all-negative map stays zero', () => {
    const raw = [-1, 0, 2, 1, 3, -2, 0.5, 4, 1.5];
    const x = t4([...raw, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -2, -3, -4, -5, -6, -7, -8, -9], [3, 3, 3, 1]);
    const out = read(postprocessCam(x, [7, 5]));
    expect(maxAbsDiff(out.slice(0, 35), gray64(raw, 3, 3, 7, 5))).toBeLessThan(1e-6);
    expect(out.slice(35).every((v) => v === 0)).toBe(true);
    x.dispose();
  });

  it('scorecamMasks: align-corners upsampling and per-channel min-max (1e-8), by hand', () => {
    // 2×2 [[0, 1], [2, 3]] → 3×3 with align corners: [[0, .5, 1], [1, 1.5, 2], [2, 2.5, 3]], then / 3.
    const a = tf.tensor3d([0, 1, 2, 3], [2, 2, 1]);
    const out = read(scorecamMasks(a, [3, 3]));
    const expected = [0, 0.5, 1, 1, 1.5, 2, 2, 2.5, 3].map((v) => v / (3 + 1e-8));
    expect(maxAbsDiff(out, expected)).toBeLessThan(1e-6);
    a.dispose();
  });

  it('scorecamWeights: softmax over channels of the scores', () => {
    // One image, 2 channels, 1 class: scores [0, ln 3] → weights [1/4, 3/4].
    const s = tf.tensor3d([0, Math.log(3)], [1, 2, 1]);
    expect(maxAbsDiff(read(scorecamWeights(s)), [0.25, 0.75])).toBeLessThan(1e-6);
    s.dispose();
  });
});

describe('eigenProjection (host float64)', () => {
  it('rank-1 activations: the centred positional factor times |v|, sign toward more activation', () => {
    // A[i, k] = u_i · v_k + c_k with u = [1, 2, 3, 6], v = [3, 4], c = [7, -2]: centred u = [-2, -1, 0, 3].
    const u = [1, 2, 3, 6];
    const v = [3, 4];
    const c = [7, -2];
    const a = u.flatMap((ui) => v.map((vk, k) => ui * vk + c[k]));
    const proj = eigenProjection(a, 4, 2);
    expect(maxAbsDiff(proj, [-10, -5, 0, 15])).toBeLessThan(1e-9);
  });

  it('more positions than channels and more channels than positions agree with power iteration', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (const [p, k] of [
      [12, 5],
      [4, 9],
    ]) {
      const a = Array.from({ length: p * k }, () => Math.max(rand() * 2 - 0.5, 0));
      const ours = eigenProjection(a, p, k);
      expect(maxAbsDiff(ours, eigencam64(a, p, k))).toBeLessThan(1e-8);
    }
  });

  it('topEigenvector: A v = λ_max v for a symmetric matrix', () => {
    const m = Float64Array.from([4, 1, 2, 1, 3, 0, 2, 0, 5]);
    const v = topEigenvector(m, 3);
    const av = [0, 1, 2].map((i) => m[i * 3] * v[0] + m[i * 3 + 1] * v[1] + m[i * 3 + 2] * v[2]);
    const lambda = av.reduce((s, x, i) => s + x * v[i], 0);
    expect(
      maxAbsDiff(
        av,
        Array.from(v, (x) => lambda * x),
      ),
    ).toBeLessThan(1e-10);
    // λ_max of this matrix is above every diagonal entry (Gershgorin + trace arguments aside, check directly).
    expect(lambda).toBeGreaterThan(5);
  });
});

describe.each(BACKENDS)('explain() against float64 loops of the library formulas (%s)', (backend) => {
  let model: tfl.LayersModel;
  let images: tf.Tensor4D;
  let acts: Float32Array;
  let kernel: Float32Array;
  const [n, size, k, classes] = [2, 6, 5, 3];
  const p = size * size;

  beforeAll(async () => {
    await useBackend(backend);
    model = gapNet({ size, filters: [4, k], classes, seed: 3 });
    images = tf.randomUniform([n, size, size, 3], 0, 1, 'float32', 11) as tf.Tensor4D;
    // Activations from a stock tfjs sub-model (independent of camkit's graph runner).
    const sub = tfl.model({
      inputs: model.inputs,
      outputs: model.getLayer('conv2').output as tfl.SymbolicTensor,
    });
    const a = sub.predict(images) as tf.Tensor;
    acts = a.dataSync() as Float32Array;
    a.dispose();
    kernel = model.getLayer('logits').getWeights()[0].dataSync() as Float32Array;
  });
  afterAll(() => {
    images.dispose();
    model.dispose();
  });

  // ∂ logit_c / ∂ A[i, k] = W[k, c] / (h·w) at every position i for a GAP→Dense head.
  const grads = (c: number) =>
    Float64Array.from({ length: p * k }, (_, j) => kernel[(j % k) * classes + c] / p);

  const formulas: [CamMethod, (a: Float32Array, c: number) => Float64Array][] = [
    [
      'gradcam',
      (a, c) =>
        weightedSum64(
          a,
          Array.from({ length: k }, (_, q) => kernel[q * classes + c] / p),
          p,
          k,
        ),
    ],
    [
      'cam',
      (a, c) =>
        weightedSum64(
          a,
          Array.from({ length: k }, (_, q) => kernel[q * classes + c]),
          p,
          k,
        ),
    ],
    ['gradcam++', (a, c) => weightedSum64(a, gradcamPlusPlusWeights64(a, grads(c), p, k), p, k)],
    ['xgradcam', (a, c) => weightedSum64(a, xgradcamWeights64(a, grads(c), p, k), p, k)],
    ['layercam', (a, c) => layercam64(a, grads(c), p, k)],
    ['hirescam', (a, c) => hirescam64(a, grads(c), p, k)],
    ['eigencam', (a) => eigencam64(a, p, k)],
  ];

  it.each(formulas)('%s: raw and gray maps for every image and class', async (method, formula) => {
    const r = await explain(model, images, { method, targets: 'all' });
    expect(r.layer).toBe('conv2');
    for (const h of r.heatmaps) {
      const a = acts.subarray(h.imageIndex * p * k, (h.imageIndex + 1) * p * k);
      const raw = formula(a, h.classIndex);
      const scale = Math.max(...raw.map(Math.abs));
      expect(
        maxAbsDiff(h.raw!, raw) / scale,
        `${method} image ${h.imageIndex} class ${h.classIndex}`,
      ).toBeLessThan(1e-4);
      expect(maxAbsDiff(h.map, gray64(raw, size, size, size, size))).toBeLessThan(1e-4);
    }
  });

  it('gradcam on a GAP→Dense net: α = W[:, c] / (h·w) and the gray map equals CAM', async () => {
    const grad = await explain(model, images, { method: 'gradcam', targets: 'all' });
    const cam = await explain(model, images, { method: 'cam', targets: 'all' });
    grad.heatmaps.forEach((h, i) => {
      const w = Array.from({ length: k }, (_, q) => kernel[q * classes + h.classIndex]);
      expect(
        maxAbsDiff(
          h.weights!,
          w.map((x) => x / p),
        ),
      ).toBeLessThan(1e-6);
      expect(maxAbsDiff(h.map, cam.heatmaps[i].map)).toBeLessThan(1e-5);
    });
  });

  it('upsampling: a 3×3 conv map resized to 7×5 input size matches the float64 OpenCV loop', () => {
    const raw = [1, 2, 0, 3, 5, 1, 0, 4, 2];
    const out = postprocessCam(tf.tensor4d(raw, [1, 3, 3, 1]), [7, 5]);
    const mid = resizeHalfPixel64(
      raw.map((v) => v / (5 + 1e-7)),
      3,
      3,
      7,
      5,
    );
    expect(
      maxAbsDiff(
        read(out),
        mid.map((v) => v / (1 + 1e-7)),
      ),
    ).toBeLessThan(1e-6);
  });
});

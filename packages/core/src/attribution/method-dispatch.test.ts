// Method dispatch on a network where the CAM methods really differ. On a GAP→Dense head the
// gradient is constant over positions, so Grad-CAM, XGrad-CAM and HiResCAM coincide and a
// swapped dispatch would pass. Here the target layer is a linear conv (negative values, so
// Ablation-CAM's "min − 1e7" rule applies) followed by a ReLU conv and a Dense layer: every
// method's map is computed by an independent float64 forward pass, finite-difference gradients
// and the library's formula, and every pair of methods gives different maps.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbs, maxAbsDiff, useBackend } from '../../test/backends.js';
import {
  ablationcamWeights64,
  eigencam64,
  eigengradcam64,
  gradcamElementwise64,
  gradcamPlusPlusWeights64,
  gradcamWeights64,
  gray64,
  hirescam64,
  layercam64,
  weightedSum64,
  xgradcamWeights64,
} from '../../test/reference-cam.js';
import { explain } from './explain.js';
import type { CamMethod, ExplainResult } from './types.js';
import { CAM_METHODS } from './validate-input.js';

const [S, C, K, F, CLASSES, N] = [6, 2, 4, 3, 3, 2];
const P = S * S;

function dispatchNet(): tfl.Sequential {
  const init = (seed: number) => ({
    kernelInitializer: tfl.initializers.glorotNormal({ seed }),
    biasInitializer: tfl.initializers.randomUniform({ minval: -0.3, maxval: 0.3, seed: seed + 100 }),
  });
  return tfl.sequential({
    name: 'dispatch_net',
    layers: [
      tfl.layers.conv2d({
        name: 'feat',
        inputShape: [S, S, C],
        filters: K,
        kernelSize: 3,
        padding: 'same',
        ...init(1),
      }),
      tfl.layers.conv2d({ name: 'mix', filters: F, kernelSize: 3, activation: 'relu', ...init(2) }),
      tfl.layers.flatten({ name: 'flat' }),
      tfl.layers.dense({ name: 'out', units: CLASSES, activation: 'softmax', ...init(3) }),
    ],
  });
}

/** 3×3 conv, channels-last, stride 1, 'same' (zero pad 1) or 'valid', in float64. */
function conv64(
  x: ArrayLike<number>,
  size: number,
  cin: number,
  kernel: ArrayLike<number>,
  bias: ArrayLike<number>,
  cout: number,
  same: boolean,
  relu: boolean,
): Float64Array {
  const out = same ? size : size - 2;
  const off = same ? -1 : 0;
  const y = new Float64Array(out * out * cout);
  for (let r = 0; r < out; r++) {
    for (let c = 0; c < out; c++) {
      for (let f = 0; f < cout; f++) {
        let s = bias[f];
        for (let dr = 0; dr < 3; dr++) {
          for (let dc = 0; dc < 3; dc++) {
            const rr = r + dr + off;
            const cc = c + dc + off;
            if (rr < 0 || cc < 0 || rr >= size || cc >= size) continue;
            for (let i = 0; i < cin; i++)
              s += x[(rr * size + cc) * cin + i] * kernel[((dr * 3 + dc) * cin + i) * cout + f];
          }
        }
        y[(r * out + c) * cout + f] = relu ? Math.max(s, 0) : s;
      }
    }
  }
  return y;
}

describe.each(BACKENDS)(
  'method dispatch on a conv→conv→dense head where the methods differ (%s)',
  (backend) => {
    let model: tfl.Sequential;
    let images: tf.Tensor4D;
    let pixels: Float32Array;
    let w: Float32Array[];
    const results = new Map<string, ExplainResult>();
    const methods = CAM_METHODS.filter((m) => m !== 'cam'); // CAM needs a GAP→Dense head

    const features64 = (x: ArrayLike<number>) => conv64(x, S, C, w[0], w[1], K, true, false);
    const head64 = (a: ArrayLike<number>): Float64Array => {
      const h = conv64(a, S, K, w[2], w[3], F, false, true);
      const logits = Float64Array.from(w[5]);
      for (let j = 0; j < h.length; j++)
        for (let t = 0; t < CLASSES; t++) logits[t] += h[j] * w[4][j * CLASSES + t];
      return logits;
    };
    /** ∂ logit_t / ∂ A by central differences of the float64 head (piecewise linear: exact off the kinks). */
    const grads64 = (a: Float64Array, t: number): Float64Array => {
      const eps = 1e-5;
      return Float64Array.from(a, (_, j) => {
        const up = Float64Array.from(a);
        const down = Float64Array.from(a);
        up[j] += eps;
        down[j] -= eps;
        return (head64(up)[t] - head64(down)[t]) / (2 * eps);
      });
    };
    const scorecam64 = (x: ArrayLike<number>, a: Float64Array, t: number): Float64Array => {
      // Same size as the input, so the align-corners upsampling is the identity; per-channel (u − min)/(max − min + 1e-8).
      const scores = Array.from({ length: K }, (_, k) => {
        let lo = Infinity;
        let hi = -Infinity;
        for (let i = 0; i < P; i++) {
          lo = Math.min(lo, a[i * K + k]);
          hi = Math.max(hi, a[i * K + k]);
        }
        const masked = Float64Array.from(
          x,
          (v, j) => v * ((a[Math.floor(j / C) * K + k] - lo) / (hi - lo + 1e-8)),
        );
        return head64(features64(masked))[t];
      });
      const top = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - top));
      const total = e.reduce((s, v) => s + v, 0);
      return weightedSum64(
        a,
        e.map((v) => v / total),
        P,
        K,
      );
    };
    const formula = (method: CamMethod, x: ArrayLike<number>, a: Float64Array, t: number, batch: number) => {
      const g = () => grads64(a, t);
      switch (method) {
        case 'gradcam':
          return weightedSum64(a, gradcamWeights64(g(), P, K), P, K);
        case 'gradcam++':
          return weightedSum64(a, gradcamPlusPlusWeights64(a, g(), P, K), P, K);
        case 'xgradcam':
          return weightedSum64(a, xgradcamWeights64(a, g(), P, K), P, K);
        case 'layercam':
          return layercam64(a, g(), P, K);
        case 'hirescam':
          return hirescam64(a, g(), P, K);
        case 'gradcam-elementwise':
          return gradcamElementwise64(a, g(), P, K);
        case 'eigencam':
          return eigencam64(a, P, K);
        case 'eigengradcam':
          return eigengradcam64(a, g(), P, K);
        case 'scorecam':
          return scorecam64(x, a, t);
        case 'ablationcam':
          return weightedSum64(
            a,
            ablationcamWeights64(a, P, K, batch, (ab) => head64(ab)[t]),
            P,
            K,
          );
        default:
          throw new Error(`no formula for ${method}`);
      }
    };
    const run = async (method: CamMethod, batchSize?: number) => {
      const key = `${method}:${batchSize}`;
      if (!results.has(key))
        results.set(key, await explain(model, images, { method, layer: 'feat', targets: 'all', batchSize }));
      return results.get(key)!;
    };

    beforeAll(async () => {
      await useBackend(backend);
      model = dispatchNet();
      images = tf.randomUniform([N, S, S, C], -1, 1, 'float32', 5) as tf.Tensor4D;
      pixels = images.dataSync() as Float32Array;
      w = model.getWeights().map((t) => t.dataSync() as Float32Array);
    });
    afterAll(() => {
      images.dispose();
      model.dispose();
    });

    it('the float64 forward pass equals the model (the reference is the same network)', async () => {
      const r = await run('gradcam');
      for (let i = 0; i < N; i++) {
        const logits = head64(features64(pixels.subarray(i * P * C, (i + 1) * P * C)));
        expect(maxAbsDiff(r.predictions[i].logits, logits)).toBeLessThan(1e-4 * maxAbs(logits));
      }
      // The target layer has negative values, so Ablation-CAM uses the min − 1e7 rule here.
      expect(Math.min(...features64(pixels.subarray(0, P * C)))).toBeLessThan(0);
    });

    it.each(methods.map((m) => [m]))(
      '%s: raw and gray maps equal its own formula for every image and class',
      async (method) => {
        const started = tf.memory().numTensors;
        const r = await run(method);
        expect(tf.memory().numTensors).toBe(started);
        expect(r.heatmaps).toHaveLength(N * CLASSES);
        for (const h of r.heatmaps) {
          const x = pixels.subarray(h.imageIndex * P * C, (h.imageIndex + 1) * P * C);
          const raw = formula(method, x, features64(x), h.classIndex, 32);
          const what = `${method} image ${h.imageIndex} class ${h.classIndex}`;
          expect(maxAbsDiff(h.raw!, raw) / maxAbs(raw), what).toBeLessThan(1e-4);
          expect(maxAbsDiff(h.map, gray64(raw, S, S, S, S)), what).toBeLessThan(1e-3);
        }
      },
    );

    it('ablationcam in batches of 3 channels (the last batch padded): the value follows each copy’s place in its batch', async () => {
      const r = await run('ablationcam', 3);
      for (const h of r.heatmaps) {
        const x = pixels.subarray(h.imageIndex * P * C, (h.imageIndex + 1) * P * C);
        const raw = formula('ablationcam', x, features64(x), h.classIndex, 3);
        expect(maxAbsDiff(h.raw!, raw) / maxAbs(raw)).toBeLessThan(1e-4);
      }
      // Channel 3 is the 4th copy of one batch of 4 by default but the 1st of its batch here.
      const whole = await run('ablationcam');
      const moved = r.heatmaps.some((h, i) => maxAbsDiff(h.weights!, whole.heatmaps[i].weights!) > 1e-3);
      expect(moved).toBe(true);
    });

    it('every pair of methods gives different maps here', async () => {
      const maps = new Map<CamMethod, ExplainResult>();
      for (const m of methods) maps.set(m, await run(m));
      for (const [i, a] of methods.entries()) {
        for (const b of methods.slice(i + 1)) {
          const ra = maps.get(a)!.heatmaps;
          const rb = maps.get(b)!.heatmaps;
          const diff = Math.max(...ra.map((h, j) => maxAbsDiff(h.map, rb[j].map)));
          expect(diff, `${a} vs ${b}`).toBeGreaterThan(0.05);
        }
      }
    });
  },
);

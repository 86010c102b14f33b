import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { GradcamPlusPlusWeights, GradcamWeights, gradcamPlusPlusWeights, gradcamWeights } from '@camkit/core';
import {
  camFuse,
  camFuseImpl,
  camFuseOpChain,
  gradcamPlusPlusWeightsImpl,
  gradcamWeightsImpl,
} from '../src/index.js';
import { backendBuffers, poisonPool } from './backends.js';
import { CAM_CASES } from './cam-cases.js';
import { camAttrs, countNaN, drawInputs, maxRelErr } from './cam-helpers.js';
import { camReferenceF64 } from './cam-reference-f64.js';
import { randn } from './random.js';

// Float32 sums of up to 257 terms, then a division by a range: 1e-4 relative is far below any
// convention error (a wrong resize mapping or epsilon moves values by 1e-2 or more).
const TOL = 2e-4;

/** The CamFuse case table on the active backend: vs float64 loops, the cpu impl and the stock op chain. */
export function camFuseCases(backend: string): void {
  describe.each(CAM_CASES)(`camFuse [${backend}] $name`, (cs) => {
    it('matches the float64 reference and the cpu impl, writes every element, leaks nothing', async () => {
      expect(tf.getBackend()).toBe(backend);
      const { features, weights, wShape } = drawInputs(cs);
      const attrs = camAttrs(cs);
      const ref = camReferenceF64(features, weights, cs, { outH: cs.outH, outW: cs.outW, ...attrs });
      const implOut = camFuseImpl(features, [cs.n, cs.h, cs.w, cs.k], weights, wShape, attrs);

      const f = tf.tensor4d(features, [cs.n, cs.h, cs.w, cs.k]);
      const w = tf.tensor(weights, wShape);
      const tensorsBefore = tf.memory().numTensors;
      const buffersBefore = backendBuffers();
      await poisonPool([
        [cs.n, cs.c, cs.outH, cs.outW],
        [cs.n, cs.c, cs.h * cs.w],
      ]);
      const out = camFuse(f, w as tf.Tensor2D, attrs);
      expect(out.shape).toEqual([cs.n, cs.c, cs.outH, cs.outW]);
      const got = await out.data();
      out.dispose();
      expect(tf.memory().numTensors).toBe(tensorsBefore);
      expect(backendBuffers()).toBe(buffersBefore);

      expect(countNaN(got)).toBe(0);
      expect(maxRelErr(got, ref)).toBeLessThan(TOL);
      expect(maxRelErr(got, implOut)).toBeLessThan(TOL);
      if (cs.expectZeros) expect(Math.max(...Array.from(got, Math.abs))).toBeLessThan(1e-6);
      if (cs.normalize && !cs.expectZeros) {
        // The second min-max pins each map to [0, ~1]: min exactly 0, max 1 - O(1e-7 / range).
        const hw = cs.outH * cs.outW;
        for (let m = 0; m < cs.n * cs.c; m++) {
          const map = got.subarray(m * hw, (m + 1) * hw);
          expect(Math.min(...map)).toBeCloseTo(0, 6);
          expect(Math.max(...map)).toBeGreaterThan(0.999);
        }
      }

      // The same maths in stock tfjs ops, on the same backend.
      const chain = camFuseOpChain(f, w, attrs);
      const chainData = await chain.data();
      chain.dispose();
      expect(maxRelErr(chainData, ref)).toBeLessThan(TOL);
      f.dispose();
      w.dispose();
    });
  });
}

const WEIGHT_CASES = [
  { name: '1x3x3x5', shape: [1, 3, 3, 5] },
  { name: '2x7x5x257 (odd, K not a multiple of 64)', shape: [2, 7, 5, 257] },
  { name: 'h=w=1', shape: [3, 1, 1, 4] },
] as const;

function gradcamPPF64(g: Float32Array, a: Float32Array, n: number, hw: number, k: number): Float64Array {
  const out = new Float64Array(n * k);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < k; ch++) {
      let s = 0;
      for (let p = 0; p < hw; p++) s += a[(b * hw + p) * k + ch] as number;
      let acc = 0;
      for (let p = 0; p < hw; p++) {
        const gv = g[(b * hw + p) * k + ch] as number;
        const aij = gv === 0 ? 0 : gv ** 2 / (2 * gv ** 2 + s * gv ** 3 + 1e-6);
        acc += Math.max(gv, 0) * aij;
      }
      out[b * k + ch] = acc;
    }
  }
  return out;
}

/** GradcamWeights / GradcamPlusPlusWeights on the active backend vs float64 loops and the impls. */
export function weightsCases(backend: string): void {
  describe.each(WEIGHT_CASES)(`gradcam weights [${backend}] $name`, ({ shape }) => {
    it('alpha = spatial mean; Grad-CAM++ weights match the library formula', async () => {
      const [n, h, w, k] = shape;
      const hw = h * w;
      const g = randn(n * hw * k);
      // Post-ReLU activations and some exact-zero gradients, as real layers give.
      const a = randn(n * hw * k).map((v) => Math.max(v, 0));
      for (let i = 0; i < g.length; i += 7) g[i] = 0;
      const meanRef = new Float64Array(n * k);
      for (let i = 0; i < g.length; i++) {
        const b = Math.floor(i / (hw * k));
        meanRef[b * k + (i % k)] += (g[i] as number) / hw;
      }
      const ppRef = gradcamPPF64(g, a, n, hw, k);
      expect(maxRelErr(gradcamWeightsImpl(g, n, hw, k), meanRef)).toBeLessThan(1e-5);
      expect(maxRelErr(gradcamPlusPlusWeightsImpl(g, a, n, hw, k), ppRef)).toBeLessThan(1e-5);

      const gt = tf.tensor4d(g, [n, h, w, k]);
      const at = tf.tensor4d(a, [n, h, w, k]);
      const before = tf.memory().numTensors;
      await poisonPool([[n, k]]);
      // core's ops run this package's kernels when registered: make sure they are, so the kernels are what is measured.
      expect(tf.getKernel(GradcamWeights, tf.getBackend())).toBeDefined();
      expect(tf.getKernel(GradcamPlusPlusWeights, tf.getBackend())).toBeDefined();
      const alpha = gradcamWeights(gt);
      const pp = gradcamPlusPlusWeights(at, gt);
      expect(alpha.shape).toEqual([n, k]);
      const [alphaData, ppData] = await Promise.all([alpha.data(), pp.data()]);
      tf.dispose([alpha, pp]);
      expect(tf.memory().numTensors).toBe(before);
      expect(countNaN(alphaData) + countNaN(ppData)).toBe(0);
      expect(maxRelErr(alphaData, meanRef)).toBeLessThan(1e-5);
      expect(maxRelErr(ppData, ppRef)).toBeLessThan(1e-4);
      tf.dispose([gt, at]);
    });
  });
}
